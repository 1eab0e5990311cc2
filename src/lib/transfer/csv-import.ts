import { readCsvRows } from './csv-rows';
import { guessDelimiter } from './quizlet';
import { withoutBom, type TextNote, type TextParse } from './notes';
import { CSV_COLUMNS, unguardCell } from './csv-export';

const KNOWN = new Set<string>(CSV_COLUMNS);

const headerCells = (line: string, delimiter: string) =>
	line.split(delimiter).map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());

/** Whether the first line is a header naming at least a `front` and a `back` column. */
export function hasCsvHeader(text: string): boolean {
	const body = withoutBom(text);
	const first = body.split(/\r?\n/, 1)[0] ?? '';
	const cells = headerCells(first, guessDelimiter(body));
	return cells.includes('front') && cells.includes('back');
}

/**
 * Reads a CSV whose first line names its columns: `front` and `back`, and optionally `explanation`,
 * `quote`, `tags` (separated by spaces) and `id`, in any order. Recall's own CSV export is read back
 * this way, so a deck keeps its card ids (and progress) through a spreadsheet.
 * @example parseHeaderCsv('front,back\nCapital of France?,Paris\n', 'capitals.csv')
 */
export function parseHeaderCsv(text: string, file: string): TextParse {
	const body = withoutBom(text);
	const delimiter = guessDelimiter(body);
	const [head, ...rows] = readCsvRows(body, { delimiter });
	const names = (head?.fields ?? []).map((c) => c.trim().toLowerCase());
	const column = (name: string) => names.indexOf(name);
	const parse: TextParse = { format: 'csv', notes: [], errors: [], warnings: [] };
	const unknown = names.filter((n) => n && !KNOWN.has(n));
	if (unknown.length > 0)
		parse.warnings.push({
			file,
			line: head?.line ?? 1,
			path: '',
			message: `columns ${unknown.map((n) => `"${n}"`).join(', ')} are not card fields and were left out`
		});
	for (const row of rows) {
		if (row.problems.length > 0) {
			for (const message of row.problems)
				parse.errors.push({ file, line: row.line, path: '', message });
			continue;
		}
		const get = (name: string) => {
			const i = column(name);
			return i < 0 ? undefined : unguardCell(row.fields[i] ?? '');
		};
		const explanation = get('explanation');
		const note: TextNote = {
			line: row.line,
			fields: [get('front') ?? '', get('back') ?? '', ...(explanation ? [explanation] : [])]
		};
		const id = get('id')?.trim();
		if (id) note.id = id;
		const quote = get('quote');
		if (quote?.trim()) note.quote = quote;
		const tags = get('tags')?.split(/\s+/).filter(Boolean);
		if (tags?.length) note.tags = tags;
		parse.notes.push(note);
	}
	return parse;
}
