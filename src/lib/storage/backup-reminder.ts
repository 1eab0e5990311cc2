import { getSetting, setSetting } from '$lib/storage/settings';
import type { StudyDb } from '$lib/storage/db';

const KEY = 'lastBackupAt';
const DAY = 86_400_000;
/** Days without a backup file after which the home screen reminds the learner to save one. */
export const BACKUP_REMINDER_DAYS = 30;

/** Records that a backup file was saved now. */
export async function markBackupSaved(db: StudyDb, now: Date): Promise<void> {
	await setSetting(db, KEY, now.getTime());
}

/**
 * Days since the last backup file (or, when there never was one, since the first answer), when that
 * is 30 or more; undefined when no reminder is due. Two indexed reads.
 */
export async function backupReminder(db: StudyDb, now: Date): Promise<number | undefined> {
	const last = await getSetting<number | undefined>(db, KEY, undefined);
	const since = last ?? (await db.reviewLogs.orderBy('reviewedAt').first())?.reviewedAt;
	if (since === undefined) return undefined;
	const days = Math.floor((now.getTime() - since) / DAY);
	return days >= BACKUP_REMINDER_DAYS ? days : undefined;
}
