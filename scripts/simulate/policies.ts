/** The ways of studying compared by `npm run simulate`. */
import type { DeckMode } from '../../src/lib/quiz';

export interface Policy {
	name: string;
	label: string;
	deckMode: DeckMode;
	rightChoiceGood?: boolean;
}

/** The app's own policy: the mixed mode, as a new install asks every deck. */
export const APP_POLICY = 'mixed';

export const POLICIES: readonly Policy[] = [
	{ name: 'flashcard', label: 'Flashcards, honest self-rating', deckMode: 'flashcard' },
	{ name: 'mixed', label: 'Mixed (the app)', deckMode: 'mixed' },
	{
		name: 'mixed-before',
		label: 'Mixed, right choice = Good (before)',
		deckMode: 'mixed',
		rightChoiceGood: true
	},
	{ name: 'mcq', label: 'Multiple choice (fixed)', deckMode: 'mcq' },
	{
		name: 'mcq-before',
		label: 'Multiple choice, right = Good (before)',
		deckMode: 'mcq',
		rightChoiceGood: true
	},
	{ name: 'typed', label: 'Typed answers (fixed)', deckMode: 'typed' }
];
