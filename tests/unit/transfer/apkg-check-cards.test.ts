import { describe, expect, it } from 'vitest';
import type { Card } from '$lib/deck/schema';
import { checkCards } from '$lib/transfer/apkg/check-cards';
import type { MadeCard } from '$lib/transfer/apkg/note-cards';

const shell = { schemaVersion: 1 as const, id: 'geo', title: 'Geography', version: 1 };
const made = (card: Partial<Card> & { id: string }): MadeCard => ({
	card: { kind: 'basic', prompt: 'Q?', answer: 'A', source: { quote: 'A' }, ...card } as Card,
	ankiCard: { id: 1, nid: 1, did: 1, ord: 0, queue: 0 },
	deck: 'Geography'
});

describe('checking the cards a package made, with the deck', () => {
	it('leaves out only the cards the deck checks refuse, and says how many', () => {
		const cards = [
			made({ id: 'a' }),
			made({ id: 'b', prompt: 'Bold <b>text</b>' }),
			made({ id: 'c', kind: 'cloze', prompt: 'No blank here' }),
			made({ id: 'd' })
		];
		const r = checkCards(shell, cards, 'geo.apkg');
		if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
		expect(r.deck.cards.map((c) => c.id)).toEqual(['a', 'd']);
		expect(r.kept.map((c) => c.card.id)).toEqual(['a', 'd']);
		expect(r.leftOut).toBe(2);
	});

	it('refuses the import when the deck itself is wrong, whatever its cards', () => {
		const r = checkCards({ ...shell, title: 'Geo <script>' }, [made({ id: 'a' })], 'geo.apkg');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors[0]?.path).toBe('title');
	});

	it('refuses when no card is left', () => {
		const r = checkCards(shell, [made({ id: 'a', answer: '<i>x</i>' })], 'geo.apkg');
		expect(r.ok).toBe(false);
	});
});
