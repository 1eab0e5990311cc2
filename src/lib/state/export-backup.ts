// Its own module: the snapshot worker needs this and none of the import code beside it.
import type { StudyDb } from '$lib/storage/db';
import { makeBackup, type Backup } from '$lib/transfer/backup';

/** Everything on this device, as one backup (format in src/lib/transfer/BACKUP.md). */
export async function exportBackup(db: StudyDb, now: Date): Promise<Backup> {
	return db.transaction('r', db.decks, db.cards, db.reviewLogs, db.settings, async () =>
		makeBackup(
			{
				decks: await db.decks.toArray(),
				cards: await db.cards.toArray(),
				reviewLogs: await db.reviewLogs.toArray(),
				settings: await db.settings.toArray()
			},
			now
		)
	);
}
