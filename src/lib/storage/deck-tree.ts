// Home's deck trees: which decks have sub-decks. A deck's tree changes only when its cards do, so
// it is kept (a local setting) with a stamp of the deck's version and card count: home reads a
// 20,000-card deck's rows only after that deck changed, not on every visit.
import type { StudyDb } from './db';
import type { DeckRow } from './rows';
import { subdeckTree, type SubdeckNode } from '$lib/deck/subdecks';

/** The settings key of the sub-decks folded on home (`subdeckLimitKey`s). */
export const HOME_FOLDED = 'homeFolded';

/** The settings key of the kept trees; local to this device (never in a backup or a sync). */
export const SUBDECK_TREES = 'subdeckTrees';

type Kept = Record<string, { stamp: string; nodes: SubdeckNode[] }>;

/** What a kept tree was made from: the deck's version, its last install and its card count. */
const treeStamp = (deck: Pick<DeckRow, 'version' | 'updatedAt'>, count: number) =>
	`${deck.version}|${deck.updatedAt}|${count}`;

/**
 * Keeps the tree of a deck just installed, from the sub-deck paths of its cards (the deck's cards
 * as they now are, retired ones left out): home's first visit after an import then reads no card
 * (a 20,000-card deck's rows took seconds on the main thread). Runs inside the install's
 * transaction, which must include `cards` and `settings`.
 */
export async function keepDeckTree(
	db: StudyDb,
	deck: Pick<DeckRow, 'id' | 'version' | 'updatedAt'>,
	paths: readonly (string | undefined)[]
): Promise<void> {
	const count = await db.cards.where('deckId').equals(deck.id).count();
	const row = await db.settings.get(SUBDECK_TREES);
	const kept = { ...((row?.value ?? {}) as Kept) };
	kept[deck.id] = { stamp: treeStamp(deck, count), nodes: subdeckTree(paths) };
	await db.settings.put({ key: SUBDECK_TREES, value: kept });
}

/**
 * The sub-deck tree of each deck that has one, by deck id (decks without sub-decks are left out).
 * Counts each deck's cards through its index; reads a deck's cards (one getAll) only when that count
 * or the deck's version or install time differs from the kept tree's.
 */
export async function loadDeckTrees(
	db: StudyDb,
	decks: readonly DeckRow[]
): Promise<Record<string, SubdeckNode[]>> {
	const trees: Record<string, SubdeckNode[]> = {};
	const { kept, fresh } = await db.transaction('r', db.cards, db.settings, async () => {
		const row = await db.settings.get(SUBDECK_TREES);
		const kept = (row?.value ?? {}) as Kept;
		const fresh: Kept = {};
		for (const deck of decks) {
			const count = await db.cards.where('deckId').equals(deck.id).count();
			const stamp = treeStamp(deck, count);
			const known = kept[deck.id];
			if (known?.stamp === stamp && Array.isArray(known.nodes)) {
				fresh[deck.id] = known;
				continue;
			}
			const cards = await db.cards.where('deckId').equals(deck.id).toArray();
			const paths = cards.filter((c) => !c.retired).map((c) => c.content.subdeck);
			fresh[deck.id] = { stamp, nodes: subdeckTree(paths) };
		}
		return { kept, fresh };
	});
	for (const [id, { nodes }] of Object.entries(fresh)) if (nodes.length > 0) trees[id] = nodes;
	const changed =
		Object.keys(kept).length !== Object.keys(fresh).length ||
		Object.entries(fresh).some(([id, t]) => kept[id]?.stamp !== t.stamp);
	// Only a faster next visit depends on it: a failed write (a full disk) is left alone.
	if (changed) await db.settings.put({ key: SUBDECK_TREES, value: fresh }).catch(() => undefined);
	return trees;
}
