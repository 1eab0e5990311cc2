import type { SettingRow } from './rows';
import type { StudyDb } from './db';

export async function getSetting<T>(db: StudyDb, key: string, fallback: T): Promise<T> {
	const row = await db.settings.get(key);
	return row === undefined ? fallback : (row.value as T);
}

export async function setSetting(db: StudyDb, key: string, value: unknown): Promise<void> {
	await db.settings.put({ key, value });
}

/** Every stored setting (sync sends the ones it carries). */
export async function allSettings(db: StudyDb): Promise<SettingRow[]> {
	return db.settings.toArray();
}
