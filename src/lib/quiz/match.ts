/**
 * Forgiving grading of a typed answer.
 *
 * A learner who knows the answer should not be marked wrong for how they typed it: case,
 * accents, punctuation, spacing, a leading article, another accepted form, a unique surname,
 * another way of writing the same date or number, or one slip of the finger. But a slip must
 * never turn one known answer into another, so a typed value that is exactly some other known
 * value stays wrong.
 *
 * The caller maps the verdict to a review rating (not done here, to keep this module pure):
 * wrong → Again, typo and lenient → Hard, exact → Good.
 *
 * Pure: no DOM, no Node-only imports, no clock; the same input always gives the same verdict.
 */
import { parseDateText, sameDate, type DateText } from '../deck/dates';

/**
 * - exact: equal to the answer after normalisation
 * - lenient: an accepted alternative, a unique surname alone, the same date or number written
 *   another way
 * - typo: one edit (Damerau-Levenshtein 1) away from an accepted form of 5+ characters
 * - wrong: none of these
 */
export type MatchVerdict = 'exact' | 'lenient' | 'typo' | 'wrong';

export interface MatchResult {
	verdict: MatchVerdict;
	correct: boolean;
	/** which accepted form matched */
	matched?: string;
	/** short reason for the learner, e.g. "Accepted with a typo" */
	note?: string;
}

export interface MatchOptions {
	/**
	 * The card's answerType. 'person' enables a surname alone and turns date reading off (May,
	 * June and Marc are names); any other type, 'date' included, compares dates whenever both the
	 * typed text and an accepted form read as dates.
	 */
	answerType?: string;
	/** Other answers accepted when typed (the card's `accept`). */
	accept?: readonly string[];
	/** Every person named in the deck, so a surname alone is accepted only when it is unique. */
	people?: readonly string[];
	/** Known values that are not this answer (distractors, other values of the same type). */
	others?: readonly string[];
}

/** Shortest normalised form that may carry a typo: below it, one edit is often another word. */
const TYPO_MIN_LENGTH = 5;

/** Letters that carry no combining mark under Unicode decomposition, so NFKD leaves them. */
const LETTER_FOLDS: Record<string, string> = {
	ø: 'o',
	đ: 'd',
	ð: 'd',
	ł: 'l',
	ħ: 'h',
	ı: 'i',
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	þ: 'th'
};

/**
 * Folds a typed or authored answer to the form that is compared: lower case, no accents, no
 * punctuation, single spaces, and no leading "the", "a" or "an".
 * @example normaliseAnswer('  The Tōkyō  Tower! ') // 'tokyo tower'
 * @example normaliseAnswer("Côte d'Ivoire") // 'cote divoire'
 * @example normaliseAnswer('U.S.A. & Canada') // 'usa and canada'
 * @example normaliseAnswer('1,000.5') // '1000.5'
 */
