import { readCsvRows, type CsvRow } from './csv-rows';
import { withoutBom, WarningTally, type SkippedRow, type TextNote, type TextParse } from './notes';

/** The separator most lines use: tab (Quizlet's default), then comma, then semicolon. */
export function guessDelimiter(text: string): string {
	const lines = text.split('\n').filter((l) => l.trim());
	let best = '\t';
	let most = 0;
	for (const d of ['\t', ',', ';']) {
		const n = lines.filter((l) => l.includes(d)).length;
		if (n > most) {
			best = d;
			most = n;
		}
	}
	return best;
}

/**
 * Reads Quizlet's export (and any two-column list): a term and its definition on each line,
 * separated by a tab, a comma or a semicolon. Quizlet does not quote: a definition with a line break
 * goes on over the next lines, so a line with no separator continues the definition before it,
 * and a definition holding the separator keeps it. Quoted fields (from a spreadsheet) are read as
 * CSV; if the quotes do not pair up, quotes are read as plain characters.
 * @example parseQuizlet('der Hund\tthe dog\ndie Katze\tthe cat\n', 'german.txt')
 */
export function parseQuizlet(text: string, file: string): TextParse {
	const body = withoutBom(text);
	const delimiter = guessDelimiter(body);
	const tally = new WarningTally();
	let rows: CsvRow[] = readCsvRows(body, { delimiter });
	if (rows.some((r) => r.problems.length > 0)) {
		rows = readCsvRows(body, { delimiter, literalQuotes: true });
		tally.add('quotes that do not pair up were read as plain characters', rows[0]?.line ?? 1);
	}
	const notes: TextNote[] = [];
	const skipped: SkippedRow[] = [];
	for (const row of rows) {
		const [term = '', ...rest] = row.fields;
		const previous = notes.at(-1);
		if (rest.length === 0) {
			if (previous) {
				previous.fields[1] = `${previous.fields[1] ?? ''}\n${term}`;
				tally.add('a line with no separator was added to the definition above it', row.line);
			} else skipped.push({ line: row.line, reason: 'no separator between term and definition' });
			continue;
		}
		notes.push({ line: row.line, fields: [term, rest.join(delimiter)] });
	}
	return { format: 'quizlet', notes, errors: [], warnings: tally.list(file), skipped };
}
