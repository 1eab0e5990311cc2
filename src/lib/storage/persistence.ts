import { getSetting, setSetting, type StudyDb } from '$lib/storage';

const KEY = 'persistence';

export interface PersistenceRecord {
	/** What the browser answered, and when we asked. */
	granted: boolean;
	askedAt: number;
}

/**
 * Asks the browser to keep this origin's storage (so it is not evicted when space runs low) and
 * records the answer. Returns whether storage is persistent now.
 */
export async function requestPersistence(db: StudyDb, now = Date.now()): Promise<boolean> {
	const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
	if (!storage?.persist) return false;
	const granted = (await storage.persisted()) || (await storage.persist());
	await setSetting(db, KEY, { granted, askedAt: now } satisfies PersistenceRecord);
	return granted;
}

/** After the first completed session: ask once, and never again unless the learner asks. */
export async function requestPersistenceOnce(db: StudyDb): Promise<void> {
	const asked = await getSetting<PersistenceRecord | undefined>(db, KEY, undefined);
	if (!asked) await requestPersistence(db);
}
