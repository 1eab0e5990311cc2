// Its own module: the snapshot worker needs these and none of the import code of transfer.ts.
import type { Table } from 'dexie';
import type { StudyDb } from '$lib/storage/db';
import { makeBackup, type Backup } from '$lib/transfer/backup';

/** Everything on this device, as one backup (format in src/lib/transfer/BACKUP.md). */
export async function exportBackup(db: StudyDb, now: Date): Promise<Backup> {
	const tables = [db.decks, db.cards, db.reviewLogs, db.cardActions, db.settings];
	return db.transaction('r', tables, async () =>
		makeBackup(
			{
				decks: await db.decks.toArray(),
				cards: await db.cards.toArray(),
				reviewLogs: await db.reviewLogs.toArray(),
				cardActions: await db.cardActions.toArray(),
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
	pageSize = EXPORT_PAGE,
	/** Takes each piece of text as it is made, instead of `parts` (a snapshot compresses it). */
	onPart?: (part: string) => void
): Promise<BackupFile> {
	const tables = [db.decks, db.cards, db.reviewLogs, db.cardActions, db.settings];
	return db.transaction('r', tables, async () => {
		// Cards, logs and actions are left out of the head and written after it, a page at a time.
		const {
			cards: _,
			reviewLogs: __,
			cardActions: ___,
			settings,
			...head
		} = makeBackup(
			{
				decks: await db.decks.toArray(),
				cards: [],
				reviewLogs: [],
				cardActions: [],
				settings: await db.settings.toArray()
			},
			now
		);
		const parts: string[] = [];
		// Given to `onPart` instead of kept, when there is one: the text is then never held whole.
		const add = onPart ?? ((part: string) => void parts.push(part));
		add(JSON.stringify(head).slice(0, -1));
		// Each table in primary-key order, as `toArray()` gives it, a page after the last key seen.
		async function write<T>(
			name: string,
			table: Table<T, string>,
			keyOf: (row: T) => string
		): Promise<number> {
			add(`,"${name}":[`);
			const page = (after: string | undefined) =>
				(after === undefined ? table.orderBy(':id') : table.where(':id').above(after))
					.limit(pageSize)
					.toArray();
			let count = 0;
			let next = page(undefined);
			for (;;) {
				const rows = await next;
				if (rows.length === 0) break;
				// The next page is read while this one is written out: the disk and the page overlap.
				const more = rows.length === pageSize;
				if (more) next = page(keyOf(rows.at(-1) as T));
				const text = JSON.stringify(rows);
				add(count > 0 ? `,${text.slice(1, -1)}` : text.slice(1, -1));
				count += rows.length;
				if (!more) break;
			}
			add(']');
			return count;
		}
		const cardCount = await write('cards', db.cards, (c) => c.uid);
		const logCount = await write('reviewLogs', db.reviewLogs, (l) => l.id);
		await write('cardActions', db.cardActions, (a) => a.id);
		add(`,"settings":${JSON.stringify(settings)}}`);
		return { parts, decks: head.decks.length, cards: cardCount, logs: logCount };
	});
}
