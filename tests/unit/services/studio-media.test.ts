import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { appDb } from '$lib/services/database';
import { attachMedia, deckDownload, draftMediaKey, removeMedia } from '$lib/services/studio-media';
import {
	deckFileText,
	draftFromFiles,
	draftFromInstalled,
	openEditor,
	removeDraft,
	startDraft,
	studyDraft
} from '$lib/services/studio';
import { emptyDeck, type DraftDeck } from '$lib/deck/draft';
import { mediaNames } from '$lib/storage/media';
import { getDeckMedia } from '$lib/storage/media';
import { readDeckZip } from '$lib/transfer/deck-zip';
import type { StudioEditor } from '$lib/state/studio.svelte';

/** A file whose bytes say which it is. */
const file = (name: string, type: string, text = name) => new File([text], name, { type });

/** A valid one-card deck, so it can be installed. */
function deck(id: string): DraftDeck {
	return {
		...emptyDeck(),
		id,
		title: `Birds ${id}`,
		cards: [
			{
				id: 'robin',
				kind: 'basic',
				prompt: 'Which bird is this?',
				answer: 'A robin',
				answerType: '',
				accept: [],
				distractors: [],
				explanation: '',
				fact: '',
				tags: [],
				quote: 'A robin.'
			}
		]
	};
}

const editors: StudioEditor[] = [];
async function open(id: string) {
	const editor = (await openEditor(id))!;
	editors.push(editor);
	return editor;
}
afterAll(() => editors.forEach((e) => e.close()));

const text = async (blob: Blob | undefined) => (blob ? await blob.text() : undefined);

