/** A place in a deck file: a JSON path, and a line and column where the source has lines. */
export interface DeckError {
	file?: string;
	line?: number;
	column?: number;
	/**
	 * Path inside the deck as an author reads it, for example `cards[3].prompt` for the third card:
	 * in deck errors list numbers count from 1. Empty for the whole file.
	 */
	path: string;
	/** The same place as keys for code (list indexes count from 0), for example `['cards', 2, 'prompt']`. */
	keys?: PathKey[];
	message: string;
}

export type PathKey = string | number;

/** Finds the line and column of a path in the file the deck was read from. */
export type Locate = (path: readonly PathKey[]) => { line: number; column: number } | undefined;

export type DeckResult<T> = { ok: true; deck: T } | { ok: false; errors: DeckError[] };

/**
 * `cards[3].prompt` from `['cards', 3, 'prompt']`; `firstIndex: 1` counts list items from 1, as
 * deck errors do, so `['cards', 2]` reads `cards[3]`, the third card.
 */
export function formatPath(path: readonly PathKey[], firstIndex: 0 | 1 = 0): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key + firstIndex}]`;
		else out += out ? `.${key}` : key;
	}
	return out;
}

/**
 * A deck path as an author reads it: list numbers count from 1.
 * @example formatDeckPath(['cards', 0, 'answer']) // 'cards[1].answer'
 */
export const formatDeckPath = (path: readonly PathKey[]): string => formatPath(path, 1);

/**
 * One line an author can act on.
 * @example formatError({ file: 'decks/a.yaml', line: 4, column: 7, path: 'cards[1].answer', message: 'must not be empty' })
 * // 'decks/a.yaml:4:7 cards[1].answer: must not be empty'
 */
export function formatError(e: DeckError): string {
	let where = e.file ?? '';
	if (e.line !== undefined) where += `:${e.line}:${e.column ?? 1}`;
	const path = e.path ? `${e.path}: ` : '';
	return `${where ? where + ' ' : ''}${path}${e.message}`;
}
