/**
 * How the simulated learner answers, given whether its memory recalled the answer. Pure: every
 * chance comes from the `random` passed in. The numbers are the model's assumptions, stated here
 * once; the README repeats them.
 */
import { damerauLevenshtein, normaliseAnswer } from '../../src/lib/quiz';
import type { Random } from '../../src/lib/scheduler/random';
import { normal, weighted } from '../../src/lib/scheduler/random';

/** The modes the app asks in, as `chooseMode` names them. */
export type Mode = 'flashcard' | 'mcq' | 'truefalse' | 'typed' | 'cloze';

/** An honest self-rating: 1 Again (not recalled), 2 Hard, 3 Good, 4 Easy. */
export type Rating = 1 | 2 | 3 | 4;

/** How a successful recall feels: an honest learner's Hard / Good / Easy shares. */
export const RECALL_RATINGS = [
	[2, 0.15],
	[3, 0.75],
	[4, 0.1]
] as const satisfies readonly (readonly [Rating, number])[];

/** Share of new cards the learner already knows on first sight (recalled without ever studying). */
export const KNOWN_ON_FIRST_SIGHT = 0.5;

/**
 * Partial knowledge: with the memory failing, a recognition answer is still right more often than
 * chance, by this share of the remaining options times the card's retrievability (a half-faded memory
 * rules out some wrong options; a card never seen, none).
 */
export const PARTIAL_KNOWLEDGE = 0.3;

/** Chance of a right recognition answer by guessing alone. */
export const GUESS_CHANCE = { mcq: 0.25, truefalse: 0.5 } as const;

/** Share of recalled typed answers typed with one slip of the finger. */
export const TYPO_RATE = 0.08;

/** The honest rating for a recall (or Again when the memory failed). */
export function honestRating(recalled: boolean, random: Random): Rating {
	return recalled ? weighted(random, RECALL_RATINGS) : 1;
}

/**
 * Probability that a recognition answer (four choices, or true/false) is right when the memory did
 * not recall it: chance, plus partial knowledge growing with the retrievability `r`.
 * @example guessRight('mcq', 0) // 0.25
 * @example guessRight('truefalse', 0) // 0.5
 */
export function guessRight(mode: 'mcq' | 'truefalse', r: number): number {
	const chance = GUESS_CHANCE[mode];
	return chance + (1 - chance) * PARTIAL_KNOWLEDGE * Math.min(1, Math.max(0, r));
}

/**
 * The option chosen in a recognition mode: the answer when recalled; otherwise the answer with
 * `guessRight`'s probability, else one of the wrong options at random.
 */
export function chooseOption(
	answer: string,
	wrong: readonly string[],
	mode: 'mcq' | 'truefalse',
	recalled: boolean,
	r: number,
	random: Random
): string {
	if (recalled || wrong.length === 0 || random() < guessRight(mode, r)) return answer;
	return wrong[Math.floor(random() * wrong.length)] ?? answer;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * One slip of the finger at a random place: a letter swapped with its neighbour, dropped, doubled or
 * replaced. Spaces are left alone.
 * @example typo('Lisbon', seeded(1)) // 'Lisbno' (or another single edit)
 */
export function typo(text: string, random: Random): string {
	const places = [...text].flatMap((c, i) => (/\p{L}/u.test(c) ? [i] : []));
	if (places.length === 0) return text;
	const i = places[Math.floor(random() * places.length)] ?? 0;
	const chars = [...text];
	const kind = Math.floor(random() * 4);
	const c = chars[i] ?? '';
	if (kind === 0 && i + 1 < chars.length && chars[i + 1] !== c && /\p{L}/u.test(chars[i + 1] ?? ''))
		[chars[i], chars[i + 1]] = [chars[i + 1] ?? '', c];
	else if (kind === 1 && places.length > 1) chars.splice(i, 1);
	else if (kind === 2) chars.splice(i, 0, c);
	else {
		const other = LETTERS.replace(c.toLowerCase(), '');
		chars[i] = other[Math.floor(random() * other.length)] ?? 'x';
	}
	return chars.join('');
}

/**
 * What the learner types. Recalled: the answer, with a typo `TYPO_RATE` of the time. Not recalled:
 * another value of the same kind half the time (a confusion), else a garbled half-memory (slips
 * until it is three edits from the answer).
 */
export function typedText(
	answer: string,
	others: readonly string[],
	recalled: boolean,
	random: Random
): string {
	if (recalled) return random() < TYPO_RATE ? typo(answer, random) : answer;
	const other = others[Math.floor(random() * others.length)];
	if (other !== undefined && random() < 0.5) return other;
	let garbled = answer;
	for (let i = 0; i < 20; i++) {
		garbled = typo(garbled, random);
		if (damerauLevenshtein(normaliseAnswer(garbled), normaliseAnswer(answer)) >= 3) break;
	}
	return garbled;
}

/**
 * Median seconds to answer, by mode and how the answer came: an effortful recall (Hard) is slow, an
 * Easy one quick, a guess in between. Log-normal spread around it (`RESPONSE_SPREAD`).
 */
export const MEDIAN_SECONDS: Record<Exclude<Mode, 'flashcard'>, Record<Rating, number>> = {
	mcq: { 1: 9, 2: 11, 3: 5, 4: 3 },
	truefalse: { 1: 6, 2: 7, 3: 3.5, 4: 2.5 },
	typed: { 1: 15, 2: 22, 3: 9, 4: 6 },
	cloze: { 1: 15, 2: 22, 3: 9, 4: 6 }
};

/** Standard deviation of the log of a response time. */
export const RESPONSE_SPREAD = 0.45;

/**
 * Milliseconds the learner takes to answer a graded card, given its honest rating (1: the memory
 * failed). Flashcards are rated by the learner, so their time changes nothing; a few seconds.
 */
export function responseMs(mode: Mode, rating: Rating, random: Random): number {
	const median = mode === 'flashcard' ? 6 : MEDIAN_SECONDS[mode][rating];
	return Math.round(1000 * median * Math.exp(RESPONSE_SPREAD * normal(random)));
}
