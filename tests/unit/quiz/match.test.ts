import { describe, expect, it } from 'vitest';
import {
	damerauLevenshtein,
	matchAnswer,
	normaliseAnswer,
	type MatchOptions,
	type MatchVerdict
} from '$lib/quiz';

/** The four ministers of the article deck: two Sergeis, no shared surname. */
const MINISTERS = ['Sergei Lavrov', 'Sergei Shoigu', 'Taro Kono', 'Takeshi Iwaya'];
const person = (people?: string[], accept?: string[]): MatchOptions => ({
	answerType: 'person',
	...(people ? { people } : {}),
	...(accept ? { accept } : {})
});
const date: MatchOptions = { answerType: 'date' };

/** [typed, answer, expected verdict, options]: one row per rule and per way it must refuse. */
type Case = [typed: string, answer: string, verdict: MatchVerdict, options?: MatchOptions];

const CASES: Record<string, Case[]> = {
	normalisation: [
		['Tokyo', 'Tokyo', 'exact'],
		['  TOKYO ', 'Tokyo', 'exact'],
		['Tōkyō', 'Tokyo', 'exact'],
		['Sao Paulo', 'São Paulo', 'exact'],
		['Lodz', 'Łódź', 'exact'], // ł has no combining mark to strip
		['the United States', 'United States', 'exact'],
		['United States', 'The United States', 'exact'],
		['Tale of Two Cities', 'A Tale of Two Cities', 'exact'],
		['Washington   DC!', 'Washington, D.C.', 'exact'],
		['USA', 'U.S.A.', 'exact'],
		["Cote d'Ivoire", 'Côte d’Ivoire', 'exact'],
		['Bosnia & Herzegovina', 'Bosnia and Herzegovina', 'exact'],
		['Jean Luc Picard', 'Jean-Luc Picard', 'exact'],
		['1000', '1,000', 'exact'],
		['35', '3.5', 'wrong'] // a decimal point is not punctuation
	],
	'no answer': [
		['', 'Tokyo', 'wrong'],
		[' \t\n ', 'Tokyo', 'wrong'],
		['?!.', 'Tokyo', 'wrong']
	],
	alternatives: [
		['Burma', 'Myanmar', 'lenient', { accept: ['Burma'] }],
		['the burma.', 'Myanmar', 'lenient', { accept: ['Burma'] }],
		['Burmma', 'Myanmar', 'typo', { accept: ['Burma'] }],
		['Burma', 'Myanmar', 'wrong'],
		['Burma', 'Myanmar', 'lenient', { accept: ['Burma'], others: ['Burma'] }] // the card wins
	],
	surnames: [
		['Lavrov', 'Sergei Lavrov', 'lenient', person(MINISTERS)], // two Sergeis, one Lavrov
		['Lavrov', 'Sergei Lavrov', 'wrong', person(['Sergei Lavrov', 'Pavel Lavrov'])],
		['Sergei', 'Sergei Lavrov', 'wrong', person(MINISTERS)],
		['Lavrov', 'Sergei Lavrov', 'wrong', person()], // no people list: no way to know it is unique
		['Lavrov', 'Sergei Lavrov', 'lenient', person(undefined, ['Lavrov'])], // the generator's accept
		['Lavrov', 'Sergei Lavrov', 'wrong', { people: MINISTERS }], // not a person card
		['Shoygu', 'Sergei Shoigu', 'typo', person(MINISTERS)],
		['Sergey Lavrov', 'Sergei Lavrov', 'typo', person(MINISTERS)],
		['King', 'Martin Luther King Jr.', 'lenient', person(['Martin Luther King Jr.'])],
		['van Beethoven', 'Ludwig van Beethoven', 'lenient', person(['Ludwig van Beethoven'])],
		['Taro Kono', 'Takeshi Iwaya', 'wrong', person(MINISTERS)],
		['Jon Smith', 'John Smith', 'wrong', person(['John Smith', 'Jon Smith'])], // 1 edit, another person
		['Mar', 'Marc', 'wrong', person()] // a name is never read as a month
	],
	typos: [
		['Shoygu', 'Shoigu', 'typo'],
		['Tokio', 'Tokyo', 'typo'],
		['Iwyaa', 'Iwaya', 'typo'], // a swap, 5 letters
		['Knoo', 'Kono', 'wrong'], // a swap, 4 letters: too short
		['Iran', 'Iraq', 'wrong'], // 4 letters: too short
		['Tokyo Towr', 'Tokyo Tower', 'typo'],
		['Tokiyo', 'Tokyo', 'typo'],
		['Untied States', 'United States', 'typo'],
		['Tokiio', 'Tokyo', 'wrong'], // two edits
		['Gambia', 'Zambia', 'wrong', { others: ['Gambia', 'Kenya'] }], // 1 edit, but another value
		['Gambia', 'Zambia', 'typo'],
		['Zambia', 'Zambia', 'exact', { others: ['Zambia'] }],
		['Apollo 12', 'Apollo 11', 'wrong'], // a digit is never a typo
		['Apolo 11', 'Apollo 11', 'typo']
	],
	dates: [
		['Nov 2013', 'November 2013', 'lenient', date],
		['11/2013', 'November 2013', 'lenient', date],
		['2013-11', 'November 2013', 'lenient', date],
		['in November 2013', 'November 2013', 'lenient', date],
		['november 2013', 'November 2013', 'exact', date],
		['Nov. 2013', 'November 2013', 'lenient'], // both read as dates, so no type needed
		['December 2013', 'November 2013', 'wrong', date],
		['2014', '2013', 'wrong', date],
		['2013', 'November 2013', 'wrong', date],
		['Mar 2013', 'May 2013', 'wrong', date], // 1 edit, but another month
		['Novmber 2013', 'November 2013', 'typo', date]
	],
	numbers: [
		['18', 'eighteen', 'lenient'],
		['Eighteen', '18', 'lenient'],
		['zero', '0', 'lenient'],
		['twenty-one', '21', 'lenient'],
		['one hundred and five', '105', 'lenient'],
		['Four Freedoms', '4 Freedoms', 'lenient'],
		['nineteen', '18', 'wrong']
	]
};

