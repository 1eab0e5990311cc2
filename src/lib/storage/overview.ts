// Single modules, not the storage barrel: home's first screen loads only what it uses.
import type { StudyDb } from './db';
import type { CardRow, DeckRow } from './rows';
import { listDecks } from './decks';
import { buildQueue, nextDueAt } from './queue';
import { studyDayEnd, studyDayStart } from '$lib/scheduler/day';
import { loadSettings, queueOptions } from './study-settings';
import { countByPath, type CountsByPath } from '$lib/deck/subdeck-counts';

export interface DueCounts {
	learning: number;
	review: number;
	new: number;
}

export interface DeckOverview {
	deck: DeckRow;
	/**
	 * This deck's part of today's review of all decks: the daily limits are shared, so these add up
	 * to the totals across decks.
	 */
	due: DueCounts;
	/** What studying this deck alone would show today: it may take the whole shared limit. */
	alone: DueCounts;
	/** `due` by the cards' own sub-deck path (`''`: none), for the deck tree's counts. */
	dueByPath: CountsByPath;
	nextDue: Date | undefined;
}

/** Counts of `cards` by the state they are in, for one deck. */
function countsOf(cards: CardRow[], deckId: string): DueCounts {
	const counts: DueCounts = { learning: 0, review: 0, new: 0 };
	for (const card of cards) {
		if (card.deckId !== deckId) continue;
		if (card.state === 0) counts.new++;
		else if (card.state === 2) counts.review++;
		else counts.learning++;
	}
	return counts;
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
	/** Learning cards answered today that come back later today, when their step is over. */
	laterToday: number;
	decks: DeckOverview[];
}

/** Today's counts for all decks together and for each deck, for the home screen. */
export async function loadOverview(db: StudyDb, now: Date): Promise<Overview> {
	const settings = await loadSettings(db);
	const all = queueOptions(settings, now);
	const [today, alone] = await Promise.all([
		buildQueue(db, all),
		listDecks(db).then((rows) =>
			Promise.all(
				rows.map(async (deck) => {
					const options = queueOptions(settings, now, deck.id);
					const queue = await buildQueue(db, options);
					const empty = queue.cards.length === 0;
					return {
						deck,
						alone: queue.counts,
						nextDue: empty ? await nextDueAt(db, options) : undefined
					};
				})
			)
		)
	]);
	// Each deck's counts are its part of the review of all decks (the queue above, which introduces
	// new cards across decks in their order), so they add up to the totals: a shared limit of 20 new
	// cards never shows as 20 in every deck.
	const decks = alone.map((d) => ({
		...d,
		due: countsOf(today.cards, d.deck.id),
		dueByPath: countByPath(
			today.cards
				.filter((c) => c.deckId === d.deck.id)
				.map((c) => ({ subdeck: c.content.subdeck, state: c.state }))
		)
	}));
	// A learning card waiting for its step is due when the review would ask it (a little early).
	const nextDue =
		today.cards.length > 0
			? undefined
			: today.learningLater !== undefined
				? new Date(today.learningLater)
				: await nextDueAt(db, all);
	const streak = await studyStreak(db, now, settings.dayStartHour);
	return { streak, today: today.counts, nextDue, laterToday: today.waitingCount, decks };
}
