// What the daily-limits form accepts: a whole number within what a backup may hold, or nothing
// (then the limit comes from the deck or sub-deck above).

/** The largest limits the app stores (as a backup's settings are checked). */
export const LIMIT_MAX = { newPerDay: 99_999, reviewsPerDay: 999_999 } as const;

export type LimitInput = { ok: true; value: number | undefined } | { ok: false; message: string };

/**
 * Reads one limit as typed: digits only (spaces around are fine), from 0 to `max`; empty means
 * "none of its own".
 * @example parseLimit(' 15 ', 99999) // { ok: true, value: 15 }
 * @example parseLimit('-1', 99999) // { ok: false, message: 'Write a whole number from 0 to 99999 …' }
 */
export function parseLimit(text: string, max: number): LimitInput {
	const trimmed = text.trim();
	if (trimmed === '') return { ok: true, value: undefined };
	const value = /^\d{1,7}$/.test(trimmed) ? Number(trimmed) : NaN;
	if (!Number.isInteger(value) || value > max)
		return {
			ok: false,
			message: `Write a whole number from 0 to ${max}, or leave it empty to use the limit above.`
		};
	return { ok: true, value };
}
