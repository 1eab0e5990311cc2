import { describe, expect, it } from 'vitest';
import { LIMITS, validateDeck, type DeckError } from '$lib/deck';
import { smallDeck } from '../../fixtures/decks';

/** The deck format's limits (issue 14): each refused with its size, the limit and where. */
const lines = (errors: DeckError[]) => errors.map((e) => `${e.path}: ${e.message}`);
const check = (raw: unknown) => {
	const result = validateDeck(raw);
	return result.ok ? [] : lines(result.errors);
};
const long = (n: number) => 'x'.repeat(n);

describe('deck limits', () => {
	it(
		`takes ${LIMITS.cards.toLocaleString('en')} cards and refuses one more, saying what to do`,
		{ timeout: 60_000 },
		() => {
			expect(validateDeck(smallDeck(LIMITS.cards)).ok).toBe(true);
			expect(check(smallDeck(LIMITS.cards + 1))).toEqual([
				'cards: has 20,001 cards: a deck holds at most 20,000; split it into two decks'
			]);
		}
	);

	it('refuses each text over its length at its field, with its length and the limit', () => {
		const deck = smallDeck(2) as unknown as Record<string, unknown> & {
			cards: Record<string, unknown>[];
		};
		deck.title = long(LIMITS.title + 1);
		deck.description = long(LIMITS.description + 1);
		deck.language = `en-${long(LIMITS.language)}`;
		deck.source = { title: 'Source', url: `https://example.org/${long(LIMITS.url)}` };
		Object.assign(deck.cards[0]!, {
			prompt: long(LIMITS.prompt + 1),
			answer: long(LIMITS.answer + 1),
			explanation: long(LIMITS.explanation + 1),
			answerType: long(LIMITS.answerType + 1),
			source: { quote: long(LIMITS.quote + 1) }
		});
		Object.assign(deck.cards[1]!, {
			id: long(LIMITS.id * 2 + 1),
			accept: [long(LIMITS.answer + 1)],
			tags: [long(LIMITS.id + 1)]
		});
		expect(check(deck)).toEqual([
			'title: is 121 characters long: shorten it to at most 120',
			'cards[1].prompt: is 401 characters long: shorten it to at most 400',
			'cards[1].answer: is 201 characters long: shorten it to at most 200',
			'cards[1].source.quote: is 801 characters long: shorten it to at most 800',
			'cards[1].explanation: is 501 characters long: shorten it to at most 500',
			'cards[1].answerType: is 41 characters long: shorten it to at most 40',
			'cards[2].id: is 161 characters long: shorten it to at most 160',
			'cards[2].accept[1]: is 201 characters long: shorten it to at most 200',
			'cards[2].tags[1]: is 81 characters long: shorten it to at most 80',
			// Set after the cards, so after them in the deck's own order, as a file would have them.
			'description: is 501 characters long: shorten it to at most 500',
			`language: is ${LIMITS.language + 3} characters long: shorten it to at most 35`,
			'source.url: is 2,020 characters long: shorten it to at most 2,000'
		]);
	});

	it('takes texts exactly at their limits', () => {
		const deck = smallDeck(1);
		deck.title = long(LIMITS.title);
		Object.assign(deck.cards[0]!, {
			prompt: long(LIMITS.prompt),
			answer: long(LIMITS.answer),
			source: { quote: long(LIMITS.quote) },
			accept: Array.from({ length: LIMITS.accept }, (_, i) => `a${i}`),
			tags: Array.from({ length: LIMITS.tags }, (_, i) => `t${i}`)
		});
		expect(check(deck)).toEqual([]);
	});

	it('refuses too many accepted answers and tags, saying how many', () => {
		const deck = smallDeck(1);
		Object.assign(deck.cards[0]!, {
			accept: Array.from({ length: LIMITS.accept + 1 }, (_, i) => `a${i}`),
			tags: Array.from({ length: LIMITS.tags + 2 }, (_, i) => `t${i}`)
		});
		expect(check(deck)).toEqual([
			'cards[1].accept: lists 21 accepted answers: at most 20 are allowed',
			'cards[1].tags: lists 22 tags: at most 20 are allowed'
		]);
	});
});
