/** A place in a deck file: a JSON path, and a line and column where the source has lines. */
export interface DeckError {
	file?: string;
	line?: number;
	column?: number;
	/** Path inside the deck, for example `cards[3].prompt`; empty for the whole file. */
	path: string;
	message: string;
}

export type PathKey = string | number;

/** Finds the line and column of a path in the file the deck was read from. */
export type Locate = (path: readonly PathKey[]) => { line: number; column: number } | undefined;

export type DeckResult<T> = { ok: true; deck: T } | { ok: false; errors: DeckError[] };

/** `cards[3].prompt` from `['cards', 3, 'prompt']`. */
export function formatPath(path: readonly PathKey[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out ? `.${key}` : key;
	}
	return out;
}

/**
 * One line an author can act on.
 * @example formatError({ file: 'decks/a.yaml', line: 4, column: 7, path: 'cards[0].answer', message: 'must not be empty' })
 * // 'decks/a.yaml:4:7 cards[0].answer: must not be empty'
 */
export function formatError(e: DeckError): string {
	let where = e.file ?? '';
	if (e.line !== undefined) where += `:${e.line}:${e.column ?? 1}`;
	const path = e.path ? `${e.path}: ` : '';
	return `${where ? where + ' ' : ''}${path}${e.message}`;
}
