import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { DraftConflictError, createDraft, getDraft, saveDraft, publishDeck } from '$lib/storage';
import { draftDeck, emptyDeck } from '$lib/deck/draft';
import { StudioEditor } from '$lib/state/studio.svelte';
import { freshDb } from '../../fixtures/db';
import { NOW, smallDeck } from '../../fixtures/decks';
import { answer } from '../../fixtures/answers';

async function editorWith(deck = emptyDeck()) {
	const db = freshDb();
	const row = await createDraft(db, { id: 'd1', deck, published: [] }, NOW);
	return { db, editor: new StudioEditor(db, row, () => NOW) };
}

describe('studio drafts', () => {
	it('refuses to save over another tab’s change, and says what that tab saved', async () => {
		const db = freshDb();
		const row = await createDraft(db, { id: 'd', deck: emptyDeck(), published: [] }, NOW);
		const other = { ...row, deck: { ...row.deck, title: 'From the other tab' } };
		await saveDraft(db, other, 1, NOW);
		const error = await saveDraft(db, row, 1, NOW).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(DraftConflictError);
		expect((error as DraftConflictError).current.deck.title).toBe('From the other tab');
		expect((await getDraft(db, 'd'))?.deck.title).toBe('From the other tab');
	});

	it('an editor that meets a conflict keeps its text until the author chooses', async () => {
		const { db, editor } = await editorWith();
		const row = (await getDraft(db, 'd1'))!;
		await saveDraft(db, { ...row, deck: { ...row.deck, title: 'Theirs' } }, 1, NOW);
		editor.setDeckField('title', 'Mine');
		await editor.save();
		expect(editor.saveState).toBe('conflict');
		expect((await getDraft(db, 'd1'))?.deck.title).toBe('Theirs');
		await editor.resolveConflict('mine');
		expect(editor.saveState).toBe('saved');
		expect((await getDraft(db, 'd1'))?.deck.title).toBe('Mine');
		editor.close();
	});

	it('undoes and redoes edits; typing into one field is one step', async () => {
		const { editor } = await editorWith();
		editor.addCard('typed');
		editor.setCardField(0, 'prompt', 'W');
		editor.setCardField(0, 'prompt', 'Who landed first?');
		editor.setCardField(0, 'answer', 'Neil Armstrong');
		expect(editor.draft.cards[0]?.id).toBe('landed-first');
		editor.undo();
		expect(editor.draft.cards[0]?.answer).toBe('');
		editor.undo();
		expect(editor.draft.cards[0]?.prompt).toBe('');
		editor.redo();
		expect(editor.draft.cards[0]?.prompt).toBe('Who landed first?');
		editor.duplicateCard(0);
		expect(editor.draft.cards.map((c) => c.id)).toEqual(['landed-first', 'landed-first-2']);
		editor.moveCard(1, -1);
		expect(editor.draft.cards.map((c) => c.id)).toEqual(['landed-first-2', 'landed-first']);
		editor.undo();
		editor.undo();
		expect(editor.draft.cards).toHaveLength(1);
		editor.deleteCard(0);
		expect(editor.draft.cards).toHaveLength(0);
		editor.undo();
		expect(editor.draft.cards[0]?.prompt).toBe('Who landed first?');
		flushSync();
		editor.close();
	});

	it('a picture added and taken off within a second are two steps: undo brings it back', async () => {
		const { editor } = await editorWith();
		editor.addCard('basic');
		editor.setCardField(0, 'image', ['map.png']);
		editor.setCardField(0, 'image', []);
		editor.undo();
		expect(editor.draft.cards[0]?.image).toEqual(['map.png']);
		editor.undo();
		expect(editor.draft.cards[0]?.image).toBeUndefined();
		editor.setCardField(0, 'audio', ['a.mp3']);
		editor.setCardField(0, 'audio', ['a.mp3', 'b.mp3']);
		editor.undo();
		expect(editor.draft.cards[0]?.audio).toEqual(['a.mp3']);
		flushSync();
		editor.close();
	});

	it('replaces only the edited card, so the checker is sent that card alone', async () => {
		const { editor } = await editorWith(draftDeck(smallDeck(3)));
		const before = editor.draft;
		editor.setCardField(1, 'prompt', 'A better question');
		expect(editor.draft).not.toBe(before);
		expect(editor.draft.cards[1]?.prompt).toBe('A better question');
		expect(before.cards[1]?.prompt).not.toBe('A better question');
		expect(editor.draft.cards[0]).toBe(before.cards[0]);
		expect(editor.draft.cards[2]).toBe(before.cards[2]);
		editor.undo();
		expect(editor.draft.cards[1]).toBe(before.cards[1]);
		editor.close();
	});

	it('saves every change after a short pause, and an undo does not lower a published version', async () => {
		const { db, editor } = await editorWith(draftDeck(smallDeck(2)));
		editor.setCardField(0, 'answer', 'Typed before the pause');
		expect(editor.saveState).toBe('unsaved');
		await expect
			.poll(async () => (await getDraft(db, 'd1'))?.deck.cards[0]?.answer)
			.toBe('Typed before the pause');
		await editor.markPublished(7);
		editor.undo();
		expect(editor.draft.cards[0]?.answer).not.toBe('Typed before the pause');
		expect(editor.draft.version).toBe(7);
		await editor.save();
		expect((await getDraft(db, 'd1'))?.deck.version).toBe(7);
		editor.close();
	});

	it('makes a cloze card from a phrase of the source, and quotes a sentence verbatim', async () => {
		const { editor } = await editorWith();
		const source = 'The module was called Eagle. Collins stayed in orbit.';
		editor.setDeckField('sourceText', source);
		const at = editor.makeCloze({
			start: source.indexOf('Eagle'),
			end: source.indexOf('Eagle') + 5
		});
		expect(editor.draft.cards[at!]).toMatchObject({
			kind: 'cloze',
			prompt: 'The module was called ___.',
			answer: 'Eagle',
			quote: 'The module was called Eagle.'
		});
		editor.addCard('basic');
		const s = source.indexOf('Collins');
		editor.quoteThis(1, { start: s - 1, end: source.length });
		expect(editor.draft.cards[1]?.quote).toBe('Collins stayed in orbit.');
		editor.close();
	});

	it('shows a field’s own problem on the keystroke that makes it, before the deck is checked again', async () => {
		const deck = draftDeck(smallDeck(2));
		deck.sourceText = 'Nothing that any card quotes.';
		const { editor } = await editorWith(deck);
		await expect.poll(() => editor.checked).toBe(true);
		const notInSource = editor.cardErrors(0);
		expect(notInSource.map((e) => e.path)).toEqual(['cards[1].source.quote']);
		editor.setCardField(0, 'answer', '');
		// No await: the card's own check runs with the edit; the quote's problem waits for the deck's.
		expect(editor.cardErrors(0).map((e) => `${e.path}: ${e.message}`)).toEqual([
			'cards[1].answer: must not be empty: write some text',
			`cards[1].source.quote: ${notInSource[0]?.message}`
		]);
		expect(editor.errors.some((e) => e.path === 'cards[1].answer')).toBe(false);
		editor.setCardField(0, 'answer', 'Fixed');
		expect(editor.cardErrors(0).map((e) => e.path)).toEqual(['cards[1].source.quote']);
		editor.setCardField(0, 'quote', 'Nothing that any card quotes.');
		await expect.poll(() => editor.cardErrors(0)).toEqual([]);
		editor.close();
	});

	it('gives the problems of an earlier version of a card, as the card editor shows them until idle', async () => {
		const deck = draftDeck(smallDeck(2));
		deck.sourceText = 'Nothing that any card quotes.';
		const { editor } = await editorWith(deck);
		await expect.poll(() => editor.checked).toBe(true);
		const opened = editor.draft.cards[0]!;
		const quoteProblem = editor.cardErrors(0).map((e) => e.path);
		expect(quoteProblem).toEqual(['cards[1].source.quote']);
		editor.setCardField(0, 'answer', '');
		const typed = editor.draft.cards[0]!;
		expect(editor.cardErrors(0).map((e) => e.path)).toEqual([
			'cards[1].answer',
			'cards[1].source.quote'
		]);
		// The card as it was before the keystroke: the last whole-deck check's problems, no more.
		expect(editor.cardErrors(0, opened).map((e) => e.path)).toEqual(quoteProblem);
		expect(editor.shownCardErrors(0, opened).map((e) => e.path)).toEqual(quoteProblem);
		expect(editor.cardErrors(0, typed)).toEqual(editor.cardErrors(0));
		editor.close();
	});

	// Issue 14: a new card opened with a row of "must not be empty" before anything was typed.
	it('shows a new card’s problems field by field as they are touched, and counts them all', async () => {
		const deck = draftDeck(smallDeck(1));
		deck.cards[0]!.answer = '';
		const { editor } = await editorWith(deck);
		await expect.poll(() => editor.checked).toBe(true);
		// A card that came with the draft shows its problems at once.
		expect(editor.shownCardErrors(0).map((e) => e.path)).toEqual(['cards[1].answer']);
		const at = editor.addCard('mcq');
		const all = () => editor.cardErrors(at).map((e) => e.path);
		const shown = () => editor.shownCardErrors(at).map((e) => e.path);
		expect(all()).toContain('cards[2].prompt');
		expect(all()).toContain('cards[2].distractors[1]');
		expect(shown()).toEqual([]);
		// The list's badge still counts the new card as not ready.
		await expect.poll(() => editor.problemCount(at)).toBe(editor.cardErrors(at).length);
		expect(editor.problemCount(at)).toBeGreaterThan(0);
		editor.setCardField(at, 'prompt', 'Which is largest?');
		editor.setCardField(at, 'prompt', '');
		expect(shown()).toEqual(['cards[2].prompt']);
		editor.setCardField(at, 'distractors', ['Mars', '', '']);
		expect(shown()).toEqual(['cards[2].prompt']);
		editor.touch(at, 'distractors[1]');
		expect(shown()).toEqual(['cards[2].prompt', 'cards[2].distractors[2]']);
		// Undo goes back to the card before the typing, with its touches.
		editor.undo();
		expect(shown()).toEqual(['cards[2].prompt']);
		editor.reveal();
		expect(shown()).toEqual(all());
		editor.close();
	});

	it('a cloze made from the source shows the problems of the fields it filled', async () => {
		const { editor } = await editorWith();
		const source = 'The module was called Eagle.';
		editor.setDeckField('sourceText', source);
		const at = editor.makeCloze({ start: source.indexOf('Eagle'), end: source.length - 1 })!;
		editor.setCardField(at, 'quote', 'x'.repeat(900));
		expect(editor.shownCardErrors(at).map((e) => e.path)).toEqual(['cards[1].source.quote']);
		editor.close();
	});

	it('keeps published card ids when prompts change', async () => {
		const db = freshDb();
		const deck = draftDeck(smallDeck(2));
		const row = await createDraft(
			db,
			{ id: 'p', deck, published: deck.cards.map((c) => c.id) },
			NOW
		);
		const editor = new StudioEditor(db, row, () => NOW);
		const id = editor.draft.cards[0]!.id;
		editor.setCardField(0, 'prompt', 'A new wording of the question');
		expect(editor.draft.cards[0]!.id).toBe(id);
		expect(editor.deckIdFixed).toBe(true);
		editor.close();
	});
});

describe('publishing from the studio', () => {
	it('raises the version of an installed deck and keeps progress on unchanged cards', async () => {
		const db = freshDb();
		const deck = smallDeck(3);
		await publishDeck(db, deck, NOW);
		const uid = `${deck.id}|${deck.cards[0]!.id}`;
		await answer(db, uid, 3, NOW);
		const before = await db.cards.get(uid);
		const fixed = {
			...deck,
			cards: deck.cards.map((c, i) => (i === 0 ? { ...c, prompt: 'Fixed typo' } : c))
		};
		const report = await publishDeck(db, fixed, NOW);
		expect(report.version).toBe(deck.version + 1);
		const after = await db.cards.get(uid);
		expect(after?.content.prompt).toBe('Fixed typo');
		expect(after?.reps).toBe(before?.reps);
		expect(after?.reps).toBeGreaterThan(0);
		expect((await db.decks.get(deck.id))?.version).toBe(deck.version + 1);
	});
});
