import type { Deck } from '$lib/deck/schema';
import type { StudyDb } from './db';
import type { CardRow, MediaRow, ReviewLogRow } from './rows';
import { exportDeck } from './transfer';

/** What an Anki export reads from this device: the deck, its cards' rows, answers and media. */
export interface PackageSource {
	deck: Deck;
	/** The deck's current cards, in the deck's order (retired ones left out). */
	rows: CardRow[];
	/** The deck's answers, oldest first; empty unless history was asked for. */
	logs: ReviewLogRow[];
	media: MediaRow[];
}

/**
 * Reads one installed deck for an Anki package: its cards with their schedule, its stored media
 * and, with `withHistory`, every answer given to it (read through the deck's log index).
 */
export async function packageSource(
	db: StudyDb,
	deckId: string,
	withHistory: boolean
): Promise<PackageSource> {
	return db.transaction('r', db.decks, db.cards, db.reviewLogs, db.media, async () => {
		const deck = await exportDeck(db, deckId);
		const rows = (await db.cards.where('deckId').equals(deckId).toArray())
			.filter((c) => !c.retired)
			.sort((a, b) => a.order - b.order);
		const logs = withHistory
			? await db.reviewLogs
					.where('[deckId+reviewedAt]')
					.between([deckId, -Infinity], [deckId, Infinity], true, true)
					.toArray()
			: [];
		const media = await db.media.where('deckId').equals(deckId).toArray();
		return { deck, rows, logs, media };
	});
}
