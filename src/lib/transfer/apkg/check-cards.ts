import type { Deck } from '$lib/deck/schema';
import type { DeckError } from '$lib/deck/errors';
import { validateDeck } from '$lib/deck/validate';
import type { MadeCard } from './note-cards';

export type CheckedCards =
	{ ok: true; deck: Deck; kept: MadeCard[]; leftOut: number } | { ok: false; errors: DeckError[] };

/**
 * Checks the made deck with the validator every import uses, once for all cards. A card it refuses
 * is left out and the rest checked again, so one odd note never stops an import; a problem with
 * the deck itself (its title, the list) does. Valid cards are parsed once, not once alone and
 * again with the deck.
 */
export function checkCards(
	shell: Omit<Deck, 'cards'>,
	made: readonly MadeCard[],
	file: string
): CheckedCards {
	let cards = [...made];
	// Each round leaves out every card named; a second round only sees cards that passed.
	for (let round = 0; round < 3; round++) {
		const checked = validateDeck({ ...shell, cards: cards.map((c) => c.card) }, { file });
		if (checked.ok)
			return { ok: true, deck: checked.deck, kept: cards, leftOut: made.length - cards.length };
		const bad = new Set<number>();
		for (const e of checked.errors) {
			const [top, index] = e.keys ?? [];
			if (top !== 'cards' || typeof index !== 'number') return checked;
			bad.add(index);
		}
		cards = cards.filter((_, i) => !bad.has(i));
		if (cards.length === 0) return checked;
	}
	return {
		ok: false,
		errors: [{ file, path: '', message: 'the cards did not pass the deck checks' }]
	};
}
