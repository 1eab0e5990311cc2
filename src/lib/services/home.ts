import { backupReminder } from '$lib/storage/backup-reminder';
import { loadOverview, type Overview } from '$lib/storage/overview';
import { appDb } from './database';

export type { DeckOverview, DueCounts, Overview } from '$lib/storage/overview';

/** Today's counts, per deck and in all, for the home screen. */
export function loadHomeOverview(now: Date): Promise<Overview> {
	return loadOverview(appDb(), now);
}

/** Days since the last saved backup when a reminder is due, otherwise undefined. */
export function backupDue(now: Date): Promise<number | undefined> {
	return backupReminder(appDb(), now);
}
