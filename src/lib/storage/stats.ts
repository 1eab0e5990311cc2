import type { CardRow, ReviewLogRow, StudyDb } from '$lib/storage';
// By path: the scheduler's index would bring ts-fsrs along.
import { studyDayStart } from '$lib/scheduler/day';

/**
 * The figures of the Statistics screen, as plain numbers. They are read only when that screen
 * opens (never while answering), so reading a year of logs is acceptable here; each reader says
 * what it costs.
 */

/** A card counts as mastered once its memory lasts three weeks (Anki calls 21 days "mature"). */
export const MASTERY_STABILITY_DAYS = 21;
/** Below this many answers a retention percentage says more about luck than about memory. */
export const MIN_RETENTION_REVIEWS = 10;
export const FORECAST_DAYS = 30;
export const RETENTION_DAYS = 30;
/** The heatmap shows this many whole weeks before the current one. */
export const HEATMAP_WEEKS = 52;

export interface StatsOptions {
	/** Hour of the day (local time) at which a study day begins. */
	dayStartHour: number;
}

/** One study day: its calendar date as `2026-11-26`, its weekday (0 Monday … 6 Sunday). */
export interface DayCount {
	key: string;
	weekday: number;
	count: number;
}

export interface Heatmap {
	/** Oldest first, from the Monday 52 weeks before this week's to today: 365 to 371 days. */
	days: DayCount[];
	total: number;
	/** Days with at least one review. */
	activeDays: number;
	max: number;
	today: number;
}

export interface Forecast {
	/** Today (overdue cards included) and the 29 days after it. */
	days: DayCount[];
	/** Cards that were due before today began: counted on today too. */
	overdue: number;
	total: number;
}

export interface Retention {
	/** Answers to cards in review state (not learning) over the last 30 study days. */
	total: number;
	/** Of those, the ones not answered Again. */
	right: number;
	/** Enough answers for the percentage to mean something. */
	enough: boolean;
}

export interface CardCounts {
	new: number;
	/** Learning and relearning. */
	learning: number;
	review: number;
	suspended: number;
	/** Forgotten too often; the app suspends them, so they are among the suspended too. */
	leeches: number;
}

export interface DeckMastery {
	deckId: string;
	title: string;
	/** Cards in study: neither suspended nor retired (buried cards count: they return tomorrow). */
	cards: number;
	review: number;
	mastered: number;
}

