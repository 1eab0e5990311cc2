import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileAuthoredDeck, formatError } from '$lib/deck';

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

const PLAIN = 'must be plain text: no HTML tags, entities or scripts';

const cases: { file: string; expected: string[] }[] = [
	{ file: 'missing-field.yaml', expected: ['missing-field.yaml:7:5 cards[0].answer: is missing'] },
	{
		file: 'unknown-field.yaml',
		expected: ['unknown-field.yaml:11:5 cards[0].hint: unknown field "hint"']
	},
	{
		file: 'duplicate-id.yaml',
		expected: ['duplicate-id.yaml:13:5 cards[1].id: duplicate card id "capital" (also cards[0])']
	},
	{
		file: 'empty-text.yaml',
		expected: ['empty-text.yaml:10:5 cards[0].answer: must not be empty']
	},
	{
		file: 'too-long.yaml',
		expected: ['too-long.yaml:11:5 cards[0].explanation: must be at most 500 characters']
	},
	{
		file: 'mcq-two-distractors.yaml',
		expected: [
			'mcq-two-distractors.yaml:11:5 cards[0].distractors: must list exactly 3 wrong answers'
		]
	},
	{
		file: 'mcq-repeated-distractor.yaml',
		expected: [
			'mcq-repeated-distractor.yaml:11:33 cards[0].distractors[2]: repeats another wrong answer: need 3 distinct ones'
		]
	},
	{
		file: 'mcq-answer-in-distractors.yaml',
		expected: [
			'mcq-answer-in-distractors.yaml:11:27 cards[0].distractors[1]: is the answer: a wrong answer must differ from it'
		]
	},
	{
		file: 'bad-date.yaml',
		expected: [
			'bad-date.yaml:10:5 cards[0].answer: "the spring of 1957" is not a date: write it as "November 2013", "2013-11" or "2013"'
		]
	},
	{
		file: 'markup.yaml',
		expected: [
			`markup.yaml:9:5 cards[0].prompt: ${PLAIN}`,
			`markup.yaml:16:5 cards[1].answer: ${PLAIN}`,
			`markup.yaml:23:5 cards[2].explanation: ${PLAIN}`,
			`markup.yaml:28:5 cards[3].prompt: ${PLAIN}`
		]
	},
	{
		file: 'quote-not-in-source.yaml',
		expected: [
			'quote-not-in-source.yaml:12:7 cards[0].source.quote: does not occur in the deck source text'
		]
	},
	{
		file: 'missing-source-file.yaml',
		expected: ['missing-source-file.yaml:5:1 sourceFile: no file "article.txt" beside the deck']
	},
	{
		file: 'cloze-no-blank.yaml',
		expected: [
			'cloze-no-blank.yaml:9:5 cards[0].prompt: must contain exactly one blank written as ___ (found 0)'
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
			'wrong-kind.yaml:8:5 cards[0].kind: unknown kind "flashcard": must be one of basic, mcq, typed, truefalse, cloze'
		]
	},
	{
		file: 'bad-deck-id.yaml',
		expected: ['bad-deck-id.yaml:2:1 id: must be lower-case letters, digits and single - or .']
	},
	{
		file: 'version-not-whole.yaml',
		expected: ['version-not-whole.yaml:4:1 version: must be a whole number']
	},
	{
		file: 'truefalse-answer.yaml',
		expected: ['truefalse-answer.yaml:10:5 cards[0].answer: must be True or False']
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
