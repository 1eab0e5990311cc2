import { readCsvRows } from './csv-rows';
import { withoutBom, WarningTally, type TextNote, type TextParse } from './notes';

/** What the `#key:value` lines at the top of an Anki "Notes in Plain Text" export say. */
export interface AnkiHeader {
	separator?: string;
	html?: boolean;
	columns?: string[];
	/** 1-based column numbers, as Anki writes them. */
	guidColumn?: number;
	notetypeColumn?: number;
	deckColumn?: number;
	tagsColumn?: number;
	notetype?: string;
	deck?: string;
	tags?: string[];
	/** Header lines read but not acted on (`#if matches:…`, unknown keys), as written. */
	unused?: string[];
}

const SEPARATORS: Record<string, string> = {
	tab: '\t',
	comma: ',',
	semicolon: ';',
	space: ' ',
	pipe: '|',
	colon: ':'
};

const HEADER_LINE = /^#([a-z ]+):(.*)$/i;

/** Whether the text starts with Anki's header lines (`#separator:tab`, `#html:true`…). */
export function looksLikeAnki(text: string): boolean {
	const first = withoutBom(text).split(/\r?\n/, 1)[0] ?? '';
	const m = HEADER_LINE.exec(first);
	return (
		!!m &&
		/^(separator|html|columns|notetype|deck|tags|guid column|notetype column|deck column|tags column|if matches)$/i.test(
			m[1]?.trim() ?? ''
		)
	);
}

/** Reads the header lines; returns them and where the rows begin. */
export function readAnkiHeader(text: string): {
	header: AnkiHeader;
	body: string;
	headerLines: number;
} {
	const header: AnkiHeader = {};
	const lines = text.split('\n');
	let n = 0;
	for (; n < lines.length; n++) {
		const m = HEADER_LINE.exec((lines[n] ?? '').replace(/\r$/, ''));
		if (!m) break;
		const key = (m[1] ?? '').trim().toLowerCase();
		const value = (m[2] ?? '').trim();
		const column = Number.parseInt(value, 10);
		if (key === 'separator')
			header.separator = SEPARATORS[value.toLowerCase()] ?? (value.length === 1 ? value : '\t');
		else if (key === 'html') header.html = value.toLowerCase() === 'true';
		else if (key === 'columns') header.columns = [value];
		else if (key === 'guid column') header.guidColumn = column;
		else if (key === 'notetype column') header.notetypeColumn = column;
		else if (key === 'deck column') header.deckColumn = column;
		else if (key === 'tags column') header.tagsColumn = column;
		else if (key === 'notetype') header.notetype = value;
		else if (key === 'deck') header.deck = value;
		else if (key === 'tags') header.tags = value.split(/\s+/).filter(Boolean);
		else (header.unused ??= []).push(`#${key}:${value}`);
	}
	// `#columns:` is split once the separator is known (it may come first or last).
	if (header.columns?.[0] !== undefined)
		header.columns = header.columns[0].split(header.separator ?? '\t').map((c) => c.trim());
	return { header, body: lines.slice(n).join('\n'), headerLines: n };
}

/** Anki guesses the separator of a file without a header the same way: tab, then `;`, then `,`. */
function guessSeparator(body: string): string {
	const first = body.split('\n').find((l) => l.trim() && !l.startsWith('#')) ?? '';
	if (first.includes('\t')) return '\t';
	if (first.includes(';')) return ';';
	return ',';
}

/**
 * Reads Anki's "Notes in Plain Text" export (Anki 2.1.55 and later, or an older one without the
 * header): the header lines, then one note a row. The guid, note type, deck and tags columns are
 * taken out; the rest are the note's fields in order. Lines starting with `#` are comments, as in
 * Anki's own importer.
 * @example parseAnki('#separator:tab\n#html:true\nCapital of France?\tParis\n', 'fr.txt')
 */
export function parseAnki(text: string, file: string): TextParse {
	const { header, body, headerLines } = readAnkiHeader(withoutBom(text));
	const delimiter = header.separator ?? guessSeparator(body);
	const rows = readCsvRows(body, { delimiter, comments: '#', lineOffset: headerLines });
	const special = new Set(
		[header.guidColumn, header.notetypeColumn, header.deckColumn, header.tagsColumn].filter(
			(c): c is number => c !== undefined && c > 0
		)
	);
	const cell = (fields: string[], column: number | undefined) =>
		column === undefined ? undefined : fields[column - 1]?.trim();
	const notes: TextNote[] = [];
	const errors: TextParse['errors'] = [];
	const tally = new WarningTally();
	const decks = new Set<string>();
	for (const row of rows) {
		if (row.problems.length > 0) {
			for (const message of row.problems) errors.push({ file, line: row.line, path: '', message });
			continue;
		}
		const fields = row.fields.filter((_, i) => !special.has(i + 1));
		const deck = cell(row.fields, header.deckColumn) || header.deck;
		const tags = [
			...(header.tags ?? []),
			...(cell(row.fields, header.tagsColumn)?.split(/\s+/).filter(Boolean) ?? [])
		];
		const note: TextNote = { line: row.line, fields, tags };
		const guid = cell(row.fields, header.guidColumn);
		if (guid) note.guid = guid;
		const notetype = cell(row.fields, header.notetypeColumn) || header.notetype;
		if (notetype) note.notetype = notetype;
		if (deck) {
			note.deck = deck;
			decks.add(deck);
		}
		if (header.guidColumn !== undefined && !guid)
			tally.add('no guid: id made from the front', row.line);
		notes.push(note);
	}
	const warnings = tally.list(file);
	if (header.unused)
		warnings.push({
			file,
			line: 1,
			path: '',
			message: `header lines not used: ${header.unused.join(', ')} (an import keeps the progress of cards it already has and adds the others)`
		});
	const parse: TextParse = { format: 'anki', notes, errors, warnings };
	// Anki writes `#html:false` when the fields are plain text; without the header they may hold HTML.
	if (header.html === false) parse.html = false;
	const name = header.deck ?? commonDeck([...decks]);
	if (name) parse.deckName = name.split('::').at(-1)?.trim() || name;
	return parse;
}

/** The deck all rows share: `Spanish` for `Spanish::Verbs` and `Spanish::Grammar`. */
function commonDeck(decks: string[]): string | undefined {
	const [first, ...others] = decks.map((d) => d.split('::'));
	if (!first) return undefined;
	let n = first.length;
	for (const parts of others) {
		let i = 0;
		while (i < n && parts[i] === first[i]) i++;
		n = i;
	}
	return n > 0 ? first.slice(0, n).join('::') : undefined;
}
