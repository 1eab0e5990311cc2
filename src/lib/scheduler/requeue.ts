import { isReady, readyAt } from './learning-wait';

/**
 * Answers between two reads of the queue while more learning cards are due than one queue holds.
 * Otherwise the queue is read again only when something can have changed it.
 */
export const REFRESH_EVERY = 10;

/** What is known right after an answer was saved, for deciding whether to read the queue again. */
export interface RequeueFacts {
	/** The answered card as stored now: dates as epoch milliseconds. */
	answered: { active: 0 | 1; state: 0 | 1 | 2 | 3; due: number; last_review: number | null };
	/** Another card was already on screen when the answer was saved. */
	early: boolean;
	/** The revision the queue on screen reflects, and the one this answer's write made. */
	known: number;
	revision: number;
	/** The newest revision another tab wrote while this answer was being saved (-1: none). */
	seen: number;
	/** When reading the queue again would change it without any write (see `rereadAt` below). */
	rereadAt: number;
	/** The last read left learning cards out, and answers since it (this one included). */
	truncated: boolean;
	sinceRefresh: number;
}

export interface Requeue {
	/** The answered card may be asked again at once (see `isReady`): it joins the back of the queue. */
	comesBack: boolean;
	/** The answered card is a learning card waiting for its step: it comes back when it is ready. */
	waits: boolean;
	/**
	 * When reading the queue would change it without any write: a learning card left out becomes
	 * ready (its step is over), or the time already set (the study day's end) comes.
	 */
	rereadAt: number;
	/** Read the queue again now. */
	reread: boolean;
}

/**
 * After an answer, whether the queue must be read again. The queue was built with today's limits, so
 * taking its next card keeps them, and answering stays one small write however large the collection.
 * It is read again only when something can have changed it: it ran out (no card was on screen), a
 * learning card left out becomes ready, the time to re-read came, another tab wrote (a gap
 * in the revisions, or a write seen while this one was saved), or learning cards were left out and
 * `REFRESH_EVERY` answers have passed.
 * @example requeueAfterAnswer({ answered, early: true, known: 4, revision: 5, seen: -1, ... }, now)
 */
export function requeueAfterAnswer(facts: RequeueFacts, now: Date): Requeue {
	const { answered } = facts;
	const learning = answered.active === 1 && (answered.state === 1 || answered.state === 3);
	const comesBack = learning && isReady(answered, now.getTime());
	const waits = learning && !comesBack;
	const rereadAt = waits ? Math.min(facts.rereadAt, readyAt(answered)) : facts.rereadAt;
	const elsewhere = facts.revision > facts.known + 1;
	const known = Math.max(facts.known, facts.revision);
	const reread =
		!facts.early ||
		elsewhere ||
		facts.seen > known ||
		now.getTime() >= rereadAt ||
		(facts.truncated && facts.sinceRefresh >= REFRESH_EVERY);
	return { comesBack, waits, rereadAt, reread };
}
