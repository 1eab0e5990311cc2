import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatError } from '$lib/deck/errors';
import { looksLikeAnki, parseAnki, readAnkiHeader } from '$lib/transfer';

const fixture = (name: string) => readFileSync(`tests/fixtures/imports/${name}`, 'utf8');

describe('Anki "Notes in Plain Text"', () => {
	it('reads the header lines, whatever their order and case', () => {
		const { header, headerLines } = readAnkiHeader(
			'#html:false\n#separator:Semicolon\n#columns:Front;Back;Tags\n#tags column:3\n#deck:Läkare\n#tags:med exam\na;b;c\n'
		);
		expect(headerLines).toBe(6);
		expect(header).toEqual({
			html: false,
			separator: ';',
			columns: ['Front', 'Back', 'Tags'],
			tagsColumn: 3,
			deck: 'Läkare',
			tags: ['med', 'exam']
		});
		expect(looksLikeAnki('\ufeff#separator:tab\r\nx\ty')).toBe(true);
		expect(looksLikeAnki('#hashtag\tdefinition')).toBe(false);
	});

	it('reads a real export: BOM, CRLF, guid/notetype/deck/tags columns, comments, empty lines, quoted fields', () => {
		const parse = parseAnki(fixture('anki-notes.txt'), 'anki-notes.txt');
		expect(parse.errors).toEqual([]);
		expect(parse.deckName).toBe('Spanish');
		expect(parse.notes.map((n) => n.line)).toEqual([7, 8, 9, 12, 13, 14, 15, 16]);
		expect(parse.notes[0]).toEqual({
			line: 7,
			fields: ['<b>hablar</b>', 'to speak'],
			guid: 'f[E>q%3bZ0',
			notetype: 'Basic',
			deck: 'Spanish::Verbs',
			tags: ['verbs', 'regular']
		});
		// A quoted field keeps its tab and its doubled quotes.
		expect(parse.notes[5]?.fields).toEqual([
			'ir<div>(irregular)</div>',
			'to go, to leave;\tsee also "irse"'
		]);
		expect(parse.notes[3]?.notetype).toBe('Basic (and reversed card)');
		expect(parse.notes[7]?.tags).toEqual([]);
	});

	it('reads a comma-separated export without guids, with a field over two lines', () => {
		const parse = parseAnki(fixture('anki-comma.csv'), 'anki-comma.csv');
		expect(parse.errors).toEqual([]);
		expect(parse.notes.map((n) => [n.line, n.fields, n.tags])).toEqual([
			[5, ['Capital of France?', 'Paris'], ['geography']],
			[6, ['Capital of Italy, the Eternal City?', 'Rome'], ['geography', 'europe']],
			[7, ['He said "hello"', 'A greeting'], []],
			[8, ['Line one\nline two', 'Two lines'], []]
		]);
	});

	it('guesses the separator of an older export without a header', () => {
		const parse = parseAnki('front one\tback one\nfront two\tback two\n', 'old.txt');
		expect(parse.notes.map((n) => n.fields)).toEqual([
			['front one', 'back one'],
			['front two', 'back two']
		]);
	});

	it('reports an unclosed quote at its line', () => {
		const parse = parseAnki('#separator:tab\nok\tfine\n"broken\tfield\nmore\tlines\n', 'bad.txt');
		expect(parse.errors.map(formatError)).toEqual([
			'bad.txt:3:1 a quoted field is not closed: a " with no closing "'
		]);
	});
});
