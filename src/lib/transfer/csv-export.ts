import type { Deck } from '$lib/deck/schema';

/** The columns of Recall's CSV export, in order; the importer reads them back by name. */
export const CSV_COLUMNS = ['front', 'back', 'explanation', 'quote', 'tags', 'id'] as const;

/**
 * A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula. The export puts a
 * `'` before such a cell (OWASP's advice) and the importer takes it off again.
 */
const FORMULA = /^[=+\-@\t\r]/;

export const guardCell = (value: string): string => (FORMULA.test(value) ? `'${value}` : value);

export const unguardCell = (value: string): string =>
	value.startsWith("'") && FORMULA.test(value.slice(1)) ? value.slice(1) : value;

/** RFC 4180: quote a field holding a comma, a quote or a line break, doubling its quotes. */
function csvField(value: string): string {
	const guarded = guardCell(value);
	return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/**
 * The deck as CSV, one card a row under a header line: `front,back,explanation,quote,tags,id`.
 * UTF-8 with a byte-order mark (so Excel reads accents) and CRLF line ends. Spreadsheets, Anki and
 * Quizlet read it; Recall reads it back with the same ids. Kinds, choices and accepted answers are
 * kept only by the JSON export.
 * @example deckToCsv(deck) // '\ufefffront,back,explanation,quote,tags,id\r\nCapital of France?,Paris,…'
 */
export function deckToCsv(deck: Pick<Deck, 'cards'>): string {
	const lines = [CSV_COLUMNS.join(',')];
	for (const card of deck.cards) {
		const row = [
			card.prompt,
			card.answer,
			card.explanation ?? '',
			card.source.quote,
			(card.tags ?? []).join(' '),
			card.id
		];
		lines.push(row.map(csvField).join(','));
	}
	return `\ufeff${lines.join('\r\n')}\r\n`;
}
