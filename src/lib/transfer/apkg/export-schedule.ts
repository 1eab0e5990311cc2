import type { ReviewLogRow, StateRow } from '$lib/storage/rows';
import { studyDayStart } from '$lib/scheduler/day';

/** A card's schedule as the export needs it: its FSRS state, and whether it is held back. */
export interface ExportState extends StateRow {
	suspended: 0 | 1;
	/** Hidden until this moment (epoch ms); 0 when not buried. */
	buriedUntil: number;
}

/** One of the card's log rows, oldest first. */
export type ExportLog = Pick<
	ReviewLogRow,
	'kind' | 'grade' | 'reviewedAt' | 'durationMs' | 'before'
>;

/** The scheduling columns of an Anki card row. */
export interface AnkiSchedule {
	type: number;
	queue: number;
	due: number;
	ivl: number;
	factor: number;
	reps: number;
	lapses: number;
	left: number;
	data: string;
}

/** One row of Anki's review log. */
export interface AnkiRevlogRow {
	id: number;
	ease: number;
	ivl: number;
	lastIvl: number;
	factor: number;
	time: number;
	type: number;
}

const DAY = 86_400_000;

/**
 * Anki's ease (permille) for an FSRS difficulty: 1 (easiest) is 300 %, 10 (hardest) 130 %, Anki's
 * lowest ease, in a straight line. Only Anki's older scheduler (SM-2) reads it.
 */
export function factorOf(difficulty: number): number {
	const d = Math.min(10, Math.max(1, difficulty || 5));
	return Math.round(1000 * (3 - (1.7 * (d - 1)) / 9));
}

/** The interval Anki records for a state: days for a review card, negative seconds while learning. */
function intervalOf(state: StateRow, at: number): number {
	if (state.state === 0) return 0;
	if (state.state === 2)
		return Math.max(1, state.scheduled_days || Math.round((state.due - at) / DAY));
	return -Math.max(60, Math.round((state.due - at) / 1000));
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * How the package counts days, as Anki's scheduler reads them when the collection has a
 * `creationOffset` and a `rollover` (its v2 and v3 schedulers): a day number is the study day's
 * date (the day starting at the rollover hour) less the date of `crt`, in the time zone given.
 */
export interface AnkiDays {
	/** The collection's creation time (ms): the start of the study day holding `from`. */
	crt: number;
	/** Minutes west of UTC at `crt`, Anki's `creationOffset` (as `Date#getTimezoneOffset` gives). */
	creationOffset: number;
	/** The hour a study day starts at: Anki's `rollover`. */
	rollover: number;
	/** The day number of moment `t` (ms): its study day less `crt`'s. */
	dayOf: (t: number) => number;
}

/**
 * This device's study days (starting at `dayStartHour`, local time) from the one holding `from`,
 * as Anki numbers them: a review card due on a study day here is due on that day in Anki, in any
 * time zone and at any hour it was answered (days counted in UTC put some a day off).
 * @example ankiDays(Date.parse('2026-03-01T10:00'), 4).dayOf(Date.parse('2026-03-03T02:00')) // 1
 */
export function ankiDays(from: number, dayStartHour: number): AnkiDays {
	const rollover = Math.min(23, Math.max(0, Math.trunc(dayStartHour)));
	// A calendar date as a whole number of days: no clock change can make a day 23 or 25 hours.
	const dateOf = (t: number) => {
		const start = studyDayStart(new Date(t), rollover);
		return Math.round(Date.UTC(start.getFullYear(), start.getMonth(), start.getDate()) / DAY);
	};
	const crt = studyDayStart(new Date(from), rollover).getTime();
	const first = dateOf(crt);
	return {
		crt,
		creationOffset: new Date(crt).getTimezoneOffset(),
		rollover,
		dayOf: (t) => dateOf(t) - first
	};
}

/**
 * The Anki card columns for a Recall card's FSRS state. New cards are new at their place in the
 * deck; learning and relearning cards are due at their time (seconds); review cards on their study
 * day, numbered by `dayOf` (see `ankiDays`). FSRS's stability and difficulty go in the card's
 * `data` as `s` and `d`, where Anki's own FSRS reads them; SM-2 gets `factorOf(difficulty)`.
 */
export function scheduleOf(
	state: ExportState | undefined,
	position: number,
	dayOf: (t: number) => number,
	now: number
): AnkiSchedule {
	const held = (queue: number) =>
		state?.suspended ? -1 : state && state.buriedUntil > now ? -2 : queue;
	if (!state || state.state === 0)
		return {
			type: 0,
			queue: held(0),
			due: position,
			ivl: 0,
			factor: 0,
			reps: 0,
			lapses: 0,
			left: 0,
			data: '{}'
		};
	const common = {
		factor: factorOf(state.difficulty),
		reps: state.reps,
		lapses: state.lapses,
		data: JSON.stringify({ s: round4(state.stability), d: round4(state.difficulty) })
	};
	if (state.state === 2)
		return {
			...common,
			type: 2,
			queue: held(2),
			due: Math.max(0, dayOf(state.due)),
			ivl: intervalOf(state, state.last_review ?? now),
			left: 0
		};
	return {
		...common,
		type: state.state,
		queue: held(1),
		due: Math.floor(state.due / 1000),
		ivl: state.state === 3 ? Math.max(1, Math.round(state.stability)) : 0,
		// One step left, to be done today: Anki counts `left` as today's steps * 1000 + steps.
		left: 1001
	};
}

/**
 * A card's answers as Anki review-log rows. Each row's interval is the state after the answer:
 * the next log's state before, or the card's state now for the last one. Practice answers are not
 * in Anki's log (they did not schedule); a reset is Anki's manual row with no interval.
 * `taken` holds the ids already used (the review log's id is its time and must be unique).
 */
export function revlogOf(
	logs: readonly ExportLog[],
	current: StateRow,
	taken: Set<number>
): AnkiRevlogRow[] {
	const kept = logs.filter((l) => l.kind !== 'practice');
	return kept.map((log, i) => {
		const after = kept[i + 1]?.before ?? current;
		let id = Math.round(log.reviewedAt);
		while (taken.has(id)) id++;
		taken.add(id);
		const lastIvl = intervalOf(log.before, log.reviewedAt);
		if (log.kind === 'forget' || log.grade === 0)
			return { id, ease: 0, ivl: 0, lastIvl, factor: 0, time: 0, type: 4 };
		const before = log.before.state;
		return {
			id,
			ease: log.grade,
			ivl: intervalOf(after, log.reviewedAt),
			lastIvl,
			factor: after.state === 0 ? 0 : factorOf(after.difficulty),
			// Anki records at most a minute per answer (its default cap).
			time: Math.min(60_000, Math.max(0, Math.round(log.durationMs))),
			type: before === 2 ? 1 : before === 3 ? 2 : 0
		};
	});
}
