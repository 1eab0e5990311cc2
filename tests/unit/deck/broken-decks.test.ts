import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileAuthoredDeck, formatError, validateDeck, type DeckError } from '$lib/deck';
import { parse } from 'yaml';

/** Deck files with one kind of mistake each, and the exact lines an author sees for them. */
const DIR = 'tests/fixtures/broken-decks';

function compile(file: string, text = readFileSync(join(DIR, file), 'utf8')) {
	return compileAuthoredDeck({
		file,
		text,
		readSource: (name) => {
			const path = join(DIR, name);
			return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
		}
	});
}

const cases: { file: string; expected: string[] }[] = [
	{
		// Issue 14: six problems, schema and content together, every one in the first run.
		file: 'six-problems.yaml',
		expected: [
			'six-problems.yaml:13:5 cards[2].answer: is missing: add "answer:" with the correct answer',
			'six-problems.yaml:13:5 cards[2].id: "capital" is already the id of cards[1]: give each card its own id, for example "capital-2"',
			'six-problems.yaml:21:5 cards[3].answer: "31st of Augustus" is not a date the app can read ("Augustus" is not a month: did you mean August?): write a year (2013), a month of a year (November 2013 or 2013-11), a day (5 November 2013 or 2013-11-05) or part of a month (mid-November 2013 or late March)',
			'six-problems.yaml:23:5 cards[3].hint: unknown field "hint": remove it, or use one of the fields of a card: id, kind, prompt, answer, answerType, accept, distractors, explanation, tags, subdeck, fact, source, image, audio, rich',
			'six-problems.yaml:28:5 cards[4].prompt: must be plain text: remove the HTML tag "<script>" (the app shows text as written, never as HTML)',
			'six-problems.yaml:37:7 cards[5].source.quote: is not in the source text: copy a sentence from the source word for word'
		]
	},
	{
		file: 'missing-field.yaml',
		expected: [
			'missing-field.yaml:7:5 cards[1].answer: is missing: add "answer:" with the correct answer'
		]
	},
	{
		file: 'unknown-field.yaml',
		expected: [
			'unknown-field.yaml:11:5 cards[1].hint: unknown field "hint": remove it, or use one of the fields of a card: id, kind, prompt, answer, answerType, accept, distractors, explanation, tags, subdeck, fact, source, image, audio, rich'
		]
	},
	{
		file: 'duplicate-id.yaml',
		expected: [
			'duplicate-id.yaml:13:5 cards[2].id: "capital" is already the id of cards[1]: give each card its own id, for example "capital-2"'
		]
	},
	{
		file: 'empty-text.yaml',
		expected: ['empty-text.yaml:10:5 cards[1].answer: must not be empty: write some text']
	},
	{
		file: 'too-long.yaml',
		expected: [
			'too-long.yaml:11:5 cards[1].explanation: is 543 characters long: shorten it to at most 500'
		]
	},
	{
		file: 'mcq-two-distractors.yaml',
		expected: [
			'mcq-two-distractors.yaml:11:5 cards[1].distractors: lists 2 wrong answers: write exactly 3, of the same type as the answer'
		]
	},
	{
		file: 'mcq-repeated-distractor.yaml',
		expected: [
			'mcq-repeated-distractor.yaml:11:33 cards[1].distractors[3]: repeats another wrong answer: write 3 different ones'
		]
	},
	{
		file: 'mcq-answer-in-distractors.yaml',
		expected: [
			'mcq-answer-in-distractors.yaml:11:27 cards[1].distractors[2]: is the answer: write a wrong answer that differs from it'
		]
	},
	{
		file: 'bad-date.yaml',
		expected: [
			'bad-date.yaml:10:5 cards[1].answer: "the spring of 1957" is not a date the app can read: write a year (2013), a month of a year (November 2013 or 2013-11), a day (5 November 2013 or 2013-11-05) or part of a month (mid-November 2013 or late March)'
		]
	},
	{
		file: 'markup.yaml',
		expected: [
			'markup.yaml:9:5 cards[1].prompt: must be plain text: remove the HTML tag "<script>" (the app shows text as written, never as HTML)',
			'markup.yaml:16:5 cards[2].answer: must be plain text: remove the script attribute "onerror=" (the app shows text as written, never as HTML)',
			'markup.yaml:23:5 cards[3].explanation: must be plain text: remove the script link "javascript:" (the app shows text as written, never as HTML)',
			'markup.yaml:28:5 cards[4].prompt: must be plain text: write the character itself instead of the HTML entity "&amp;" (the app shows text as written, never as HTML)'
		]
	},
	{
		file: 'quote-not-in-source.yaml',
		expected: [
			'quote-not-in-source.yaml:12:7 cards[1].source.quote: is not in the source text: copy a sentence from the source word for word'
		]
	},
	{
		file: 'missing-source-file.yaml',
		expected: [
			'missing-source-file.yaml:5:1 sourceFile: no file "article.txt" beside the deck: put the source text there, or correct the name (quotes were not checked)'
		]
	},
	{
		file: 'cloze-no-blank.yaml',
		expected: [
			'cloze-no-blank.yaml:9:5 cards[1].prompt: must contain exactly one blank written as ___ (found 0): put ___ where the answer goes'
		]
	},
	{
		// Reported where the parser gave up, at the end of the file, not where the quote opened (line 9).
		file: 'invalid-yaml.yaml',
		expected: ['invalid-yaml.yaml:13:1 not valid YAML: Missing closing "quote']
	},
	{
		file: 'invalid-yaml-colon.yaml',
		expected: [
			'invalid-yaml-colon.yaml:9:13 not valid YAML: Nested mappings are not allowed in compact mappings'
		]
	},
	{
		file: 'wrong-kind.yaml',
		expected: [
			'wrong-kind.yaml:8:5 cards[1].kind: unknown kind "flashcard": must be one of basic, mcq, typed, truefalse, cloze'
		]
	},
	{
		file: 'bad-deck-id.yaml',
		expected: [
			'bad-deck-id.yaml:2:1 id: must be lower-case letters, digits and single - or . between them, for example world-capitals'
		]
	},
	{
		file: 'version-not-whole.yaml',
		expected: ['version-not-whole.yaml:4:1 version: must be a whole number such as 1']
	},
	{
		file: 'truefalse-answer.yaml',
		expected: [
			'truefalse-answer.yaml:10:5 cards[1].answer: must be True or False: the prompt is a statement, the answer says if it holds'
		]
	}
];

