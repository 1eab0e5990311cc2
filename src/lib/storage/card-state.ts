import type { Grade, Scheduler } from '$lib/scheduler';
// By path: the barrel would bring ts-fsrs into the first screen, which installs decks.
import { newCard } from '$lib/scheduler/new-card';
import { studyDayStart } from '$lib/scheduler/day';
import { chooseDay, seedUnit, type EasyDays } from '$lib/scheduler/load-balance';
import { rowToState, stateToRow, type StateRow } from './rows';
import type { Balance } from './answers';

const DAY = 86_400_000;

/**
 * The stored state of a card nobody has studied yet, due at `now`: the scheduler's `newCard`.
 * @example { ...identity, ...newCardRow(now) }
 */
export function newCardRow(now: Date): StateRow {
	return stateToRow(newCard(now));
}

/**
 * The stored state after one answer: the scheduler's `answer`, converted at the edge. `seed` (the
 * card's uid) makes the fuzz the same for the same history.
 * @example recordAnswer(db, { ..., next: (s) => answerCard(scheduler, s, 3, now, uid) })
 */
export function answerCard(
	scheduler: Scheduler,
	row: StateRow,
	grade: Grade,
	now: Date,
	seed?: string
): StateRow {
	return stateToRow(scheduler.answer(rowToState(row), grade, now, seed));
}

/** The stored state after a reset: memory as a new card's, due at `now`. */
export function forgetCardState(scheduler: Scheduler, row: StateRow, now: Date): StateRow {
	return stateToRow(scheduler.forget(rowToState(row), now));
}

/**
 * Load balancing for one answer (see `recordAnswer`): the scheduler's fuzz range for the stored
 * state, the day chosen by the cards already due and the easy days, and the state with it. The
 * choice is seeded by the card and the answer's time, so it repeats.
 */
export function answerBalance(
	scheduler: Scheduler,
	grade: Grade,
	now: Date,
	seed: string,
	settings: { dayStartHour: number; easyDays: EasyDays }
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
				seedUnit(`${seed}:${now.getTime()}`)
			),
		next: (row, days) => stateToRow(scheduler.answer(rowToState(row), grade, now, seed, days))
	};
}
