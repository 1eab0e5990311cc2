import type { DeckError } from '$lib/deck/errors';

/** The text formats a deck can be imported from. */
export type TextFormat = 'anki' | 'quizlet' | 'csv';

/** One row of a text export, before its fields become plain text. */
export interface TextNote {
	/** The line the row starts on (1-based), for error places. */
	line: number;
	/** The note's fields in order: front, back, then any extra fields. May hold HTML. */
	fields: string[];
	guid?: string;
	/** Anki's note type: `Basic`, `Basic (and reversed card)`, `Cloze`… */
	notetype?: string;
	/** Anki's deck name, `Languages::Spanish`. */
	deck?: string;
	tags?: string[];
	/** A card id given by the file (Recall's own CSV export). */
	id?: string;
	/** A source quote given by the file (Recall's own CSV export). */
	quote?: string;
}

export interface TextParse {
	format: TextFormat;
	notes: TextNote[];
	errors: DeckError[];
	warnings: DeckError[];
	/** A deck name the file gives (Anki's `#deck:` header or its deck column). */
	deckName?: string;
	/** False when the fields are plain text (Anki's `#html:false`): `<b>` is then text, not a tag. */
	html?: boolean;
	/** Rows that give no note, and why: the page says so beside its Import button. */
	skipped?: SkippedRow[];
}

/** A row of the file that makes no card. */
export interface SkippedRow {
	line: number;
	reason: string;
}

/**
 * Skipped rows by reason, in the order first met, so 500 empty rows give one line, not 500.
 * @example skippedByReason([{ line: 3, reason: 'the back is empty' }, { line: 9, reason: 'the back is empty' }])
 * // [{ reason: 'the back is empty', lines: [3, 9] }]
 */
export function skippedByReason(
	rows: readonly SkippedRow[]
): { reason: string; lines: number[] }[] {
	const groups = new Map<string, number[]>();
	for (const row of rows) {
		const lines = groups.get(row.reason);
		if (lines) lines.push(row.line);
		else groups.set(row.reason, [row.line]);
	}
	return [...groups].map(([reason, lines]) => ({ reason, lines }));
}

/** Lines named in a summary warning: the first few, then how many more. */
export function lineList(lines: readonly number[]): string {
	const shown = lines.slice(0, 6).join(', ');
	return lines.length > 6 ? `${shown} and ${lines.length - 6} more` : shown;
}

/**
 * Collects warnings that concern many rows under one message each, so a 10,000-row file with
 * images gives one line, not 10,000.
 */
export class WarningTally {
	#lines = new Map<string, number[]>();

	add(message: string, line: number): void {
		const lines = this.#lines.get(message) ?? [];
		if (lines.at(-1) !== line) lines.push(line);
		this.#lines.set(message, lines);
	}

	list(file: string): DeckError[] {
		return [...this.#lines].map(([message, lines]) => ({
			file,
			path: '',
			message: `${message}: ${lines.length} row${lines.length === 1 ? '' : 's'} (line${lines.length === 1 ? '' : 's'} ${lineList(lines)})`
		}));
	}
}

/** Strips a byte-order mark: Excel and some exporters put one at the start of a UTF-8 file. */
export const withoutBom = (text: string): string =>
	text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

/** 1-based line of `offset` in `text`, counting from `from` (a known offset and its line). */
export function lineAt(text: string, offset: number, from = { offset: 0, line: 1 }): number {
	let line = from.line;
	for (let i = from.offset; i < offset && i < text.length; i++)
		if (text.charCodeAt(i) === 10) line++;
	return line;
}
