import type { DeckError } from '$lib/deck/errors';

/** Where a deck-level field is edited: its tab, the element to focus, and its name for people. */
interface DeckFieldPlace {
	tab: 'deck' | 'source' | 'cards';
	target: string;
	label: string;
}

/** The deck's own fields by their path in a check's problems (`source.url`), as the page shows them. */
const PLACES: Record<string, DeckFieldPlace> = {
	id: { tab: 'deck', target: 'deck-title', label: 'Deck id' },
	title: { tab: 'deck', target: 'deck-title', label: 'Title' },
	description: { tab: 'deck', target: 'deck-description', label: 'Description' },
	language: { tab: 'deck', target: 'deck-language', label: 'Language' },
	source: { tab: 'deck', target: 'deck-source-title', label: 'Source' },
	'source.title': { tab: 'deck', target: 'deck-source-title', label: 'Source title' },
	'source.author': { tab: 'deck', target: 'deck-source-author', label: 'Source author' },
	'source.url': { tab: 'deck', target: 'deck-source-url', label: 'Source link' },
	sourceFile: { tab: 'source', target: 'deck-source-file', label: 'Source file name' },
	cards: { tab: 'cards', target: 'cards-title', label: 'Cards' }
};

/**
 * Where a problem with a deck-level field is fixed (undefined for a card's problem): the Problems
 * list names it and a tap on it goes there.
 * @example deckFieldPlace({ path: 'source.url', message: '…' })?.label // 'Source link'
 */
export function deckFieldPlace(error: DeckError): DeckFieldPlace | undefined {
	if (/^cards\[/.test(error.path)) return undefined;
	return PLACES[error.path] ?? { tab: 'deck', target: 'deck-title', label: error.path || 'Deck' };
}

/** The messages of the deck-level problems at exactly `path` (a field's own, not its parts'). */
export function deckFieldErrors(errors: readonly DeckError[], path: string): string[] {
	return errors.filter((e) => e.path === path).map((e) => e.message);
}
