/**
 * The study day: a review at 1 am counts for the day before when the day starts at 4 am (as in Anki).
 * All in the device's local time zone.
 */

/** The moment today's study day began. */
export function studyDayStart(now: Date, startHour = 4): Date {
	const start = new Date(now);
	start.setHours(startHour, 0, 0, 0);
	if (start.getTime() > now.getTime()) start.setDate(start.getDate() - 1);
	return start;
}

/** The moment the next study day begins: cards due before it are due today. */
export function studyDayEnd(now: Date, startHour = 4): Date {
	const end = studyDayStart(now, startHour);
	end.setDate(end.getDate() + 1);
	return end;
}

/** A key for the study day, for example `2026-11-26`. */
export function studyDayKey(now: Date, startHour = 4): string {
	const d = studyDayStart(now, startHour);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
