import type { Card } from '../deck/schema';
import { hash } from '../deck/hash';

/** How a card is asked. `flashcard` is reveal-and-rate; the others are graded by the app. */
export type QuizMode = 'flashcard' | 'mcq' | 'typed' | 'truefalse' | 'cloze';

/** Per deck: `mixed` picks the mode from the card and its progress; the others fix one mode. */
export type DeckMode = 'mixed' | QuizMode;

export const DECK_MODES: readonly { value: DeckMode; label: string }[] = [
	{ value: 'mixed', label: 'Mixed (choices while new, typing once learned)' },
	{ value: 'flashcard', label: 'Flashcards (reveal and rate yourself)' },
	{ value: 'mcq', label: 'Multiple choice' },
	{ value: 'typed', label: 'Typed answers' },
	{ value: 'truefalse', label: 'True or false' },
	{ value: 'cloze', label: 'Fill in the blank' }
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
 * The mode to ask a card in. Mixed: recognition (multiple choice, true/false) while the card is new
 * or being learned, recall (typing, cloze) once it is in review. A fixed mode is used where the
 * card supports it, and the card's own kind otherwise.
 * @example chooseMode(card, 2, 'mixed') // 'typed' for an mcq card in review
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
		return natural(card);
	}
	if (card.kind === 'basic' || card.kind === 'truefalse') return natural(card);
	const learning = state === 0 || state === 1 || state === 3;
	if (card.kind === 'cloze') return learning && modes.includes('mcq') ? 'mcq' : 'cloze';
	return learning && modes.includes('mcq') ? 'mcq' : 'typed';
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
