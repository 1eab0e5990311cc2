import { StudyDb } from '$lib/storage';

let shared: StudyDb | undefined;

/** The app's one database connection, opened on first use (in the browser only, never in prerender). */
export function appDb(): StudyDb {
	if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available here');
	shared ??= new StudyDb();
	return shared;
}
