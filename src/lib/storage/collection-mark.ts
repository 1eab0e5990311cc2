import type { StudyDb } from './db';
import { getSetting, setSetting } from './settings';

/**
 * The mark a collection carries in its settings, and the copy this browser keeps outside the
 * database (localStorage), under the same key. Chromium deletes an origin's whole IndexedDB when it
 * finds the database corrupt on opening it, which a known LevelDB defect can cause after the
 * browser is killed twice while writing (README, "Reliability"); it says so only in its own log.
 * A database that opens without the mark while the browser still holds a copy was made anew
 * behind the learner's back: the app says so instead of silently starting over. Clearing the
 * site's data clears both, and is no surprise.
 */
export const COLLECTION_MARK = 'collectionMark';

/** Where the copy outside the database lives: localStorage in the app, a map in tests. */
export type MarkStore = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * Checks the collection against the mark this browser kept, marking a collection that has none.
 * Returns `lost` when the browser kept a mark and the database has none: the database this browser
 * had is gone. A read alone when both agree, as on every visit but the first.
 */
export async function checkCollectionMark(
	db: StudyDb,
	outside: MarkStore
): Promise<'kept' | 'lost'> {
	const kept = outside.getItem(COLLECTION_MARK);
	let inside = await getSetting<string | undefined>(db, COLLECTION_MARK, undefined);
	let found: 'kept' | 'lost' = 'kept';
	if (inside === undefined)
		// In one write transaction: two tabs opening a new collection at once agree on one mark.
		[inside, found] = await db.transaction('rw', db.settings, async () => {
			const marked = await getSetting<string | undefined>(db, COLLECTION_MARK, undefined);
			if (marked !== undefined) return [marked, 'kept'] as const;
			const mark = `${new Date().toISOString()} ${Math.random().toString(36).slice(2, 10)}`;
			await setSetting(db, COLLECTION_MARK, mark);
			return [mark, kept === null ? 'kept' : 'lost'] as const;
		});
	if (kept !== inside) outside.setItem(COLLECTION_MARK, inside);
	return found;
}
