import type { Deck } from '$lib/deck/schema';
import { markBackupSaved } from '$lib/storage/backup-reminder';
import { exportBackupFile, type BackupFile } from '$lib/storage/export-backup';
import { exportDeck as exportInstalled } from '$lib/storage/transfer';
import { appDb } from './database';

export type { BackupFile } from '$lib/storage/export-backup';

/** The backup file of everything on this device (see `backupSaved` once it is handed over). */
export function makeBackupFile(now: Date): Promise<BackupFile> {
	return exportBackupFile(appDb(), now);
}

/** Records that a backup was saved now, which resets the home screen's reminder. */
export function backupSaved(now: Date): Promise<void> {
	return markBackupSaved(appDb(), now);
}

/** An installed deck as a compiled deck file. */
export function exportDeck(deckId: string): Promise<Deck> {
	return exportInstalled(appDb(), deckId);
}