export function normaliseAnswer(text: string): string {
	return (
		text
			// NFKD also unfolds ligatures, full-width letters and superscripts ('ﬁ', 'Ａ', '²').
			.normalize('NFKD')
			.toLowerCase()
			.replace(/\p{M}/gu, '')
			// Recompose what NFKD split without a mark (Hangul), so lengths count letters.
			.normalize('NFC')
			.replace(/[øđðłħıßæœþ]/g, (c) => LETTER_FOLDS[c] ?? c)
			.replace(/&/g, ' and ')
			// Apostrophes and dots sit inside words: O'Brien is OBrien, U.S.A. is USA, not "u s a".
			.replace(/['’‘ʼʻ`´·]/g, '')
			// A thousands comma and a decimal point are part of the number: 1,000 is 1000, 3.5 is not 35.
			.replace(/(?<=\d),(?=\d)/g, '')
			.replace(/(?<!\d)\.|\.(?!\d)/g, '')
			.replace(/[^\p{L}\p{N}.]+/gu, ' ')
			.trim()
			// Repeated, so normalising twice changes nothing; a lone "the" stays an answer.
			.replace(/^(?:(?:the|an|a) )+(?=\S)/, '')
	);
}

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of two adjacent
 * characters, over code points (so an emoji or an astral letter is one character).
 *
 * This is the restricted form (optimal string alignment): it can exceed full Damerau-Levenshtein
 * when a swapped pair is edited again, but the two agree whenever either is 0 or 1, which is all
 * the matcher asks. With `max`, it stops early and returns `max + 1` for anything farther.
 * @example damerauLevenshtein('Tokyo', 'Tokio') // 1
 * @example damerauLevenshtein('Iwaya', 'Iwyaa') // 1 (one swap)
 * @example damerauLevenshtein('Iran', 'Iraq') // 1
 * @example damerauLevenshtein('kitten', 'sitting', 1) // 2 (stopped early: more than 1)
 */
export function damerauLevenshtein(a: string, b: string, max = Infinity): number {
	// A negative or NaN limit has no useful meaning; treat it as 0 or as no limit.
	const limit = Number.isNaN(max) ? Infinity : Math.max(0, max);
	const s = Array.from(a);
	const t = Array.from(b);
	const n = s.length;
	const m = t.length;
	if (Math.abs(n - m) > limit) return limit + 1;
	if (n === 0 || m === 0) return Math.min(Math.max(n, m), limit + 1);

	let before = new Array<number>(m + 1).fill(0);
	let prev = Array.from({ length: m + 1 }, (_, j) => j);
	let cur = new Array<number>(m + 1).fill(0);
	for (let i = 1; i <= n; i++) {
		cur[0] = i;
		let rowMin = i;
		const si = s[i - 1];
		for (let j = 1; j <= m; j++) {
			const tj = t[j - 1];
			const cost = si === tj ? 0 : 1;
			let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
			if (i > 1 && j > 1 && si === t[j - 2] && s[i - 2] === tj) {
				d = Math.min(d, (before[j - 2] ?? 0) + 1);
			}
			cur[j] = d;
			if (d < rowMin) rowMin = d;
		}
		// Row minima never decrease, so once a whole row is past the limit the answer is too.
		if (rowMin > limit) return limit + 1;
		[before, prev, cur] = [prev, cur, before];
	}
	return Math.min(prev[m] ?? 0, limit + 1);
}

const UNITS = [
	'zero',
	'one',
	'two',
	'three',
	'four',
	'five',
	'six',
	'seven',
	'eight',
	'nine',
	'ten',
	'eleven',
	'twelve',
	'thirteen',
	'fourteen',
	'fifteen',
	'sixteen',
	'seventeen',
	'eighteen',
	'nineteen'
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const unitValue = (word: string | undefined) => (word === undefined ? -1 : UNITS.indexOf(word));
const tensValue = (word: string | undefined) =>
	word === undefined || !TENS.includes(word) ? -1 : (TENS.indexOf(word) + 2) * 10;

/** Reads "seven", "twenty one", "one hundred and five" at words[i]: 0 to 999. */
function readNumber(words: string[], i: number): { value: number; next: number } | undefined {
	let j = i;
	let hundreds = -1;
	const lead = unitValue(words[j]);
	if (lead >= 1 && lead <= 9 && words[j + 1] === 'hundred') {
		hundreds = lead * 100;
		j += 2;
	} else if (words[j] === 'hundred') {
		// "a hundred" arrives here without its article.
		hundreds = 100;
		j += 1;
	}
	if (
		hundreds >= 0 &&
		words[j] === 'and' &&
		(unitValue(words[j + 1]) > 0 || tensValue(words[j + 1]) > 0)
	)
		j += 1;
	let rest = -1;
	const tens = tensValue(words[j]);
	if (tens > 0) {
		rest = tens;
		j += 1;
		const unit = unitValue(words[j]);
		if (unit >= 1 && unit <= 9) {
			rest += unit;
			j += 1;
		}
	} else {
		const unit = unitValue(words[j]);
		// "one hundred zero" is not a number anyone writes.
		if (unit >= 0 && !(hundreds >= 0 && unit === 0)) {
			rest = unit;
			j += 1;
		}
	}
	if (hundreds < 0 && rest < 0) return undefined;
	return { value: Math.max(hundreds, 0) + Math.max(rest, 0), next: j };
}

/** A normalised answer with number words written as digits: "eighteen" and "18" meet. */
function numeralForm(normalised: string): string {
	const words = normalised.split(' ');
	const out: string[] = [];
	for (let i = 0; i < words.length;) {
		const read = readNumber(words, i);
		if (read) {
			out.push(String(read.value));
			i = read.next;
		} else {
			out.push(words[i] ?? '');
			i += 1;
		}
	}
	return out.join(' ');
}

/** The digits of a text, in order: one edit may fix a letter, never a number. */
const digitsOf = (normalised: string) => normalised.replace(/[^\p{Nd}]/gu, '');

/** Words that end a name without being a surname. */
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** A person's name as written words, without a trailing "Jr." or "III". */
function nameWords(name: string): string[] {
	const words = name.trim().split(/\s+/).filter(Boolean);
	while (words.length > 2 && NAME_SUFFIXES.has(normaliseAnswer(words.at(-1) ?? ''))) words.pop();
	return words;
}

/** The key people share when they share a surname: the last word of the name. */
function surnameKey(name: string): string | undefined {
	const words = nameWords(name);
	return words.length >= 2 ? normaliseAnswer(words.at(-1) ?? '') : undefined;
}

interface Form {
	text: string;
	norm: string;
}

const form = (text: string): Form => ({ text, norm: normaliseAnswer(text) });

const result = (verdict: MatchVerdict, matched?: string, note?: string): MatchResult => ({
	verdict,
	correct: verdict !== 'wrong',
	...(matched !== undefined ? { matched } : {}),
	...(note !== undefined ? { note } : {})
});

/**
 * Grades a typed answer against the card's answer and its accepted alternatives.
 *
 * In order: an empty answer is wrong; equal after normalisation is exact; an accepted
 * alternative is lenient; exactly another known value (`others`, or another person in `people`)
 * is wrong; then a unique surname alone, the same date written another way, or the same number
 * in words or digits is lenient; then one edit away from an accepted form of 5+ characters,
 * with the same digits, is a typo; anything else is wrong.
 * @example matchAnswer('tokyo', 'Tokyo') // { verdict: 'exact', correct: true, matched: 'Tokyo' }
 * @example matchAnswer('Nov 2013', 'November 2013', { answerType: 'date' }).verdict // 'lenient'
 * @example matchAnswer('Tokio', 'Tokyo').verdict // 'typo'
 * @example matchAnswer('Gambia', 'Zambia', { others: ['Gambia'] }).verdict // 'wrong'
 */
export function matchAnswer(
	typed: string,
	answer: string,
	options: MatchOptions = {}
): MatchResult {
	const { answerType, accept = [], people, others = [] } = options;
	const input = form(typed);
	if (input.norm === '') return result('wrong', undefined, 'No answer given');

	const main = form(answer);
	if (main.norm !== '' && input.norm === main.norm) return result('exact', answer);

	const alternatives = accept.map(form).filter((f) => f.norm !== '');
	const listed = [main, ...alternatives].filter((f) => f.norm !== '');
	const alternative = alternatives.find((f) => f.norm === input.norm);
	if (alternative) return result('lenient', alternative.text, 'Accepted alternative answer');

	const isPerson = answerType === 'person';
	const surnames = isPerson ? surnameForms(answer, people) : { forms: [], shared: false };
	if (surnames.shared && input.norm === surnameKey(answer))
		return result('wrong', undefined, 'Give the full name: another person has that surname');

	// A known value that is not this answer stays wrong, however close to the answer it is.
	const own = new Set(listed.flatMap((f) => [f.norm, numeralForm(f.norm)]));
	const known = [...others];
	if (isPerson && people) {
		for (const p of people) {
			if (normaliseAnswer(p) === main.norm) continue;
			known.push(p);
			const key = surnameKey(p);
			if (key !== undefined && key !== surnameKey(answer)) known.push(key);
		}
	}
	const inputNumeral = numeralForm(input.norm);
	const collides = known.some((k) => {
		const norm = normaliseAnswer(k);
		const numeral = numeralForm(norm);
		return norm !== '' && !own.has(norm) && !own.has(numeral) && numeral === inputNumeral;
	});
	if (collides) return result('wrong', undefined, 'That is a different answer');

	const surname = surnames.forms.find((f) => f.norm === input.norm);
	if (surname) return result('lenient', surname.text, 'Accepted: surname alone');

	// Names like May, June or Marc read as months, so a person's answer is never a date.
	if (!isPerson) {
		const typedDate = parseDateText(typed);
		const dates = typedDate
			? listed
					.map((f) => ({ f, date: parseDateText(f.text) }))
					.filter((x): x is { f: Form; date: DateText } => x.date !== undefined)
			: [];
		const same = dates.find((x) => typedDate && sameDate(typedDate, x.date));
		if (same) return result('lenient', same.f.text, 'Same date, written another way');
		// A different date is a different answer: "Mar 2013" is not a typo of "May 2013".
		if (dates.length > 0) return result('wrong');
	}

	const number = listed.find((f) => numeralForm(f.norm) === inputNumeral);
	if (number) return result('lenient', number.text, 'Same number, written another way');

	const typoTargets = [...listed, ...surnames.forms];
	const near = typoTargets.find(
		(f) =>
			Array.from(f.norm).length >= TYPO_MIN_LENGTH &&
			digitsOf(f.norm) === digitsOf(input.norm) &&
			damerauLevenshtein(input.norm, f.norm, 1) <= 1
	);
	if (near) return result('typo', near.text, 'Accepted with a typo');

	return result('wrong');
}

/**
 * The trailing words of a person's name that may stand alone ("Lavrov", "van Beethoven"), when
 * `people` is given and no other person in it shares the surname. Without `people` the surname
 * is only accepted if the generator listed it in `accept`.
 */
function surnameForms(
	answer: string,
	people: readonly string[] | undefined
): { forms: Form[]; shared: boolean } {
	const words = nameWords(answer);
	const key = surnameKey(answer);
	if (!people || key === undefined || key === '') return { forms: [], shared: false };
	const self = normaliseAnswer(answer);
	const shared = people.some((p) => normaliseAnswer(p) !== self && surnameKey(p) === key);
	if (shared) return { forms: [], shared: true };
	const forms: Form[] = [];
	for (let k = 1; k < words.length; k++) forms.push(form(words.slice(-k).join(' ')));
	return { forms: forms.filter((f) => f.norm !== ''), shared: false };
}
