import Papa from 'papaparse';
import { lineAt } from './notes';

export interface CsvRow {
	/** The line the row starts on (1-based). */
	line: number;
	fields: string[];
	/** What papaparse found wrong in this row (an unclosed quote, mostly). */
	problems: string[];
}

/** Papaparse's findings in words a deck author can act on. */
const PROBLEMS: Partial<Record<string, string>> = {
	MissingQuotes: 'a quoted field is not closed: a " with no closing "',
	InvalidQuotes: 'a quoted field has text after its closing ": write a " inside a field as ""'
};

export interface CsvOptions {
	delimiter: string;
	/** Lines starting with this are skipped (Anki: `#`). */
	comments?: string;
	/** Read `"` as a plain character (Quizlet writes quotes unescaped). */
	literalQuotes?: boolean;
	/** Added to every line number: the lines cut off before `text` (header lines). */
	lineOffset?: number;
}

/**
 * Splits delimited text into rows with the line each starts on: quoted fields with the delimiter,
 * doubled quotes and line breaks inside, CRLF or LF, empty and blank lines skipped.
 */
export function readCsvRows(text: string, options: CsvOptions): CsvRow[] {
	const rows: CsvRow[] = [];
	let at = { offset: 0, line: 1 };
	let next = 0;
	Papa.parse<string[]>(text, {
		delimiter: options.delimiter,
		// A character that never occurs in text stands for "no quoting".
		quoteChar: options.literalQuotes ? '\u0000' : '"',
		escapeChar: options.literalQuotes ? '\u0000' : '"',
		...(options.comments ? { comments: options.comments } : {}),
		skipEmptyLines: 'greedy',
		step: (result) => {
			const start = rowStart(text, next, options);
			const line = lineAt(text, start, at);
			at = { offset: start, line };
			next = result.meta.cursor;
			rows.push({
				line: line + (options.lineOffset ?? 0),
				fields: result.data,
				problems: result.errors.map((e) => PROBLEMS[e.code] ?? e.message)
			});
		}
	});
	return rows;
}

/**
 * Where the next row starts: after the last one, past the lines papaparse skips (empty or blank
 * ones, comments), so each row is reported at the line a person would look at.
 */
function rowStart(text: string, from: number, options: CsvOptions): number {
	let pos = from;
	while (pos < text.length) {
		const nl = text.indexOf('\n', pos);
		const end = nl < 0 ? text.length : nl;
		const line = text.slice(pos, end).replace(/\r$/, '');
		const blank = line.split(options.delimiter).every((f) => f.trim() === '');
		if (!blank && !(options.comments && line.startsWith(options.comments))) break;
		pos = end + 1;
	}
	return pos;
}
