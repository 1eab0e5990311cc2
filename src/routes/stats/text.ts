/** "1 review", "1,204 reviews": a count with its noun, in the reader's number format. */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
	return `${n.toLocaleString()} ${n === 1 ? noun : nouns}`;
}

/** The local date of a study-day key (`2026-11-26`). */
export function dayDate(key: string): Date {
	const [y = 1970, m = 1, d = 1] = key.split('-').map(Number);
	return new Date(y, m - 1, d);
}

/** "26 Nov" or "Nov 26", as the reader's locale writes a short date. */
export const shortDate = (key: string) =>
	dayDate(key).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });

/** "Thu 26 Nov": a short date with its weekday, for table rows. */
export const longDate = (key: string) =>
	dayDate(key).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });

/** A share as a whole percentage; 0 when there is nothing to share. */
export const percent = (part: number, whole: number) =>
	whole > 0 ? Math.round((100 * part) / whole) : 0;

/** "Thu 25 Dec 2025": for a day that may be in another year. */
export const fullDate = (key: string) =>
	dayDate(key).toLocaleDateString(undefined, {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		year: 'numeric'
	});
