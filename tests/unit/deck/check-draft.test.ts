import { describe, expect, it } from 'vitest';
import { checkDraft } from '$lib/deck/check-draft';
import { draftDeck, emptyDeck } from '$lib/deck/draft';
import { smallDeck } from '../../fixtures/decks';
import { deckFieldErrors, deckFieldPlace } from '../../../src/routes/studio/edit/deck-fields';

describe('checkDraft: the deck’s own fields', () => {
	it('reports each deck field at its own path, the source file name included', () => {
		const deck = {
			...draftDeck(smallDeck(1)),
			title: '',
			language: 'english!!',
			sourceTitle: '',
			sourceAuthor: 'Ann Author',
			sourceUrl: 'not a link',
			sourceText: 'Some source.',
			sourceFile: 'notes/source.txt'
		};
		const errors = checkDraft(deck);
		const paths = errors.map((e) => e.path);
		expect(paths).toEqual(
			expect.arrayContaining(['title', 'language', 'source.title', 'source.url', 'sourceFile'])
		);
		// Each field's own problems only: the source title is not told about the link.
		expect(deckFieldErrors(errors, 'source.title')).toEqual(['must not be empty: write some text']);
		expect(deckFieldPlace(errors.find((e) => e.path === 'sourceFile')!)).toMatchObject({
			tab: 'source',
			target: 'deck-source-file'
		});
		expect(deckFieldPlace(errors.find((e) => e.path === 'source.url')!)?.label).toBe('Source link');
	});

	it('finds nothing wrong in a complete draft, and says when it has no cards', () => {
		expect(checkDraft({ ...draftDeck(smallDeck(2)), sourceText: '' })).toEqual([]);
		const empty = checkDraft({ ...emptyDeck(), id: 'd', title: 'D' });
		expect(empty.map((e) => e.path)).toEqual(['cards']);
		expect(deckFieldPlace(empty[0]!)?.tab).toBe('cards');
	});
});