export interface Stats {
	heatmap: Heatmap;
	forecast: Forecast;
	retention: Retention;
	counts: CardCounts;
	mastery: DeckMastery[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Consecutive study days from `first` days after today (negative: before), in local time: a day is
 * not always 24 hours long (daylight saving), so each start is built from its calendar date.
 */
function studyDays(now: Date, hour: number, first: number, count: number) {
	const today = studyDayStart(now, hour);
	const at = (i: number) =>
		new Date(today.getFullYear(), today.getMonth(), today.getDate() + first + i, hour);
	const days = Array.from({ length: count }, (_, i) => {
		const d = at(i);
		return {
			key: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
			weekday: (d.getDay() + 6) % 7,
			count: 0
		};
	});
	// starts[i] begins day i; starts[count] is the end of the last day.
	const starts = Array.from({ length: count + 1 }, (_, i) => at(i).getTime());
	return { days, starts };
}

/** The index of the day that contains `t`: -1 before the first, `starts.length - 1` after the last. */
function dayOf(starts: number[], t: number): number {
	let lo = 0;
	let hi = starts.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((starts[mid] as number) <= t) lo = mid + 1;
		else hi = mid;
	}
	return lo - 1;
}

const WINDOW_MS = 31 * 86_400_000;

/**
 * Every scheduling answer from `from` to `to`, oldest first, through the `reviewedAt` index. Cost:
 * every row of the period is read (a year of 200 answers a day is about 73,000 rows); they are read
 * a month at a time so that at most a month's rows are held at once.
 */
async function eachReview(
	db: StudyDb,
	from: number,
	to: number,
	visit: (log: ReviewLogRow) => void
): Promise<void> {
	for (let a = from; a < to; a += WINDOW_MS) {
		const rows = await db.reviewLogs
			.where('reviewedAt')
			.between(a, Math.min(a + WINDOW_MS, to), true, false)
			.toArray();
		for (const log of rows) if (log.kind === 'review') visit(log);
	}
}

async function readHistory(db: StudyDb, now: Date, hour: number) {
	const today = studyDayStart(now, hour);
	const weekday = (today.getDay() + 6) % 7;
	const length = HEATMAP_WEEKS * 7 + weekday + 1;
	const { days, starts } = studyDays(now, hour, 1 - length, length);
	const retentionFrom = starts[length - RETENTION_DAYS] as number;
	const retention: Retention = { total: 0, right: 0, enough: false };
	await eachReview(db, starts[0] as number, starts[length] as number, (log) => {
		const day = days[dayOf(starts, log.reviewedAt)];
		if (day) day.count++;
		if (log.reviewedAt >= retentionFrom && log.before.state === 2) {
			retention.total++;
			if (log.grade > 1) retention.right++;
		}
	});
	retention.enough = retention.total >= MIN_RETENTION_REVIEWS;
	const counts = days.map((d) => d.count);
	const heatmap: Heatmap = {
		days,
		total: counts.reduce((a, b) => a + b, 0),
		activeDays: counts.filter((c) => c > 0).length,
		max: Math.max(0, ...counts),
		today: days[length - 1]?.count ?? 0
	};
	return { heatmap, retention };
}

/** Cards of one `active` flag and state, through the `[active+state+due]` index. */
const byState = (db: StudyDb, active: 0 | 1, state: number, below = Number.MAX_SAFE_INTEGER) =>
	db.cards
		.where('[active+state+due]')
		.between([active, state, Number.MIN_SAFE_INTEGER], [active, state, below], true, false);

/**
 * Due cards per study day. Reads only the index keys of active learning, relearning and review
 * cards due before the end of the 30th day: no card rows.
 */
async function readForecast(db: StudyDb, now: Date, hour: number): Promise<Forecast> {
	const { days, starts } = studyDays(now, hour, 0, FORECAST_DAYS);
	const end = starts[FORECAST_DAYS] as number;
	let overdue = 0;
	for (const state of [1, 2, 3]) {
		// Keys of the `[active+state+due]` index: Dexie types them loosely.
		const keys = (await byState(db, 1, state, end).keys()) as unknown as [1, number, number][];
		for (const [, , due] of keys) {
			if (due < (starts[0] as number)) overdue++;
			const day = days[Math.max(0, dayOf(starts, due))];
			if (day) day.count++;
		}
	}
	return { days, overdue, total: days.reduce((a, d) => a + d.count, 0) };
}

const inStudy = (c: CardRow) => !c.suspended && !c.retired;
const isMastered = (c: CardRow) => c.state === 2 && c.stability >= MASTERY_STABILITY_DAYS;

/**
 * Card counts and mastery per deck. Studied cards are counted through the index without reading
 * them; the rows read are the inactive cards (suspended, retired, buried: usually few) and the
 * cards in review, whose stability says whether they are mastered.
 */
async function readCards(db: StudyDb) {
	const [active, inactive, reviews, decks] = await Promise.all([
		Promise.all([0, 1, 2, 3].map((s) => byState(db, 1, s).count())),
		db.cards
			.where('[active+state+due]')
			.between([0, 0, Number.MIN_SAFE_INTEGER], [0, 3, Number.MAX_SAFE_INTEGER], true, true)
			.toArray(),
		byState(db, 1, 2).toArray(),
		db.decks.orderBy('id').toArray()
	]);
	const buried = inactive.filter(inStudy);
	const buriedIn = (states: number[]) => buried.filter((c) => states.includes(c.state)).length;
	const [fresh = 0, learning = 0, review = 0, relearning = 0] = active;
	const counts: CardCounts = {
		new: fresh + buriedIn([0]),
		learning: learning + relearning + buriedIn([1, 3]),
		review: review + buriedIn([2]),
		suspended: inactive.filter((c) => c.suspended && !c.retired).length,
		leeches: inactive.filter((c) => c.leech && !c.retired).length
	};
	const studied = [...reviews, ...buried];
	const mastery = await Promise.all(
		decks.map(async (deck): Promise<DeckMastery> => {
			const all = await db.cards.where('deckId').equals(deck.id).count();
			const out = inactive.filter((c) => c.deckId === deck.id && !inStudy(c)).length;
			const mine = studied.filter((c) => c.deckId === deck.id && c.state === 2);
			return {
				deckId: deck.id,
				title: deck.title,
				cards: all - out,
				review: mine.length,
				mastered: mine.filter(isMastered).length
			};
		})
	);
	return { counts, mastery };
}

/**
 * Everything the Statistics screen shows, read in one read-only transaction so that an answer given
 * in another tab meanwhile cannot make the figures disagree.
 * @example const stats = await loadStats(db, new Date(), { dayStartHour: 4 })
 */
export async function loadStats(db: StudyDb, now: Date, options: StatsOptions): Promise<Stats> {
	const hour = options.dayStartHour;
	return db.transaction('r', db.cards, db.reviewLogs, db.decks, async () => {
		const [history, forecast, cards] = await Promise.all([
			readHistory(db, now, hour),
			readForecast(db, now, hour),
			readCards(db)
		]);
		return { ...history, forecast, ...cards };
	});
}
