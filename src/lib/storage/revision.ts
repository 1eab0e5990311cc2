import { liveQuery } from 'dexie';
import type { StudyDb } from './db';

const KEY = 'revision';

/**
 * Every write that changes what is due bumps this counter in the same transaction. Other tabs watch
 * it (Dexie liveQuery) and refresh their queue, instead of scanning tables for changes.
 */
export async function bumpRevision(db: StudyDb): Promise<number> {
	const row = await db.settings.get(KEY);
	const next = typeof row?.value === 'number' ? row.value + 1 : 1;
	await db.settings.put({ key: KEY, value: next });
	return next;
}

export async function readRevision(db: StudyDb): Promise<number> {
	const row = await db.settings.get(KEY);
	return typeof row?.value === 'number' ? row.value : 0;
}

/**
 * Calls `next` with the revision now and after every change to it, in this tab or another.
 * Returns the function that stops watching.
 */
export function watchRevision(db: StudyDb, next: (revision: number) => void): () => void {
	const subscription = liveQuery(() => readRevision(db)).subscribe({
		next,
		error: () => undefined
	});
	return () => subscription.unsubscribe();
}
