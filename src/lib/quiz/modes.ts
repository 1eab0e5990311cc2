import type { Card } from '../deck/schema';
import { hash } from '../deck/hash';

/** How a card is asked. `flashcard` is reveal-and-rate; the others are graded by the app. */
export type QuizMode = 'flashcard' | 'mcq' | 'typed' | 'truefalse' | 'cloze';

/** Per deck: `mixed` picks the mode from the card and its progress; the others fix one mode. */
export type DeckMode = 'mixed' | QuizMode;

/** A short label fits the select on a phone; the description is shown below it. */
export const DECK_MODES: readonly { value: DeckMode; label: string; description: string }[] = [
	{
		value: 'mixed',
		label: 'Mixed',
		description:
			'Choices or flashcards while a card is new, typing once it is learned. Question-and-answer cards are flashcards.'
	},
	{ value: 'flashcard', label: 'Flashcards', description: 'Reveal the answer and rate yourself.' },
	{
		value: 'mcq',
		label: 'Multiple choice',
		description: 'Four options where the deck has enough answers; flashcards otherwise.'
	},
	{
		value: 'typed',
		label: 'Typed answers',
		description: 'Type every answer; case, accents and one typo are forgiven.'
	},
	{
		value: 'truefalse',
		label: 'True or false',
		description: 'For true-or-false cards; other cards are asked in their own way.'
	},
	{
		value: 'cloze',
		label: 'Fill in the blank',
		description: 'Type the missing words of fill-in cards; other cards are asked in their own way.'
	}
];

/** Wrong answers of the card's own type, from the card or from the deck's other values. */
export function distractorsFor(card: Card, pool: readonly string[] = []): string[] {
	if (card.kind === 'mcq') return card.distractors;
	const answer = card.answer.trim().toLowerCase();
	const accepted = new Set((card.accept ?? []).map((a) => a.trim().toLowerCase()));
	return [...new Set(pool)]
		.filter((v) => v.trim().toLowerCase() !== answer && !accepted.has(v.trim().toLowerCase()))
		.map((v) => ({ v, k: hash(`${card.id}|${v}`) }))
		.sort((a, b) => a.k - b.k)
		.slice(0, 3)
		.map((x) => x.v);
}

/** The modes a card can be asked in. */
export function supportedModes(card: Card, pool: readonly string[] = []): QuizMode[] {
	if (card.kind === 'truefalse') return ['truefalse', 'flashcard'];
	const modes: QuizMode[] = ['flashcard', 'typed'];
	if (distractorsFor(card, pool).length === 3) modes.push('mcq');
	if (card.kind === 'cloze') modes.push('cloze');
	return modes;
}

/**
 * The mode to ask a card in. Mixed: recognition while the card is new or being learned (multiple
 * choice; a flashcard when the deck has too few answers of its type to offer choices, so a card is
 * never a typing test on first sight), recall (typing, cloze) once it is in review. A fixed mode is
 * used where the card supports it; otherwise the card's own kind, except that a fixed recognition
 * mode (multiple choice, true/false) never falls back to typing: a flashcard is asked instead.
 * @example chooseMode(card, 2, 'mixed') // 'typed' for an mcq card in review
 * @example chooseMode(typedCard, 0, 'mixed', []) // 'flashcard': new, and no choices to offer
 */
export function chooseMode(
	card: Card,
	state: 0 | 1 | 2 | 3,
	deckMode: DeckMode = 'mixed',
	pool: readonly string[] = []
): QuizMode {
	const modes = supportedModes(card, pool);
	if (deckMode !== 'mixed') {
		if (modes.includes(deckMode)) return deckMode;
		const own = natural(card);
		const recognition = deckMode === 'mcq' || deckMode === 'truefalse';
		return recognition && (own === 'typed' || own === 'cloze') ? 'flashcard' : own;
	}
	if (card.kind === 'basic' || card.kind === 'truefalse') return natural(card);
	const learning = state === 0 || state === 1 || state === 3;
	if (learning) return modes.includes('mcq') ? 'mcq' : 'flashcard';
	return card.kind === 'cloze' ? 'cloze' : 'typed';
}

function natural(card: Card): QuizMode {
	return card.kind === 'basic' ? 'flashcard' : card.kind;
}

/** The four options of a multiple-choice showing, shuffled anew each time by `seed`. */
export function mcqOptions(card: Card, pool: readonly string[], seed: number): string[] {
	const options = [card.answer, ...distractorsFor(card, pool)];
	let s = seed >>> 0 || 1;
	for (let i = options.length - 1; i > 0; i--) {
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
		const j = s % (i + 1);
		[options[i], options[j]] = [options[j] as string, options[i] as string];
	}
	return options;
}
