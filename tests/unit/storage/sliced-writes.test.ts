import { describe, expect, it } from 'vitest';
import type { Table } from 'dexie';
import { installDeck, readRevision, type CardRow } from '$lib/storage';
import { FIRST_SLICE, nextSliceSize, putInSlices } from '$lib/storage/sliced-writes';
import { freshDb } from '../../fixtures/db';
import { NOW, smallDeck } from '../../fixtures/decks';

/** The cards table, with a clock on which each put costs `msPerRow` of this thread's time. */
function timedCards(table: Table<CardRow, string>, msPerRow: number) {
	let now = 0;
	const timed = {
		bulkPut: (rows: CardRow[]) => {
			now += rows.length * msPerRow;
			return table.bulkPut(rows);
		}
	} as unknown as Table<CardRow, string>;
	return { table: timed, clock: () => now };
}

async function rowsOf(count: number): Promise<CardRow[]> {
	const source = freshDb();
	await installDeck(source, smallDeck(count), { now: NOW, bundled: true });
	return source.cards.toArray();
}

describe('writing cards in slices', () => {
	it('sizes the next slice to the time budget, growing at most twofold', () => {
		expect(nextSliceSize(32, 64, 8)).toBe(4); // 2 ms a row: 4 rows fill 8 ms
		expect(nextSliceSize(4, 1, 8)).toBe(8); // fast: doubles, no more
		expect(nextSliceSize(4, 0, 8)).toBe(8);
		expect(nextSliceSize(1, 500, 8)).toBe(1); // a very slow row still goes in, one at a time
	});

	it('keeps each slice near the budget on a slow device, and writes every row', async () => {
		const db = freshDb();
		const rows = await rowsOf(300);
		const { table, clock } = timedCards(db.cards, 1); // a phone: 1 ms of work a card
		const progress: number[] = [];
		const slices = await db.transaction('rw', db.cards, () =>
			putInSlices(table, rows, { budgetMs: 8, clock, onProgress: (done) => progress.push(done) })
		);
		expect(await db.cards.count()).toBe(300);
		// After the first slice, none is over 8 rows (8 ms): about 37 slices, not one long task.
		expect(slices).toBeGreaterThan(30);
		const sizes = progress.map((done, i) => done - (progress[i - 1] ?? 0));
		expect(sizes[0]).toBe(FIRST_SLICE);
		expect(Math.max(...sizes.slice(1))).toBeLessThanOrEqual(8);
		expect(progress.at(-1)).toBe(300);
	});

	it('writes few large slices where the work is quick', async () => {
		const db = freshDb();
		const rows = await rowsOf(300);
		const { table, clock } = timedCards(db.cards, 0.01);
		const slices = await db.transaction('rw', db.cards, () =>
			putInSlices(table, rows, { budgetMs: 8, clock })
		);
		expect(await db.cards.count()).toBe(300);
		expect(slices).toBeLessThanOrEqual(5); // 16, 32, 64, 128, 60
	});

	it('is all or nothing: a slice that fails leaves none of the earlier ones written', async () => {
		const db = freshDb();
		const rows = await rowsOf(100);
		// The last row has no key: its slice fails after several slices went in.
		const broken = [...rows.slice(0, 99), { ...rows[99], uid: undefined } as unknown as CardRow];
		const { table, clock } = timedCards(db.cards, 1);
		const written: number[] = [];
		await expect(
			db.transaction('rw', db.cards, () =>
				putInSlices(table, broken, { budgetMs: 8, clock, onProgress: (d) => written.push(d) })
			)
		).rejects.toThrow();
		expect(written.length).toBeGreaterThan(3);
		expect(await db.cards.count()).toBe(0);
	});

	it('with two slices in flight, writes every row in order of progress, all or nothing (issue 18)', async () => {
		const db = freshDb();
		const rows = await rowsOf(200);
		const { table, clock } = timedCards(db.cards, 1);
		const progress: number[] = [];
		await db.transaction('rw', db.cards, () =>
			putInSlices(table, rows, {
				budgetMs: 8,
				clock,
				inFlight: 2,
				onProgress: (d) => progress.push(d)
			})
		);
		expect(await db.cards.count()).toBe(200);
		expect(progress).toEqual([...progress].sort((a, b) => a - b));
		expect(progress.at(-1)).toBe(200);
		const other = freshDb();
		const broken = [...rows.slice(0, 199), { ...rows[199], uid: undefined } as unknown as CardRow];
		const slow = timedCards(other.cards, 1);
		await expect(
			other.transaction('rw', other.cards, () =>
				putInSlices(slow.table, broken, { budgetMs: 8, clock: slow.clock, inFlight: 2 })
			)
		).rejects.toThrow();
		expect(await other.cards.count()).toBe(0);
	});

	it('a bulk job keeps its slices at least minSlice rows on a slow device (issue 18)', async () => {
		const db = freshDb();
		const rows = await rowsOf(200);
		const { table, clock } = timedCards(db.cards, 1);
		const progress: number[] = [];
		await db.transaction('rw', db.cards, () =>
			putInSlices(table, rows, {
				budgetMs: 8,
				clock,
				minSlice: 50,
				onProgress: (d) => progress.push(d)
			})
		);
		expect(progress).toEqual([
			FIRST_SLICE,
			FIRST_SLICE + 50,
			FIRST_SLICE + 100,
			FIRST_SLICE + 150,
			200
		]);
	});

	it('installs a deck in one transaction: one revision, every card, in slices', async () => {
		const db = freshDb();
		const progress: number[] = [];
		const report = await installDeck(db, smallDeck(400), {
			now: NOW,
			bundled: true,
			onProgress: (done) => progress.push(done)
		});
		expect(report.added).toBe(400);
		expect(await db.cards.count()).toBe(400);
		expect(await readRevision(db)).toBe(1);
		expect(progress.length).toBeGreaterThan(1);
		expect(progress.at(-1)).toBe(400);
	});
});