describe('broken deck files', () => {
	it.each(cases)('$file', ({ file, expected }) => {
		const result = compile(file);
		expect(result.ok).toBe(false);
		expect(result.ok ? [] : result.errors.map(formatError)).toEqual(expected);
	});

	it('lists every file of the corpus in the table', () => {
		const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
		expect(files.sort()).toEqual(cases.map((c) => c.file).sort());
	});

	it('breaks each file in one place: the shared card and source.txt compile', () => {
		const text = readFileSync(join(DIR, 'missing-source-file.yaml'), 'utf8').replace(
			'sourceFile: article.txt',
			'sourceFile: source.txt'
		);
		const result = compile('fixed.yaml', text);
		expect(result.ok ? result.deck.cards.map((c) => c.id) : result.errors.map(formatError)).toEqual(
			['capital']
		);
	});
});

describe('issue 14: every problem of a deck in one run', () => {
	const where = (errors: DeckError[]) => errors.map((e) => `${e.line}:${e.column} ${e.path}`);

	it('reports the six problems of the broken deck at their lines, cards counted from 1', () => {
		const result = compile('six-problems.yaml');
		expect(result.ok ? [] : where(result.errors)).toEqual([
			'13:5 cards[2].answer',
			'13:5 cards[2].id',
			'21:5 cards[3].answer',
			'23:5 cards[3].hint',
			'28:5 cards[4].prompt',
			'37:7 cards[5].source.quote'
		]);
		// Code gets the same places with list indexes from 0.
		expect(result.ok ? [] : result.errors.map((e) => e.keys)).toEqual([
			['cards', 1, 'answer'],
			['cards', 1, 'id'],
			['cards', 2, 'answer'],
			['cards', 2, 'hint'],
			['cards', 3, 'prompt'],
			['cards', 4, 'source', 'quote']
		]);
	});

	it('finds nothing new once those six are fixed: the first run had them all', () => {
		const fixed = readFileSync(join(DIR, 'six-problems.yaml'), 'utf8')
			.replace(
				'  - id: capital\n    kind: basic\n    prompt: What is the capital of Spain?',
				'  - id: capital-spain\n    kind: basic\n    prompt: What is the capital of Spain?\n    answer: Madrid'
			)
			.replace('31st of Augustus', '25th of March 1957')
			.replace('    hint: Think of spring.\n', '')
			.replace('<script>alert(1)</script>', '')
			.replace('Lisbon is the capital of Portugal.', 'Rome is the capital of Italy.');
		const result = compile('fixed.yaml', fixed);
		expect(result.ok ? result.deck.cards.length : result.errors.map(formatError)).toBe(5);
	});

	it('says the same of the deck as JSON, in the same order, without lines', () => {
		const value = parse(readFileSync(join(DIR, 'six-problems.yaml'), 'utf8')) as Record<
			string,
			unknown
		>;
		delete value.sourceFile;
		const result = validateDeck(
			{ schemaVersion: 1, ...value },
			{ file: 'six.json', sourceText: readFileSync(join(DIR, 'source.txt'), 'utf8') }
		);
		expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual([
			'cards[2].answer',
			'cards[2].id',
			'cards[3].answer',
			'cards[3].hint',
			'cards[4].prompt',
			'cards[5].source.quote'
		]);
	});

	it('checks the other fields of a card whose kind is unknown', () => {
		const text = readFileSync(join(DIR, 'wrong-kind.yaml'), 'utf8').replace(
			'    answer: Paris\n',
			'    answer: Paris\n    colour: red\n'
		);
		const result = compile('wrong-kind.yaml', text);
		expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual([
			'cards[1].kind',
			'cards[1].colour'
		]);
	});
});
