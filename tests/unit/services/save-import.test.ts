import { describe, expect, it } from 'vitest';
import { ImportFlow } from '$lib/state/import.svelte';
import { putDeckMedia } from '$lib/storage/media';
import type { StudyDb } from '$lib/storage/db';
import { freshDb } from '../../fixtures/db';
import { makePackage, samplePackage } from '../../fixtures/anki-packages';

const NOW = new Date('2026-02-01T12:00:00Z');

/** The Import page's flow with the sample package (cards, media, answers) open in its preview. */
async function previewed(db: StudyDb): Promise<ImportFlow> {
	const flow = new ImportFlow(db, () => NOW);
	const bytes = await makePackage(samplePackage('anki21b'));
	await flow.openFiles([new File([bytes as Uint8Array<ArrayBuffer>], 'geo.apkg')]);
	expect(flow.errors).toEqual([]);
	expect(flow.preview?.package?.withHistory).toBeGreaterThan(0);
	return flow;
}

/** Everything of the collection a saved import could have touched. */
async function contents(db: StudyDb) {
	return {
		decks: (await db.decks.toArray()).map((d) => [d.id, d.version]),
		cards: await db.cards.count(),
		logs: await db.reviewLogs.count(),
		media: (await db.media.toArray()).map((m) => `${m.deckId}/${m.name}`).sort()
	};
}

/** Makes a table's bulk writes fail as a full disk does. */
const fillUp = (table: object) =>
	Object.assign(table, {
		bulkPut: () => Promise.reject(new DOMException('The disk is full', 'QuotaExceededError'))
	});

describe('issue 15: a package is saved whole or not at all', () => {
	it('a disk that fills up while the answers are written leaves no deck, card, answer or file', async () => {
		const db = freshDb();
		const flow = await previewed(db);
		fillUp(db.reviewLogs);
		await flow.confirm();
		expect(flow.stage).toBe('preview');
		expect(flow.problem).toMatch(/disk is full.*Nothing from this file was saved\./);
		expect(await contents(db)).toEqual({ decks: [], cards: 0, logs: 0, media: [] });
	});

	it('a failure while the cards are written deletes the files this import added', async () => {
		const db = freshDb();
		const flow = await previewed(db);
		fillUp(db.cards);
		await flow.confirm();
		expect(flow.problem).toMatch(/Nothing from this file was saved/);
		expect(await contents(db)).toEqual({ decks: [], cards: 0, logs: 0, media: [] });
	});

	it('a failing media pass writes no card', async () => {
		const db = freshDb();
		const flow = await previewed(db);
		fillUp(db.media);
		await flow.confirm();
		expect(flow.problem).toMatch(/Nothing from this file was saved/);
		expect(await contents(db)).toEqual({ decks: [], cards: 0, logs: 0, media: [] });
	});

	it('after a failed update, the deck, its answers and its files are as they were', async () => {
		const db = freshDb();
		const first = await previewed(db);
		await first.confirm();
		expect(first.stage).toBe('done');
		const before = await contents(db);
		expect(before.media).toEqual(['geography/bell.wav', 'geography/tower.png']);
		const again = await previewed(db);
		expect(again.canConfirm).toBe(true);
		// Its answers are in already; the suspended and buried cards are written again.
		fillUp(db.cards);
		await again.confirm();
		expect(again.problem).toMatch(/Nothing from this file was saved/);
		expect(await contents(db)).toEqual(before);
	});

	it('files left by an import that was cut short are dropped by the next import of that deck', async () => {
		const db = freshDb();
		// A closed tab: files written, the cards never.
		const stray = { name: 'stray.png', type: 'image/png', blob: new Blob([new Uint8Array(8)]) };
		await putDeckMedia(db, 'geography', [stray]);
		await putDeckMedia(db, 'other', [stray]);
		const flow = await previewed(db);
		await flow.confirm();
		expect(flow.stage).toBe('done');
		expect(flow.result).toMatchObject({ media: 2, history: { cards: 3, logs: 8 } });
		expect((await contents(db)).media).toEqual([
			'geography/bell.wav',
			'geography/tower.png',
			'other/stray.png'
		]);
	});
});
