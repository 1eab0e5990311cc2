import { buildQueue, listDecks, nextDueAt, type DeckRow, type StudyDb } from '$lib/storage';
import { studyDayEnd, studyDayStart } from '$lib/scheduler';
import { loadSettings } from './settings';

export interface DeckOverview {
	deck: DeckRow;
	due: { learning: number; review: number; new: number };
	nextDue: Date | undefined;
}

/** Today's counts for every installed deck, for the home screen. */
export async function loadOverview(db: StudyDb, now: Date): Promise<DeckOverview[]> {
	const settings = await loadSettings(db);
	const decks = await listDecks(db);
	return Promise.all(
		decks.map(async (deck) => {
			const options = {
				now,
				deckId: deck.id,
				dayStart: studyDayStart(now, settings.dayStartHour),
				dayEnd: studyDayEnd(now, settings.dayStartHour),
				newPerDay: settings.newPerDay,
				reviewsPerDay: settings.reviewsPerDay,
				learnAheadMs: settings.learnAheadMinutes * 60_000
			};
			const queue = await buildQueue(db, options);
			const empty = queue.cards.length === 0;
			return { deck, due: queue.counts, nextDue: empty ? await nextDueAt(db, options) : undefined };
		})
	);
}
