import { describe, expect, it } from 'vitest';
import { emptyCard, type DraftCard } from '$lib/deck/draft';
import { applyCards, diffCards } from '$lib/services/draft-patch';

const card = (prompt: string): DraftCard => ({ ...emptyCard('basic'), id: prompt, prompt });
const deck = (n: number) => Array.from({ length: n }, (_, i) => card(`q${i}`));

describe('sending a draft’s cards to the checker', () => {
	it('sends the whole list first, then only the card an edit replaced', () => {
		const cards = deck(2000);
		expect(diffCards(undefined, cards)).toEqual({ cards });
		const edited = cards.slice();
		edited[1000] = { ...cards[1000]!, prompt: 'q1000 typed' };
		const patch = diffCards(cards, edited);
		expect(patch).toEqual({ changed: [[1000, edited[1000]]] });
		// The copy the worker holds ends up equal to the page's.
		const held = structuredClone(cards);
		expect(applyCards(held, structuredClone(patch))).toEqual(edited);
	});

	it('sends the whole list when a card was added or deleted, or most cards moved', () => {
		const cards = deck(10);
		const added = [...cards, card('new')];
		expect(diffCards(cards, added)).toEqual({ cards: added });
		expect(diffCards(cards, cards.slice(1))).toEqual({ cards: cards.slice(1) });
		const reversed = cards.slice().reverse();
		expect(diffCards(cards, reversed)).toEqual({ cards: reversed });
		expect(applyCards(structuredClone(cards), { cards: reversed })).toEqual(reversed);
	});

	it('sends nothing when no card changed', () => {
		const cards = deck(5);
		expect(diffCards(cards, cards.slice())).toEqual({ changed: [] });
	});
});
