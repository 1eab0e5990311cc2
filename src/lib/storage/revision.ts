import type { StudyDb } from './db';

const KEY = 'revision';

/**
 * Every write that changes what is due bumps this counter in the same transaction. Other tabs watch
 * it (Dexie liveQuery) and refresh their queue, instead of scanning tables for changes.
 */
export async function bumpRevision(db: StudyDb): Promise<void> {
	const row = await db.settings.get(KEY);
	await db.settings.put({ key: KEY, value: typeof row?.value === 'number' ? row.value + 1 : 1 });
}

export async function readRevision(db: StudyDb): Promise<number> {
	const row = await db.settings.get(KEY);
	return typeof row?.value === 'number' ? row.value : 0;
}
