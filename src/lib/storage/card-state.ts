import { createScheduler, type Grade, type Scheduler } from '$lib/scheduler';
import { rowToState, stateToRow, type StateRow } from './rows';

/** A new card's state does not depend on the scheduler's options: one instance serves all. */
const defaults = createScheduler();

/**
 * The stored state of a card nobody has studied yet, due at `now`: the scheduler's `newCard`.
 * @example { ...identity, ...newCardRow(now) }
 */
export function newCardRow(now: Date): StateRow {
	return stateToRow(defaults.newCard(now));
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
