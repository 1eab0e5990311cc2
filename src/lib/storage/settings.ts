import type { SettingRow } from './rows';
import type { StudyDb } from './db';

export async function getSetting<T>(db: StudyDb, key: string, fallback: T): Promise<T> {
	const row = await db.settings.get(key);
	return row === undefined ? fallback : (row.value as T);
}

export async function setSetting(db: StudyDb, key: string, value: unknown): Promise<void> {
	await db.settings.put({ key, value });
}

/** The stored settings of these keys (those not stored are left out). */
export async function settingsOf(db: StudyDb, keys: readonly string[]): Promise<SettingRow[]> {
	return (await db.settings.bulkGet([...keys])).filter((r): r is SettingRow => r !== undefined);
}
