import type { Grade, Scheduler } from '$lib/scheduler';
// By path: the barrel would bring ts-fsrs into the first screen, which installs decks.
import { newCard } from '$lib/scheduler/new-card';
import { rowToState, stateToRow, type StateRow } from './rows';

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
	seed?: string,
	/** The interval to schedule instead of the scheduler's own (a load-balanced day). */
	days?: number
): StateRow {
	return stateToRow(scheduler.answer(rowToState(row), grade, now, seed, days));
}

/** The stored state after a reset: memory as a new card's, due at `now`. */
export function forgetCardState(scheduler: Scheduler, row: StateRow, now: Date): StateRow {
	return stateToRow(scheduler.forget(rowToState(row), now));
}
