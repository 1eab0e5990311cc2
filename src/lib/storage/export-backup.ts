// Its own module: the snapshot worker needs these and none of the import code of transfer.ts.
import type { Table } from 'dexie';
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

/** Rows read (and written out) at a time when making a backup file. */
const EXPORT_PAGE = 2000;

export interface BackupFile {
	/** The file's text in pieces, for a Blob: `parts.join('')` is the backup's JSON. */
	parts: string[];
	decks: number;
	cards: number;
	logs: number;
}

/**
 * The backup file of everything on this device: the same text as `JSON.stringify(await
 * exportBackup(db, now))`, made page by page inside one read transaction. A large collection (50,000
 * cards and 300,000 answers make a 130 MB file) is then never held as every row at once plus one
 * giant string, whose cost grew faster than the collection on a slow phone.
 */
export async function exportBackupFile(
	db: StudyDb,
	now: Date,
	pageSize = EXPORT_PAGE
): Promise<BackupFile> {
	return db.transaction('r', db.decks, db.cards, db.reviewLogs, db.settings, async () => {
		// Cards and logs are left out of the head and written after it, a page at a time.
		const {
			cards: _,
			reviewLogs: __,
			settings,
			...head
		} = makeBackup(
			{
				decks: await db.decks.toArray(),
				cards: [],
				reviewLogs: [],
				settings: await db.settings.toArray()
			},
			now
		);
		const parts = [JSON.stringify(head).slice(0, -1)];
		// Each table in primary-key order, as `toArray()` gives it, a page after the last key seen.
		async function write<T>(
			name: string,
			table: Table<T, string>,
			keyOf: (row: T) => string
		): Promise<number> {
			parts.push(`,"${name}":[`);
			let count = 0;
			let last: string | undefined;
			for (;;) {
				const rows = await (
					last === undefined ? table.orderBy(':id') : table.where(':id').above(last)
				)
					.limit(pageSize)
					.toArray();
				if (rows.length === 0) break;
				const text = JSON.stringify(rows);
				parts.push(count > 0 ? `,${text.slice(1, -1)}` : text.slice(1, -1));
				count += rows.length;
				last = keyOf(rows.at(-1) as T);
				if (rows.length < pageSize) break;
			}
			parts.push(']');
			return count;
		}
		const cardCount = await write('cards', db.cards, (c) => c.uid);
		const logCount = await write('reviewLogs', db.reviewLogs, (l) => l.id);
		parts.push(`,"settings":${JSON.stringify(settings)}}`);
		return { parts, decks: head.decks.length, cards: cardCount, logs: logCount };
	});
}