describe('pictures and sounds in the studio', () => {
	it('stores a picked picture with the draft, names it on the card, and an undo takes it off', async () => {
		const editor = await open(await startDraft(deck('birds-a')));
		expect(await attachMedia(editor, 0, 'image', file('image.jpg', 'image/jpeg', 'first'))).toBe(
			undefined
		);
		// A phone names every photo alike: the second is stored beside the first, not over it.
		expect(await attachMedia(editor, 0, 'image', file('image.jpg', 'image/jpeg', 'second'))).toBe(
			undefined
		);
		expect(await attachMedia(editor, 0, 'audio', file('call.mp3', 'audio/mpeg'))).toBe(undefined);
		expect(editor.draft.cards[0]?.image).toEqual(['image.jpg', 'image-2.jpg']);
		expect(editor.draft.cards[0]?.audio).toEqual(['call.mp3']);
		const key = draftMediaKey(editor.id);
		expect(await text((await getDeckMedia(appDb(), key, 'image-2.jpg'))?.blob)).toBe('second');
		expect((await getDeckMedia(appDb(), key, 'image.jpg'))?.type).toBe('image/jpeg');
		expect(await deckFileText(editor, 'yaml')).toMatch(
			/image: \[image\.jpg, image-2\.jpg\]\n\s+audio: call\.mp3/
		);

		removeMedia(editor, 0, 'image', 0);
		expect(editor.draft.cards[0]?.image).toEqual(['image-2.jpg']);
		editor.undo();
		expect(editor.draft.cards[0]?.image).toEqual(['image.jpg', 'image-2.jpg']);
		await editor.save();
	});

	it('refuses a file that is not a picture, saying why, and stores nothing', async () => {
		const editor = await open(await startDraft(deck('birds-b')));
		const why = await attachMedia(editor, 0, 'image', file('notes.pdf', 'application/pdf'));
		expect(why).toMatch(/“notes\.pdf” is not a picture the app can show/);
		expect(editor.draft.cards[0]?.image).toBeUndefined();
		expect(await mediaNames(appDb(), draftMediaKey(editor.id))).toEqual([]);
	});

	it('installs the media with the deck; an installed deck opened again brings its media along', async () => {
		const editor = await open(await startDraft(deck('birds-c')));
		await attachMedia(editor, 0, 'image', file('robin.png', 'image/png', 'red breast'));
		await attachMedia(editor, 0, 'image', file('unused.png', 'image/png'));
		removeMedia(editor, 0, 'image', 1);
		const result = await studyDraft(editor);
		expect(result).toMatchObject({ ok: true });
		// Only what a card names goes with the deck.
		expect(await mediaNames(appDb(), 'birds-c')).toEqual(['robin.png']);
		expect(await text((await getDeckMedia(appDb(), 'birds-c', 'robin.png'))?.blob)).toBe(
			'red breast'
		);

		const copy = await open(await draftFromInstalled('birds-c'));
		expect(copy.draft.cards[0]?.image).toEqual(['robin.png']);
		expect(await mediaNames(appDb(), draftMediaKey(copy.id))).toEqual(['robin.png']);
		// Deleting the copy deletes its media, not the installed deck's.
		await removeDraft(copy.id);
		expect(await mediaNames(appDb(), draftMediaKey(copy.id))).toEqual([]);
		expect(await mediaNames(appDb(), 'birds-c')).toEqual(['robin.png']);
	});

	it('downloads a deck with media as a zip that opens again as a draft with its media', async () => {
		const editor = await open(await startDraft({ ...deck('birds-d'), sourceText: 'A robin.' }));
		await attachMedia(editor, 0, 'image', file('robin.jpg', 'image/jpeg', 'picture bytes'));
		await attachMedia(editor, 0, 'audio', file('song.ogg', 'audio/ogg', 'sound bytes'));
		const zip = await deckDownload(editor, 'yaml', await deckFileText(editor, 'yaml'));
		expect(zip.name).toBe('birds-d.zip');
		const entries = await readDeckZip(new Uint8Array(await zip.arrayBuffer()));
		expect(entries.map((e) => e.name).sort()).toEqual([
			'birds-d.yaml',
			'robin.jpg',
			'song.ogg',
			'source.txt'
		]);

		const opened = await draftFromFiles([new File([await zip.arrayBuffer()], 'birds-d.zip')]);
		expect(opened).not.toHaveProperty('errors');
		const id = (opened as { id: string }).id;
		const again = await open(id);
		expect(again.draft.cards[0]).toMatchObject({ image: ['robin.jpg'], audio: ['song.ogg'] });
		expect(again.draft.sourceText).toBe('A robin.');
		expect(await text((await getDeckMedia(appDb(), draftMediaKey(id), 'song.ogg'))?.blob)).toBe(
			'sound bytes'
		);
	});

	it('downloads a deck without media as the deck file alone', async () => {
		const editor = await open(await startDraft(deck('birds-e')));
		const f = await deckDownload(editor, 'json', await deckFileText(editor, 'json'));
		expect(f.name).toBe('birds-e.json');
		expect(JSON.parse(await f.text())).toMatchObject({ id: 'birds-e' });
	});

	it('opens a YAML chosen with its pictures, and names the files that were not chosen', async () => {
		const yaml = [
			'id: owls',
			'title: Owls',
			'version: 1',
			'cards:',
			'  - id: barn-owl',
			'    kind: basic',
			'    prompt: Which owl is this?',
			'    answer: A barn owl',
			'    source: { quote: A barn owl. }',
			'    image: [barn.jpg, gone.jpg]',
			''
		].join('\n');
		const opened = await draftFromFiles([
			file('owls.yaml', 'text/yaml', yaml),
			file('barn.jpg', 'image/jpeg', 'owl')
		]);
		expect(opened).toMatchObject({ missingMedia: ['gone.jpg'] });
		const id = (opened as { id: string }).id;
		expect(await mediaNames(appDb(), draftMediaKey(id))).toEqual(['barn.jpg']);
	});

	it('says a damaged zip cannot be read and makes no draft', async () => {
		const result = await draftFromFiles([file('deck.zip', 'application/zip', 'not a zip')]);
		expect(result).toMatchObject({ errors: [expect.stringMatching(/“deck\.zip” cannot be read/)] });
	});
});
