import { closest } from './closest';

const MONTHS = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december'
];

/** A date as people write it: a year, a month of a year, a day, or a part of a month. */
export interface DateText {
	year?: number;
	month?: number;
	day?: number;
	part?: 'early' | 'mid' | 'late';
}

function monthNumber(word: string): number | undefined {
	const w = word.toLowerCase().replace(/\.$/, '');
	if (w.length < 3) return undefined;
	const i = MONTHS.findIndex((m) => m === w || (w.length >= 3 && m.startsWith(w)));
	return i < 0 ? undefined : i + 1;
}

const validYear = (y: number) => y >= 1000 && y <= 2999;
const validMonth = (m: number) => m >= 1 && m <= 12;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
/** 31 June and 29 February 2013 are not days. */
const validDay = (day: number, month: number, year?: number) =>
	day >= 1 &&
	day <= (DAYS[month - 1] ?? 0) &&
	!(month === 2 && day === 29 && year !== undefined && !leap(year));

/**
 * Reads a date in its common written forms; undefined when the text is not a date.
 * @example parseDateText('Nov 2013') // { year: 2013, month: 11 }
 * @example parseDateText('2013-11') // { year: 2013, month: 11 }
 * @example parseDateText('mid-June') // { month: 6, part: 'mid' }
 */
export function parseDateText(input: string): DateText | undefined {
	const s = input.trim().replace(/\s+/g, ' ').replace(/^in /i, '');
	let m: RegExpMatchArray | null;
	if ((m = s.match(/^(\d{4})$/))) {
		const year = Number(m[1]);
		return validYear(year) ? { year } : undefined;
	}
	if ((m = s.match(/^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/))) {
		const year = Number(m[1]);
		const month = Number(m[2]);
		const day = m[3] ? Number(m[3]) : undefined;
		if (
			!validYear(year) ||
			!validMonth(month) ||
			(day !== undefined && !validDay(day, month, year))
		)
			return undefined;
		return day === undefined ? { year, month } : { year, month, day };
	}
	if ((m = s.match(/^(\d{1,2})[/.](\d{4})$/))) {
		const month = Number(m[1]);
		const year = Number(m[2]);
		return validMonth(month) && validYear(year) ? { year, month } : undefined;
	}
	m = s.match(
		/^(?:(early|mid|late)[- ])?(?:(\d{1,2})(?:st|nd|rd|th)?(?: of)? )?([a-z]+\.?)(?: (\d{1,2})(?:st|nd|rd|th)?)?,?(?: (\d{4}))?$/i
	);
	if (m) {
		const month = monthNumber(m[3] ?? '');
		if (month === undefined) return undefined;
		const dayText = m[2] ?? m[4];
		if (m[2] && m[4]) return undefined;
		const day = dayText ? Number(dayText) : undefined;
		if (day !== undefined && m[1]) return undefined;
		const year = m[5] ? Number(m[5]) : undefined;
		if (year !== undefined && !validYear(year)) return undefined;
		if (day !== undefined && !validDay(day, month, year)) return undefined;
		const out: DateText = { month };
		if (year !== undefined) out.year = year;
		if (day !== undefined) out.day = day;
		if (m[1]) out.part = m[1].toLowerCase() as DateText['part'];
		return out;
	}
	return undefined;
}

/** Two written dates name the same day, month or year. */
export function sameDate(a: DateText, b: DateText): boolean {
	return a.year === b.year && a.month === b.month && a.day === b.day && a.part === b.part;
}

/** The other written forms of a date, for typed-answer alternatives. */
export function dateForms(input: string): string[] {
	const d = parseDateText(input);
	if (!d || d.month === undefined) return [];
	const name = MONTHS[d.month - 1] ?? '';
	const long = name[0]?.toUpperCase() + name.slice(1);
	const short = long.slice(0, 3);
	const mm = String(d.month).padStart(2, '0');
	const forms: string[] = [];
	if (d.year !== undefined && d.day === undefined && !d.part) {
		forms.push(
			`${long} ${d.year}`,
			`${short} ${d.year}`,
			`${d.month}/${d.year}`,
			`${d.year}-${mm}`
		);
	} else if (d.year !== undefined && d.day !== undefined) {
		const dd = String(d.day).padStart(2, '0');
		forms.push(
			`${d.day} ${long} ${d.year}`,
			`${long} ${d.day}, ${d.year}`,
			`${d.year}-${mm}-${dd}`
		);
	} else if (d.part) {
		const y = d.year !== undefined ? ` ${d.year}` : '';
		forms.push(`${d.part}-${long}${y}`, `${d.part} ${long}${y}`, `${d.part}-${short}${y}`);
	}
	return forms.filter((f) => f !== input);
}

/** What a date can look like, by what it names. The deck guide's list is checked against this. */
export const DATE_FORMS: readonly { names: string; examples: readonly string[] }[] = [
	{ names: 'a year', examples: ['2013'] },
	{ names: 'a month of a year', examples: ['November 2013', 'Nov 2013', '11/2013', '2013-11'] },
	{
		names: 'a day',
		examples: ['5 November 2013', '5th of November 2013', 'November 5, 2013', '2013-11-05']
	},
	{ names: 'a day in any year', examples: ['5 November', 'November 5th'] },
	{ names: 'a month in any year', examples: ['November', 'Nov'] },
	{
		names: 'part of a month',
		examples: ['mid-November 2013', 'mid November 2013', 'mid-Nov 2013', 'early June', 'late March']
	}
];

/**
 * Why a date answer cannot be read, and the forms to write instead.
 * @example dateProblem('31st of Augustus')
 * // '"31st of Augustus" is not a date the app can read ("Augustus" is not a month: did you mean August?). Write …'
 */
export function dateProblem(input: string): string {
	const names = MONTHS.map((m) => m[0]?.toUpperCase() + m.slice(1));
	const words = input.match(/[a-z]{3,}/gi) ?? [];
	const unread = words.find(
		(w) => !/^(?:of|in|early|mid|late|st|nd|rd|th)$/i.test(w) && monthNumber(w) === undefined
	);
	const near = unread ? closest(unread, names) : undefined;
	const why = near ? ` ("${unread}" is not a month: did you mean ${near}?)` : '';
	const forms = DATE_FORMS.filter((f) => !f.names.includes('any year')).map((f) => {
		const [first, ...rest] = f.examples;
		return `${f.names} (${rest.length ? `${first} or ${rest.at(-1)}` : first})`;
	});
	return `"${input}" is not a date the app can read${why}: write ${forms.slice(0, -1).join(', ')} or ${forms.at(-1)}`;
}
