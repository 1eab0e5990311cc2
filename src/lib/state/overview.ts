import { buildQueue, listDecks, nextDueAt, type DeckRow, type StudyDb } from '$lib/storage';
import { loadSettings, queueOptions } from './settings';

export interface DueCounts {
	learning: number;
	review: number;
	new: number;
}

export interface DeckOverview {
	deck: DeckRow;
	due: DueCounts;
	nextDue: Date | undefined;
}

export interface Overview {
	/** What a review of all decks would show today (the daily limits count across decks). */
	today: DueCounts;
	nextDue: Date | undefined;
	decks: DeckOverview[];
}

/** Today's counts for all decks together and for each deck, for the home screen. */
export async function loadOverview(db: StudyDb, now: Date): Promise<Overview> {
	const settings = await loadSettings(db);
	const all = queueOptions(settings, now);
	const [today, decks] = await Promise.all([
		buildQueue(db, all),
		listDecks(db).then((rows) =>
			Promise.all(
				rows.map(async (deck) => {
					const options = queueOptions(settings, now, deck.id);
					const queue = await buildQueue(db, options);
					const empty = queue.cards.length === 0;
					return {
						deck,
						due: queue.counts,
						nextDue: empty ? await nextDueAt(db, options) : undefined
					};
				})
			)
		)
	]);
	const nextDue = today.cards.length === 0 ? await nextDueAt(db, all) : undefined;
	return { today: today.counts, nextDue, decks };
}
