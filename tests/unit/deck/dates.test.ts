import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATE_FORMS, dateForms, dateProblem, parseDateText, sameDate } from '$lib/deck/dates';
import { compileAuthoredDeck, formatError } from '$lib/deck';

/** The guide's list, as decks/README.md must show it between its date-forms markers. */
const guideList = () =>
	DATE_FORMS.map((f) => `- ${f.names}: ${f.examples.map((e) => `\`${e}\``).join(', ')}`).join('\n');

/** What each group of forms must read as: which parts of a date it names. */
const SHAPES: Record<string, string> = {
	'a year': 'year',
	'a month of a year': 'year month',
	'a day': 'year month day',
	'a day in any year': 'month day',
	'a month in any year': 'month',
	'part of a month': '(year )?month part'
};
const shape = (text: string) => {
	const d = parseDateText(text);
	return d
		? (['year', 'month', 'day', 'part'] as const).filter((k) => d[k] !== undefined).join(' ')
		: 'not a date';
};

describe('date forms (issue 14): the guide, the validator and the matcher agree', () => {
	it('reads every listed example as the kind of date its group names', () => {
		for (const group of DATE_FORMS)
			for (const example of group.examples)
				expect(`${example}: ${shape(example)}`).toMatch(
					new RegExp(`^${example}: ${SHAPES[group.names] ?? 'unknown group'}$`)
				);
	});

	it('reads every form the generator gives a typed card as the same date', () => {
		for (const example of DATE_FORMS.flatMap((f) => f.examples)) {
			const date = parseDateText(example);
			for (const form of dateForms(example)) {
				const other = parseDateText(form);
				expect(other && date && sameDate(other, date), `${example} -> ${form}`).toBe(true);
			}
		}
	});

	it('is the list decks/README.md shows', () => {
		const guide = readFileSync('decks/README.md', 'utf8');
		const block = /<!-- date-forms[^>]*-->([\s\S]*?)<!-- \/date-forms -->/.exec(guide);
		expect(block?.[1]?.trim()).toBe(guideList());
	});

	it('refuses what is not a date, a day a month does not have, and a misspelt month', () => {
		for (const text of [
			'31st of Augustus',
			'the spring of 1957',
			'31 June 2013',
			'29 February 2013',
			'2013-02-30',
			'13/2013'
		])
			expect(parseDateText(text), text).toBeUndefined();
		expect(parseDateText('29 February 2012')).toEqual({ year: 2012, month: 2, day: 29 });
		expect(parseDateText('31st of August 1957')).toEqual({ year: 1957, month: 8, day: 31 });
	});

	it('names the accepted forms, and the month meant, when an answer is not a date', () => {
		const message = dateProblem('31st of Augustus');
		expect(message).toMatch(
			/^"31st of Augustus" is not a date the app can read \("Augustus" is not a month: did you mean August\?\): write /
		);
		for (const group of DATE_FORMS.filter((f) => !f.names.includes('any year'))) {
			expect(message).toContain(group.names);
			expect(message).toContain(group.examples[0]);
		}
		expect(dateProblem('spring 1957')).not.toContain('did you mean');
	});

	it('reports a date answer that is not a date at its line in a deck file', () => {
		const text = `id: dates
title: Dates
version: 1
cards:
  - id: treaty
    kind: typed
    prompt: When was the Treaty of Rome signed?
    answer: 31st of Augustus
    answerType: date
    source:
      quote: The Treaty of Rome was signed in March 1957.
`;
		const result = compileAuthoredDeck({ file: 'dates.yaml', text });
		expect(result.ok ? [] : result.errors.map(formatError)).toEqual([
			`dates.yaml:8:5 cards[1].answer: ${dateProblem('31st of Augustus')}`
		]);
	});
});
