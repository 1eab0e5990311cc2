/**
 * When a learning card may be asked again. A step means what it says: a card on a 10-minute step is
 * not asked after 7 seconds just because nothing else is left. It may come back a little early, so
 * that a session does not stall for seconds: at most a tenth of its step, and never more than a
 * minute. Sooner only when the learner asks to study ahead.
 */

/** The share of a step a card may come back early. */
export const EARLY_SHARE = 0.1;
/** The most a card may come back early, however long its step. */
export const EARLY_MAX_MS = 60_000;

/** A learning card as the rule needs it: dates as epoch milliseconds. */
export interface StepTimes {
	due: number;
	/** The answer that started the step (null for a card never answered). */
	last_review: number | null;
}

/**
 * The moment a learning card may be asked again: its due time less a tenth of its step (at most a
 * minute). A 10-minute step is ready 1 minute early, a 1-minute step 6 seconds early.
 * @example readyAt({ due: t + 600_000, last_review: t }) // t + 540_000
 */
export function readyAt(card: StepTimes): number {
	const step = card.last_review === null ? 0 : Math.max(0, card.due - card.last_review);
	return card.due - Math.min(EARLY_MAX_MS, step * EARLY_SHARE);
}

/** Whether a learning card may be asked at `now` without the learner asking to study ahead. */
export function isReady(card: StepTimes, now: number): boolean {
	return readyAt(card) <= now;
}

/** What the session shows when no card is ready. */
export interface Wait {
	/** The first learning card becomes ready at this moment (epoch ms). */
	until: number;
	/** Learning cards waiting for their step today (the first one included). */
	count: number;
}

/**
 * With no card ready to ask, whether the session waits for a learning card (and until when), or is
 * done. Cards due after the study day's end do not keep a session open.
 * @example waitFor([{ due: t + 600_000, last_review: t }], t + 1000, dayEnd) // { until: t + 540_000, count: 1 }
 */
export function waitFor(
	waiting: readonly StepTimes[],
	now: number,
	dayEnd: number
): Wait | undefined {
	const today = waiting.filter((c) => c.due < dayEnd);
	if (today.length === 0) return undefined;
	const until = Math.max(now, Math.min(...today.map(readyAt)));
	return { until, count: today.length };
}

/**
 * "4:05", "1:02:09": the time left until `until`, rounded up to the second, for a live countdown.
 * @example countdown(65_400) // '1:06'
 */
export function countdown(ms: number): string {
	const total = Math.max(0, Math.ceil(ms / 1000));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = String(total % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
