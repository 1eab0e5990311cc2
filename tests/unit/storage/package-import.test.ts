import { describe, expect, it } from 'vitest';
import { importDeck } from '$lib/storage/transfer';
import { putDeckMedia, getDeckMedia } from '$lib/storage/media';
import { deleteDeck } from '$lib/storage/delete-deck';
import { readPackage, type PackageDeck } from '$lib/transfer/apkg/read-package';
import { freshDb } from '../../fixtures/db';
import { loadSqlite, makePackage, samplePackage } from '../../fixtures/anki-packages';

const NOW = new Date('2026-02-01T12:00:00Z');

async function sample(): Promise<PackageDeck> {
	const r = await readPackage({
		name: 'geo.apkg',
		chunks: [await makePackage(samplePackage('anki21b'))],
		loadSqlite
	});
	if (!r.ok) throw new Error(r.errors[0]?.message);
	return r;
}

/** As the Import page saves a package: its media, then its cards with their answers replayed. */
async function install(db: ReturnType<typeof freshDb>, r: PackageDeck, now = NOW) {
	await putDeckMedia(db, r.deck.id, r.media);
	const report = await importDeck(db, r.deck, {
		now,
		named: true,
		history: { entries: r.history }
	});
	return report.history;
}

describe('importing an Anki package into storage', () => {
	it('stores its media as Blobs and continues each card’s schedule from its answers', async () => {
		const db = freshDb();
		const r = await sample();
		const history = await install(db, r);
		expect(history).toEqual({ cards: 3, logs: 8 });
		const png = await getDeckMedia(db, 'geography', 'tower.png');
		expect(png?.type).toBe('image/png');
		expect(png?.blob).toBeInstanceOf(Blob);
		expect(png?.size).toBeGreaterThan(60);
		const basic = await db.cards.get('geography|basic1');
		// Three Good answers in January: a review card, due after the last answer.
		expect(basic?.state).toBe(2);
		expect(basic?.reps).toBe(3);
		expect(basic?.due).toBeGreaterThan(Date.UTC(2026, 0, 6));
		expect(basic?.lastLogAt).toBe(r.history.find((h) => h.cardId === 'basic1')?.reviews.at(-1)?.at);
		const typed = await db.cards.get('geography|typed1');
		expect(typed).toMatchObject({ suspended: 1, active: 0, reps: 4 });
		const buried = await db.cards.get('geography|cloze1/c1');
		expect(buried?.buriedUntil).toBeGreaterThan(NOW.getTime());
		expect(buried?.active).toBe(0);
		const untouched = await db.cards.get('geography|opt1');
		expect(untouched).toMatchObject({ state: 0, reps: 0, active: 1 });
	});

	it('imported again, updates the same cards: no second card, log or file', async () => {
		const db = freshDb();
		const r = await sample();
		await install(db, r);
		const cards = await db.cards.count();
		const logs = await db.reviewLogs.count();
		const again = await install(db, await sample(), new Date(NOW.getTime() + 86_400_000));
		expect(again).toEqual({ cards: 0, logs: 0 });
		expect(await db.cards.count()).toBe(cards);
		expect(await db.reviewLogs.count()).toBe(logs);
		expect(await db.media.count()).toBe(2);
		expect((await db.decks.get('geography'))?.version).toBe(2);
	});

	it('deleting the deck deletes its media', async () => {
		const db = freshDb();
		await install(db, await sample());
		await deleteDeck(db, 'geography');
		expect(await db.media.count()).toBe(0);
	});

	it('imported with its answers, writes each card once (issue 15)', async () => {
		const r = await sample();
		const db = freshDb();
		let cardsPut = 0;
		const bulkPut = db.cards.bulkPut.bind(db.cards);
		db.cards.bulkPut = ((rows: unknown[], ...rest: unknown[]) => {
			cardsPut += rows.length;
			return (bulkPut as (...args: unknown[]) => unknown)(rows, ...rest);
		}) as typeof db.cards.bulkPut;
		let logLookups = 0;
		const bulkGet = db.reviewLogs.bulkGet.bind(db.reviewLogs);
		db.reviewLogs.bulkGet = ((keys: string[]) => {
			logLookups += keys.length;
			return bulkGet(keys);
		}) as typeof db.reviewLogs.bulkGet;
		const report = await importDeck(db, r.deck, {
			now: NOW,
			named: true,
			history: { entries: r.history }
		});
		expect(report.history).toEqual({ cards: 3, logs: 8 });
		// Cards with answers, a suspension or a burial are not written a second time.
		expect(cardsPut).toBe(r.deck.cards.length);
		// A first import has no stored answers of this deck to look up.
		expect(logLookups).toBe(0);
		expect(await db.reviewLogs.count()).toBe(8);
		expect(await db.cards.get('geography|basic1')).toMatchObject({ state: 2, reps: 3 });
		// Imported again (a newer copy): no second log, and the replayed schedules stay.
		const again = await importDeck(db, r.deck, {
			now: new Date(NOW.getTime() + 86_400_000),
			named: true,
			history: { entries: r.history }
		});
		expect(again.history).toEqual({ cards: 0, logs: 0 });
		expect(logLookups).toBe(8);
		expect(await db.reviewLogs.count()).toBe(8);
		expect(await db.cards.get('geography|basic1')).toMatchObject({ state: 2, reps: 3 });
		expect(await db.cards.get('geography|typed1')).toMatchObject({ suspended: 1, active: 0 });
	});
});
