/**
 * Load balancing: a review's next due day is picked inside the range ts-fsrs's fuzz would draw it
 * from, preferring days with fewer cards already due, and weekdays the learner wants lighter ("easy
 * days"). The memory model is untouched: only which day of the fuzz range is chosen. Pure.
 */

/** Whole days an interval may be moved to: ts-fsrs's fuzz range for it. */
export interface FuzzRange {
	min: number;
	max: number;
}

/** Easy days: a share of the normal load for each weekday, Sunday first (1 normal, 0 none). */
export type EasyDays = readonly [number, number, number, number, number, number, number];

/** Every weekday normal: easy days off, as a new install starts (and as Anki starts). */
export const NORMAL_WEEK: EasyDays = [1, 1, 1, 1, 1, 1, 1];

export interface DayLoad {
	/** Cards already due on the study day `days` after today's. */
	dueOn(days: number): number;
	/** The weekday (0 Sunday … 6 Saturday) of the study day `days` after today's. */
	weekday(days: number): number;
	easyDays?: EasyDays;
}

// A weekday set to the minimum still takes cards when the whole range falls on such days.
const NONE = 1e-4;

/**
 * The interval (days) to use within `range`: the day with the fewest cards already due, each count
 * weighed by its weekday's easy-days share (a reduced day counts as fuller than it is). Days that
 * tie are chosen among by `u` in [0, 1), seeded per card and answer, so the choice repeats and
 * cards with the same range do not all pile onto the same first empty day.
 * @example chooseDay({ min: 9, max: 12 }, { dueOn: (d) => (d === 10 ? 0 : 50), weekday: () => 1 }, 0.5) // 10
 */
export function chooseDay(range: FuzzRange, load: DayLoad, u: number): number {
	if (range.max <= range.min) return range.min;
	let best = Infinity;
	let ties: number[] = [];
	for (let d = range.min; d <= range.max; d++) {
		const share = Math.max(load.easyDays?.[load.weekday(d)] ?? 1, NONE);
		const fullness = (1 + load.dueOn(d)) / share;
		if (fullness < best) [best, ties] = [fullness, [d]];
		else if (fullness === best) ties.push(d);
	}
	return ties[Math.min(ties.length - 1, Math.floor(u * ties.length))] ?? range.min;
}

/**
 * A number in [0, 1) from a text (the card's seed and the answer's time): the same answer always
 * picks the same day.
 */
export function seedUnit(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
	return ((h ^ (h >>> 13)) >>> 0) / 4294967296;
}

/**
 * Review cards due on each study day, kept in memory by the review session: read once when its
 * queue is built, then moved as answers are recorded, so that the interval a rating button shows
 * and the one its answer records are chosen from the same counts (and no answer reads the index).
 * Days are counted from the study day the counts were read on (`anchor`), so a session that runs
 * past the day's rollover still finds them.
 */
export class DueCounts {
	readonly #anchor: number;
	readonly #counts: Map<number, number>;

	/** `dues`: the due times (epoch ms) of the cards in review from the study day at `anchor` on. */
	constructor(anchor: number, dues: Iterable<number>) {
		this.#anchor = anchor;
		this.#counts = new Map();
		for (const due of dues) this.add(due, 1);
	}

	#day(ms: number): number {
		return Math.floor((ms - this.#anchor) / 86_400_000);
	}

	/** Counts a card due at `due` (epoch ms) in (`delta` 1) or out (-1). */
	add(due: number, delta: 1 | -1): void {
		const day = this.#day(due);
		this.#counts.set(day, Math.max(0, (this.#counts.get(day) ?? 0) + delta));
	}

	/** Cards due on the study day `days` after the one starting at `dayStart`. */
	dueOn(dayStart: number, days: number): number {
		return this.#counts.get(Math.round((dayStart - this.#anchor) / 86_400_000) + days) ?? 0;
	}
}
