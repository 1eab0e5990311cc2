// Home's deck trees: which decks have sub-decks, read after the first counts are on screen.
import type { StudyDb } from './db';
import type { DeckRow } from './rows';
import { subdeckTree, type SubdeckNode } from '$lib/deck/subdecks';

export interface DeckTree {
	/** Its sub-decks in reading order (never empty: decks without sub-decks have no tree). */
	nodes: SubdeckNode[];
	/**
	 * Cards of each own sub-deck path that could come up today before the daily limits (new, or
	 * due by the end of the study day; neither suspended nor buried): whether Study has anything.
	 */
	openByPath: Record<string, number>;
}

/**
 * The sub-deck tree of each deck that has one, by deck id. Reads each deck's cards once through
 * its index (one getAll a deck, not a cursor).
 */
export async function loadDeckTrees(
	db: StudyDb,
	decks: readonly DeckRow[],
	now: Date,
	dayEnd: Date
): Promise<Record<string, DeckTree>> {
	const trees: Record<string, DeckTree> = {};
	await db.transaction('r', db.cards, async () => {
		for (const deck of decks) {
			const cards = await db.cards.where('deckId').equals(deck.id).toArray();
			const paths: (string | undefined)[] = [];
			const openByPath: Record<string, number> = {};
			for (const card of cards) {
				if (card.retired) continue;
				const path = card.content.subdeck;
				paths.push(path);
				const open =
					card.active === 1 &&
					card.buriedUntil <= now.getTime() &&
					(card.state === 0 || card.due < dayEnd.getTime());
				if (open && path) openByPath[path] = (openByPath[path] ?? 0) + 1;
			}
			const nodes = subdeckTree(paths);
			if (nodes.length > 0) trees[deck.id] = { nodes, openByPath };
		}
	});
	return trees;
}
