// Apart from card-state.ts, which the first screen loads: only the review needs this.
import type { Grade, Scheduler } from '$lib/scheduler';
import { studyDayStart } from '$lib/scheduler/day';
import { chooseDay, DueCounts, seedUnit, type EasyDays } from '$lib/scheduler/load-balance';
import type { StudyDb } from './db';
import { rowToState, type StateRow } from './rows';
import { answerCard } from './card-state';
import type { Balance } from './answers';

const DAY = 86_400_000;

/**
 * Load balancing for one answer (see `recordAnswer`): the scheduler's fuzz range for the stored
 * state, the day chosen by the cards already due and the easy days, and the state with it. The
 * choice is seeded by the card, the study day and the rating, so the interval a rating button shows
 * before the answer is the one the answer records. `counts`, when given, are the cards due as the
 * session keeps them in memory; without them `recordAnswer` reads them from the index.
 */
export function answerBalance(
	scheduler: Scheduler,
	grade: Grade,
	now: Date,
	seed: string,
	settings: { dayStartHour: number; easyDays: EasyDays },
	counts?: DueCounts
): Balance {
	const dayStart = studyDayStart(now, settings.dayStartHour).getTime();
	return {
		dayStart,
		range: (row) => scheduler.fuzzRange(rowToState(row), grade, now),
		choose: (range, dueOn) =>
			chooseDay(
				range,
				{
					dueOn,
					weekday: (days) => new Date(dayStart + (days + 0.5) * DAY).getDay(),
					easyDays: settings.easyDays
				},
				seedUnit(`${seed}:${dayStart}:${grade}`)
			),
		next: (row, days) => answerCard(scheduler, row, grade, now, seed, days),
		...(counts ? { dueOn: (days: number) => counts.dueOn(dayStart, days) } : {})
	};
}

/**
 * The interval (days) load balancing gives `row` with `balance`, from the counts in memory; none
 * where it does not apply (no range, or no counts). What a rating button shows.
 */
export function balancedDays(balance: Balance, row: StateRow): number | undefined {
	const range = balance.range(row);
	return range && balance.dueOn ? balance.choose(range, balance.dueOn) : undefined;
}

/**
 * The cards in review due from the study day starting at `dayStart` on, counted by day: one read of
 * the index's keys when a review session builds its queue.
 */
export async function readDueCounts(db: StudyDb, dayStart: number): Promise<DueCounts> {
	const keys = await db.cards
		.where('[active+state+due]')
		.between([1, 2, dayStart], [1, 2, Infinity], true, true)
		.keys();
	return new DueCounts(
		dayStart,
		keys.map((key) => (key as unknown as [number, number, number])[2])
	);
}
