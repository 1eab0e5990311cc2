import { expect, it } from 'vitest';
import { draftMediaKey, publishableMedia, putDraftMedia, putDeckMedia } from '$lib/storage/media';
import { freshDb } from '../../fixtures/db';

const file = (name: string, text: string) => ({
	name,
	type: 'image/png',
	blob: new Blob([text], { type: 'image/png' })
});

// "Publish to class" from the studio sends the draft's pictures: a deck authored in the studio and
// never installed has its files only under the draft's key, and a re-published deck's new picture
// replaces the installed one of the same name.
it('gives the draft’s files, over the installed deck’s of the same name', async () => {
	const db = freshDb();
	await putDeckMedia(db, 'art', [file('cell.png', 'old'), file('hum.png', 'kept')]);
	await putDraftMedia(db, 'd1', file('cell.png', 'new'));
	await putDraftMedia(db, 'd1', file('only-draft.png', 'drawn'));
	const rows = await publishableMedia(db, 'art', draftMediaKey('d1'));
	const byName = new Map(rows.map((r) => [r.name, r]));
	expect([...byName.keys()].sort()).toEqual(['cell.png', 'hum.png', 'only-draft.png']);
	expect(await byName.get('cell.png')?.blob.text()).toBe('new');
	expect(await byName.get('hum.png')?.blob.text()).toBe('kept');
	// Without a draft: the installed deck's alone.
	expect((await publishableMedia(db, 'art')).map((r) => r.name).sort()).toEqual([
		'cell.png',
		'hum.png'
	]);
});
