import { buildQueue, listDecks, nextDueAt, type DeckRow, type StudyDb } from '$lib/storage';
import { studyDayEnd, studyDayStart } from '$lib/scheduler/day';
import { loadSettings, queueOptions } from './study-settings';

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

/**
 * Study days in a row with at least one answer, ending today (or yesterday, when today has none
 * yet). One index probe a day, so the cost follows the streak, not the history.
 */
export async function studyStreak(db: StudyDb, now: Date, dayStartHour: number): Promise<number> {
	let start = studyDayStart(now, dayStartHour);
	let end = studyDayEnd(now, dayStartHour);
	const answeredIn = async (from: Date, to: Date) =>
		(await db.reviewLogs
			.where('reviewedAt')
			.between(from.getTime(), to.getTime(), true, false)
			.filter((log) => log.kind === 'review')
			.first()) !== undefined;
	let streak = 0;
	let today = true;
	for (;;) {
		if (await answeredIn(start, end)) streak++;
		else if (!today) break;
		today = false;
		end = start;
		start = studyDayStart(new Date(start.getTime() - 1), dayStartHour);
	}
	return streak;
}

export interface Overview {
	/** Study days in a row with at least one answer. */
	streak: number;
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
	const streak = await studyStreak(db, now, settings.dayStartHour);
	return { streak, today: today.counts, nextDue, decks };
}
