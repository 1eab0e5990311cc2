import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guessDelimiter, parseHeaderCsv, parseQuizlet } from '$lib/transfer';

const fixture = (name: string) => readFileSync(`tests/fixtures/imports/${name}`, 'utf8');

describe('Quizlet export', () => {
	it('reads term TAB definition lines; a line with no tab goes on with the definition above', () => {
		const parse = parseQuizlet(fixture('quizlet-tab.txt'), 'quizlet-tab.txt');
		expect(parse.notes.map((n) => [n.line, ...n.fields])).toEqual([
			[1, 'der Hund', 'the dog'],
			[2, 'die Katze', 'the cat, a pet'],
			[3, 'das Haus', 'the house'],
			[5, 'laufen', 'to run\nto walk (slowly)'],
			[7, 'sprechen', '"to speak" (irregular)']
		]);
		expect(parse.warnings.map((w) => w.message)).toEqual([
			'quotes that do not pair up were read as plain characters: 1 row (line 1)',
			'a line with no separator was added to the definition above it: 1 row (line 6)'
		]);
	});

	it('keeps the commas of a comma-separated definition', () => {
		const parse = parseQuizlet(fixture('quizlet-comma.txt'), 'quizlet-comma.txt');
		expect(parse.notes.map((n) => n.fields)).toEqual([
			['photosynthesis', 'the process by which plants make food, using light'],
			['osmosis', 'movement of water across a membrane'],
			['mitosis', 'cell division, giving two identical cells']
		]);
	});

	it('reads quoted spreadsheet cells as CSV', () => {
		const parse = parseQuizlet('"a, b",c\n"line\none",two\n', 'sheet.csv');
		expect(parse.notes.map((n) => [n.line, ...n.fields])).toEqual([
			[1, 'a, b', 'c'],
			[2, 'line\none', 'two']
		]);
	});

	it('picks the separator most lines use', () => {
		expect(guessDelimiter('a\tb\nc\td, e\n')).toBe('\t');
		expect(guessDelimiter('a,b\nc,d\n')).toBe(',');
		expect(guessDelimiter('a;b\nc;d\n')).toBe(';');
	});
});

describe('CSV with a header line', () => {
	it('reads columns by name and takes the formula guard off', () => {
		const parse = parseHeaderCsv(fixture('recall-export.csv'), 'recall-export.csv');
		expect(parse.notes).toEqual([
			{
				line: 2,
				fields: ['Capital of France?', 'Paris'],
				id: 'capital-france',
				quote: 'Paris is the capital of France.',
				tags: ['geography']
			},
			{
				line: 3,
				fields: ['At what temperature, in degrees, do Celsius and Fahrenheit agree?', '-40'],
				id: 'scales-agree',
				quote: 'Both scales read -40 at the same temperature.',
				tags: ['science']
			},
			{
				line: 4,
				fields: ['=SUM(1+1)', '2'],
				id: 'formula',
				quote: 'A formula that must stay text.'
			}
		]);
	});

	it('names the columns it leaves out', () => {
		const parse = parseHeaderCsv('Back,Front,Picture\nb,f,x.png\n', 'x.csv');
		expect(parse.notes[0]?.fields).toEqual(['f', 'b']);
		expect(parse.warnings[0]?.message).toBe(
			'columns "picture" are not card fields and were left out'
		);
	});
});
