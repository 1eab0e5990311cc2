import type { DraftCard } from '$lib/deck/draft';

/** What changed in a draft's cards since the list last sent: the whole list, or cards by index. */
export type CardsPatch = { cards: DraftCard[] } | { changed: [number, DraftCard][] };

/**
 * The cards to send to a copy that holds `sent`: an edit replaces the card it changes (never
 * changes one in place), so a card that is the same object is the same card. A list of another
 * length (a card added or deleted) is sent whole, as is one where most cards moved.
 */
export function diffCards(sent: readonly DraftCard[] | undefined, cards: DraftCard[]): CardsPatch {
	if (!sent || sent.length !== cards.length) return { cards };
	const changed: [number, DraftCard][] = [];
	for (let i = 0; i < cards.length; i++) {
		if (cards[i] === sent[i]) continue;
		changed.push([i, cards[i] as DraftCard]);
		if (changed.length > cards.length / 2) return { cards };
	}
	return { changed };
}

/** The copy's cards after a patch (the list is changed in place when the patch is by index). */
export function applyCards(held: DraftCard[], patch: CardsPatch): DraftCard[] {
	if ('cards' in patch) return patch.cards;
	for (const [i, card] of patch.changed) held[i] = card;
	return held;
}
