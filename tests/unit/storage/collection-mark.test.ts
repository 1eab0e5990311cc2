// A database the browser deleted and made anew (Chromium does so when it finds it corrupt) must not
// pass for a first visit: the mark kept outside the database tells the two apart.
import { describe, expect, it } from 'vitest';
import { checkCollectionMark, COLLECTION_MARK, type MarkStore } from '$lib/storage/collection-mark';
import { exportBackupFile } from '$lib/storage/export-backup';
import { freshDb } from '../../fixtures/db';
import { NOW } from '../../fixtures/decks';

/** localStorage as a map, with the number of writes. */
function store(initial?: string): MarkStore & { writes: number; value: () => string | null } {
	let value: string | null = initial ?? null;
	const s = {
		writes: 0,
		value: () => value,
		getItem: () => value,
		setItem: (_key: string, v: string) => {
			value = v;
			s.writes++;
		}
	};
	return s;
}

describe('the collection mark', () => {
	it('marks a first visit and finds the same collection on the next ones, writing nothing more', async () => {
		const db = freshDb();
		const outside = store();
		expect(await checkCollectionMark(db, outside)).toBe('kept');
		const mark = (await db.settings.get(COLLECTION_MARK))?.value;
		expect(typeof mark).toBe('string');
		expect(outside.value()).toBe(mark);
		expect(await checkCollectionMark(db, outside)).toBe('kept');
		expect(outside.writes).toBe(1);
	});

	it('says lost when the browser kept a mark and the database has none (made anew)', async () => {
		const first = freshDb();
		const outside = store();
		await checkCollectionMark(first, outside);
		const old = outside.value();
		// The browser deleted the database: a new, empty one opens under the same name.
		const anew = freshDb();
		expect(await checkCollectionMark(anew, outside)).toBe('lost');
		// Said once: the new collection is marked, and the next visit finds it.
		expect(outside.value()).not.toBe(old);
		expect(await checkCollectionMark(anew, outside)).toBe('kept');
	});

	it('a browser that kept nothing (site data cleared, or an older version) finds no loss', async () => {
		const db = freshDb();
		await checkCollectionMark(db, store());
		const cleared = store();
		expect(await checkCollectionMark(db, cleared)).toBe('kept');
		expect(cleared.value()).toBe((await db.settings.get(COLLECTION_MARK))?.value);
	});

	it('two tabs opening a new collection at once agree on one mark', async () => {
		const db = freshDb();
		const outside = store();
		const [a, b] = await Promise.all([
			checkCollectionMark(db, outside),
			checkCollectionMark(db, outside)
		]);
		expect([a, b]).toEqual(['kept', 'kept']);
		expect(outside.value()).toBe((await db.settings.get(COLLECTION_MARK))?.value);
	});

	it('never leaves the device in a backup, so a restore elsewhere cannot hide a loss', async () => {
		const db = freshDb();
		await checkCollectionMark(db, store());
		const file = await exportBackupFile(db, NOW);
		expect(file.parts.join('')).not.toContain(COLLECTION_MARK);
	});
});
