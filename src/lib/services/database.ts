import { StudyDb } from '$lib/storage/db';
import { checkCollectionMark } from '$lib/storage/collection-mark';
import { BACKGROUND_START_MS, whenSettled } from './idle';
import { appStatus } from '$lib/state/app.svelte';

let shared: StudyDb | undefined;

/** The app's one database connection, opened on first use (in the browser only, never in prerender). */
export function appDb(): StudyDb {
	if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available here');
	if (shared) return shared;
	const db = new StudyDb();
	// A newer version of the app opened the database in another tab: let it upgrade, and ask this
	// (older) tab to reload rather than fail on its next write.
	db.on('versionchange', () => {
		db.close();
		appStatus.reloadNeeded = 'Recall was updated in another tab. Reload to keep studying.';
		return false;
	});
	// This tab has the newer version and an older tab holds the database open.
	db.on('blocked', () => {
		appStatus.reloadNeeded =
			'Recall is open in another tab with an older version. Reload or close that tab to go on.';
	});
	shared = db;
	// Once a visit, once the page has settled (not beside a first visit's install or first card).
	// Only in a page: a worker or a test in Node has no page to tell.
	if (typeof document !== 'undefined')
		whenSettled(() => void sayIfCollectionLost(db), BACKGROUND_START_MS);
	return db;
}

/**
 * A database the browser made anew behind the learner's back (see storage/collection-mark.ts) is
 * said out loud. Without localStorage (some private modes), or if the read fails, there is nothing
 * to compare and nothing to say.
 */
async function sayIfCollectionLost(db: StudyDb): Promise<void> {
	try {
		if ((await checkCollectionMark(db, localStorage)) === 'lost') appStatus.databaseLost = true;
	} catch {
		// See above.
	}
}
