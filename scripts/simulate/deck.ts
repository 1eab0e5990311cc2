/**
 * A synthetic deck in the app's own card format, with the mix of kinds a generated deck has, so that
 * the app's `chooseMode` asks each card as it would. Answers are made-up words (some short, where one
 * slip makes another word, some two words long).
 */
import type { Card } from '../../src/lib/deck/schema';
import { deckValuesOf } from '../../src/lib/quiz/values';
import type { Random } from '../../src/lib/scheduler/random';
import { weighted } from '../../src/lib/scheduler/random';

/** Shares of card kinds (a typed card with no answer type has no choices: a flashcard while new). */
export const DECK_MIX = [
	['mcq', 0.25],
	['typed', 0.25],
	['typed-plain', 0.1],
	['cloze', 0.15],
	['truefalse', 0.15],
	['basic', 0.1]
] as const;

/**
 * Answer types: a deck asks for several kinds of value, each with its own pool of choices (and a
 * generated deck of 1,000 cards has pools of tens to hundreds, not one of a thousand).
 */
export const ANSWER_TYPES = ['term', 'place', 'river', 'plant', 'tool', 'dish', 'title', 'region'];

const SYLLABLES = [
	'ka',
	'lo',
	'mi',
	'ren',
	'sa',
	'tor',
	'vel',
	'na',
	'dri',
	'po',
	'gan',
	'lis',
	'ur'
];

function word(random: Random, syllables: number): string {
	let w = '';
	for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
	return w.charAt(0).toUpperCase() + w.slice(1);
}

/** A made-up answer: short (2 syllables) a fifth of the time, two words a fifth, else 3-4 syllables. */
function answer(random: Random): string {
	const x = random();
	if (x < 0.2) return word(random, 2);
	if (x < 0.4) return `${word(random, 2)} ${word(random, 2)}`;
	return word(random, 3 + Math.floor(random() * 2));
}

/**
 * `count` cards, ids `c0000`…, kinds drawn from `DECK_MIX`, answers unique.
 * @example syntheticDeck(1000, seeded(1)).length // 1000
 */
export function syntheticDeck(count: number, random: Random): Card[] {
	const used = new Set<string>();
	const fresh = () => {
		for (;;) {
			const a = answer(random);
			if (!used.has(a.toLowerCase())) {
				used.add(a.toLowerCase());
				return a;
			}
		}
	};
	const cards: Card[] = [];
	for (let i = 0; i < count; i++) {
		const kind = weighted(random, DECK_MIX);
		const id = `c${String(i).padStart(4, '0')}`;
		const a = fresh();
		const answerType = ANSWER_TYPES[i % ANSWER_TYPES.length] ?? 'term';
		const base = { id, source: { quote: `Fact ${i}: ${a}.` } };
		if (kind === 'mcq')
			cards.push({
				...base,
				kind,
				prompt: `Which term is fact ${i}?`,
				answer: a,
				answerType,
				distractors: [fresh(), fresh(), fresh()]
			});
		else if (kind === 'typed')
			cards.push({ ...base, kind, prompt: `Where is fact ${i}?`, answer: a, answerType });
		else if (kind === 'typed-plain')
			cards.push({ ...base, kind: 'typed', prompt: `Name fact ${i}.`, answer: a });
		else if (kind === 'cloze')
			cards.push({
				...base,
				kind,
				prompt: `Fact ${i} is called ___.`,
				answer: a,
				answerType
			});
		else if (kind === 'truefalse')
			cards.push({
				...base,
				kind,
				prompt: `Fact ${i} is ${a}.`,
				answer: random() < 0.5 ? 'True' : 'False'
			});
		else cards.push({ ...base, kind, prompt: `What is fact ${i}?`, answer: a });
	}
	return cards;
}

/** The deck's answers by answer type, as the app reads them for choices and grading. */
export function valuesByType(cards: readonly Card[]): Map<string, string[]> {
	return deckValuesOf(cards).byType;
}
