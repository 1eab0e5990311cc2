import { describe, expect, it } from 'vitest';
import type { Card } from '$lib/deck/schema';
import { chooseMode, DECK_MODES, type DeckMode, type QuizMode } from '$lib/quiz';

const quote = { quote: 'The capital of France is Paris.' };
const CARDS: Record<string, Card> = {
	basic: { id: 'b', kind: 'basic', prompt: 'Capital of France?', answer: 'Paris', source: quote },
	typed: {
		id: 't',
		kind: 'typed',
		prompt: 'Capital of France?',
		answer: 'Paris',
		answerType: 'city',
		source: quote
	},
	cloze: {
		id: 'c',
		kind: 'cloze',
		prompt: 'The capital of France is ___.',
		answer: 'Paris',
		answerType: 'city',
		source: quote
	},
	mcq: {
		id: 'm',
		kind: 'mcq',
		prompt: 'Capital of France?',
		answer: 'Paris',
		distractors: ['Lyon', 'Nice', 'Lille'],
		source: quote
	},
	truefalse: {
		id: 'tf',
		kind: 'truefalse',
		prompt: 'Paris is the capital of France.',
		answer: 'True',
		source: quote
	}
};
/** Other cities in the deck: enough for choices, or too few. */
const ENOUGH = ['Paris', 'Rome', 'Berlin', 'Madrid'];
const FEW = ['Paris', 'Rome'];
const NEW = 0;
const LEARNING = 1;
const REVIEW = 2;
const RELEARNING = 3;

describe('chooseMode (issue 13: no typing test on first sight)', () => {
	// [card kind, state, deck mode, other answers of its type, the mode it is asked in]
	it.each<[string, 0 | 1 | 2 | 3, DeckMode, string[], QuizMode]>([
		// Issue 13: "choices while new" never makes a new card a typing test. Without enough other
		// answers for four options, it is a flashcard until it is learned.
		['typed', NEW, 'mixed', FEW, 'flashcard'],
		['typed', NEW, 'mixed', [], 'flashcard'],
		['typed', LEARNING, 'mixed', FEW, 'flashcard'],
		['typed', RELEARNING, 'mixed', [], 'flashcard'],
		['cloze', NEW, 'mixed', FEW, 'flashcard'],
		['cloze', LEARNING, 'mixed', [], 'flashcard'],
		// With enough choices: multiple choice while new, typing once learned.
		['typed', NEW, 'mixed', ENOUGH, 'mcq'],
		['typed', LEARNING, 'mixed', ENOUGH, 'mcq'],
		['typed', REVIEW, 'mixed', ENOUGH, 'typed'],
		['typed', REVIEW, 'mixed', FEW, 'typed'],
		['cloze', NEW, 'mixed', ENOUGH, 'mcq'],
		['cloze', REVIEW, 'mixed', FEW, 'cloze'],
		['mcq', NEW, 'mixed', [], 'mcq'],
		['mcq', REVIEW, 'mixed', [], 'typed'],
		['basic', NEW, 'mixed', ENOUGH, 'flashcard'],
		['basic', REVIEW, 'mixed', ENOUGH, 'flashcard'],
		['truefalse', NEW, 'mixed', [], 'truefalse'],
		['truefalse', REVIEW, 'mixed', [], 'truefalse'],
		// A fixed mode is used where the card allows it.
		['typed', NEW, 'typed', ENOUGH, 'typed'],
		['mcq', REVIEW, 'mcq', [], 'mcq'],
		['cloze', REVIEW, 'cloze', [], 'cloze'],
		['truefalse', NEW, 'flashcard', [], 'flashcard'],
		['typed', NEW, 'flashcard', ENOUGH, 'flashcard'],
		// Otherwise the card's own kind, but a recognition mode never falls back to typing.
		['typed', NEW, 'mcq', FEW, 'flashcard'],
		['cloze', REVIEW, 'mcq', [], 'flashcard'],
		['typed', NEW, 'truefalse', ENOUGH, 'flashcard'],
		['mcq', NEW, 'truefalse', [], 'mcq'],
		['truefalse', NEW, 'mcq', [], 'truefalse'],
		['basic', NEW, 'typed', [], 'typed'],
		['typed', NEW, 'cloze', [], 'typed']
	])('a %s card in state %i under %s with %j: %s', (kind, state, deckMode, pool, mode) => {
		const card = CARDS[kind];
		if (!card) throw new Error(kind);
		expect(chooseMode(card, state, deckMode, pool)).toBe(mode);
	});
});

describe('DECK_MODES (issue 13: readable at 390 px)', () => {
	// Issue 13: "Mixed (choices while new, typi…" was cut off in the select at 390 px.
	it('labels fit a phone-width select; each mode says what it does below it', () => {
		for (const m of DECK_MODES) {
			expect(m.label.length).toBeLessThanOrEqual(20);
			expect(m.description.length).toBeGreaterThan(m.label.length);
		}
		expect(DECK_MODES.map((m) => m.value)).toEqual([
			'mixed',
			'flashcard',
			'mcq',
			'typed',
			'truefalse',
			'cloze'
		]);
	});
});
