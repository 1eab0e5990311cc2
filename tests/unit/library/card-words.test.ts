// Issue 13, section 3: the card browser spoke the deck format's and the scheduler's jargon ("mcq",
// "truefalse", "stability 2.3 d") and showed two identical rows for the two versions of one
// question. These are the words and groups it shows instead, and its state filter.
import { describe, expect, it } from 'vitest';
import { newCardRow, type CardRow } from '$lib/storage';
import {
	FILTERS,
	KIND_WORDS,
	dueWords,
	filterCounts,
	groupByFact,
	inFilter,
	memoryWords,
	stateWords
} from '../../../src/routes/library/cards/words';
import { NOW, basicCard } from '../../fixtures/decks';

const DAY = 86_400_000;
const at = (days: number, hours = 0) => new Date(NOW.getTime() + days * DAY + hours * 3_600_000);

function row(id: string, extra: Partial<CardRow> = {}): CardRow {
	return {
		...newCardRow(NOW),
		uid: `d|${id}`,
		deckId: 'd',
		cardId: id,
		note: `d|${id}`,
		content: basicCard(id),
		order: 0,
		active: 1,
		suspended: 0,
		retired: 0,
		buriedUntil: 0,
		leech: 0,
		lastLogAt: 0,
		createdAt: NOW.getTime(),
		...extra
	};
}

describe('the card browser in words (issue 13)', () => {
	it('names each way of asking, with no format jargon', () => {
		expect(Object.values(KIND_WORDS)).toEqual([
			'Flashcard',
			'Multiple choice',
			'Type the answer',
			'True or false',
			'Fill in the blank'
		]);
	});

	it('says how long a card is remembered and when it is due', () => {
		expect(memoryWords(2.3)).toBe('Remembered for about 2 days');
		expect(memoryWords(0.4)).toBe('Remembered for less than a day');
		expect(memoryWords(45)).toBe('Remembered for about 6 weeks');
		expect(memoryWords(400)).toBe('Remembered for about 1 year');
		expect(dueWords(at(3), NOW)).toBe('Due in 3 days');
		expect(dueWords(at(1), NOW)).toBe('Due tomorrow');
		expect(dueWords(at(0, 2), NOW)).toBe('Due in 2 hours');
		expect(dueWords(at(-2), NOW)).toBe('Due now');
		expect(dueWords(at(90), NOW)).toBe('Due in about 3 months');
	});

	it('says where a card stands', () => {
		expect(stateWords(row('a'), NOW)).toBe('New — not studied yet');
		expect(stateWords(row('a', { state: 2 }), NOW)).toBe('In review');
		expect(stateWords(row('a', { state: 3 }), NOW)).toMatch(/^Relearning/);
		expect(stateWords(row('a', { suspended: 1 }), NOW)).toBe('Suspended — left out of reviews');
		expect(stateWords(row('a', { suspended: 1, leech: 1, lapses: 8 }), NOW)).toBe(
			'Leech — forgotten 8 times, so suspended'
		);
	});

	it('filters by state, leeches under Suspended too, removed cards only under All', () => {
		const cards = [
			row('new'),
			row('learning', { state: 1 }),
			row('relearning', { state: 3 }),
			row('review', { state: 2 }),
			row('suspended', { state: 2, suspended: 1 }),
			row('leech', { state: 3, suspended: 1, leech: 1 }),
			row('retired', { retired: 1 })
		];
		const ids = (f: (typeof FILTERS)[number]) =>
			cards.filter((c) => inFilter(c, f)).map((c) => c.cardId);
		expect(ids('new')).toEqual(['new']);
		expect(ids('learning')).toEqual(['learning', 'relearning']);
		expect(ids('review')).toEqual(['review']);
		expect(ids('suspended')).toEqual(['suspended', 'leech']);
		expect(ids('leech')).toEqual(['leech']);
		expect(ids('all')).toHaveLength(7);
		expect(filterCounts(cards)).toEqual({
			all: 7,
			new: 1,
			learning: 2,
			review: 1,
			suspended: 2,
			leech: 1
		});
	});

	it('groups the versions of one question, showing their shared prompt once', () => {
		const mcq = row('f/mcq', {
			note: 'd|f',
			content: {
				...basicCard('f/mcq', { prompt: 'Who?', answer: 'Lavrov' }),
				kind: 'mcq',
				distractors: ['a', 'b', 'c']
			}
		});
		const typed = row('f/typed', {
			note: 'd|f',
			content: basicCard('f/typed', { prompt: 'Who?', answer: 'Lavrov', kind: 'typed' })
		});
		const tf = row('g/tf', {
			note: 'd|g',
			content: basicCard('g/tf', { prompt: 'Lavrov is Russian.' })
		});
		const groups = groupByFact([mcq, typed, tf]);
		expect(groups.map((g) => g.cards.map((c) => c.cardId))).toEqual([
			['f/mcq', 'f/typed'],
			['g/tf']
		]);
		expect(groups[0]?.shared).toBe('Who?');
		expect(groups[0]?.answer).toBe('Lavrov');
		expect(groups[1]?.shared).toBeUndefined();
		expect(groups[1]?.answer).toBeUndefined();
	});
});