describe('matchAnswer: tricky cases', () => {
	const all = Object.values(CASES).flat();

	it('has a case for every verdict, 30 at least', () => {
		expect(all.length).toBeGreaterThanOrEqual(30);
		for (const verdict of ['exact', 'lenient', 'typo', 'wrong'] as const)
			expect(all.some(([, , v]) => v === verdict)).toBe(true);
	});

	describe.each(Object.entries(CASES))('%s', (_rule, cases) => {
		it.each(cases)('%j for %j is %s', (typed, answer, verdict, options) => {
			const result = matchAnswer(typed, answer, options);
			expect(result.verdict).toBe(verdict);
			expect(result.correct).toBe(verdict !== 'wrong');
		});
	});
});

describe('matchAnswer: what it reports', () => {
	it('names the form that matched and says why', () => {
		expect(matchAnswer('tokyo', 'Tokyo')).toEqual({
			verdict: 'exact',
			correct: true,
			matched: 'Tokyo'
		});
		expect(matchAnswer('Burma', 'Myanmar', { accept: ['Burma'] })).toEqual({
			verdict: 'lenient',
			correct: true,
			matched: 'Burma',
			note: 'Accepted alternative answer'
		});
		expect(matchAnswer('Tokio', 'Tokyo')).toEqual({
			verdict: 'typo',
			correct: true,
			matched: 'Tokyo',
			note: 'Accepted with a typo'
		});
		expect(matchAnswer('Lavrov', 'Sergei Lavrov', person(MINISTERS)).matched).toBe('Lavrov');
		expect(matchAnswer('Shoygu', 'Sergei Shoigu', person(MINISTERS)).matched).toBe('Shoigu');
		expect(matchAnswer('Nov 2013', 'November 2013', date).matched).toBe('November 2013');
		expect(matchAnswer('18', 'eighteen').note).toBe('Same number, written another way');
	});

	it('tells the learner why a near answer is refused', () => {
		expect(matchAnswer('', 'Tokyo').note).toBe('No answer given');
		expect(
			matchAnswer('Lavrov', 'Sergei Lavrov', person(['Sergei Lavrov', 'Pavel Lavrov'])).note
		).toMatch(/full name/);
		expect(matchAnswer('Gambia', 'Zambia', { others: ['Gambia'] }).note).toBe(
			'That is a different answer'
		);
		expect(matchAnswer('Kyoto', 'Tokyo')).toEqual({ verdict: 'wrong', correct: false });
	});

	it('prefers the answer to an alternative, and an alternative to a typo', () => {
		expect(matchAnswer('Tokyo', 'Tokyo', { accept: ['Tokyo'] }).verdict).toBe('exact');
		expect(matchAnswer('Burmaa', 'Burma', { accept: ['Burmaa'] }).verdict).toBe('lenient');
	});

	it('reads every number from 0 to 20 as digits and as words', () => {
		const words =
			'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(
				' '
			);
		words.forEach((word, n) => {
			expect(matchAnswer(String(n), word).correct).toBe(true);
			expect(matchAnswer(word, String(n)).correct).toBe(true);
			expect(matchAnswer(String(n + 1), word).correct).toBe(false);
		});
	});
});

describe('normaliseAnswer', () => {
	it.each([
		['  The Tōkyō  Tower! ', 'tokyo tower'],
		["Côte d'Ivoire", 'cote divoire'],
		['U.S.A. & Canada', 'usa and canada'],
		['1,000.5', '1000.5'],
		['Straße', 'strasse'],
		['ﬁnal Ａnswer', 'final answer'],
		['the', 'the'],
		['The The', 'the'],
		['an Apple a day', 'apple a day'],
		['  ', ''],
		['—', '']
	])('"%s" → "%s"', (input, expected) => {
		expect(normaliseAnswer(input)).toBe(expected);
	});
});

describe('damerauLevenshtein', () => {
	it.each([
		['', '', 0],
		['', 'abc', 3],
		['Tokyo', 'Tokio', 1],
		['Iwaya', 'Iwyaa', 1],
		['Kono', 'Knoo', 1],
		['kitten', 'sitting', 3],
		// The restricted form: a swapped pair is not edited again (full Damerau-Levenshtein says 2).
		['ca', 'abc', 3],
		['😀a', 'a😀', 1]
	])('"%s" to "%s" is %i', (a, b, expected) => {
		expect(damerauLevenshtein(a, b)).toBe(expected);
		expect(damerauLevenshtein(b, a)).toBe(expected);
	});

	it('stops early past max and says max + 1', () => {
		expect(damerauLevenshtein('kitten', 'sitting', 1)).toBe(2);
		expect(damerauLevenshtein('a', 'abcdefgh', 2)).toBe(3);
		expect(damerauLevenshtein('Tokyo', 'Tokio', 1)).toBe(1);
		expect(damerauLevenshtein('Tokyo', 'Tokyo', 0)).toBe(0);
		expect(damerauLevenshtein('abc', 'abd', Number.NaN)).toBe(1);
	});
});
