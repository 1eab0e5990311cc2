// Light on purpose (no zod): the data page builds a backup without loading the checker.
import type { CardActionRow, CardRow, DeckRow, ReviewLogRow, SettingRow } from '$lib/storage/rows';

/** The format name and version written into every backup; see BACKUP.md beside this file. */
export const BACKUP_FORMAT = 'recall-backup';
export const BACKUP_VERSION = 1;

/**
 * Settings that belong to this device and are never exported (the cross-tab revision counter; the
 * deck trees home keeps, `SUBDECK_TREES` in storage/deck-tree.ts; the collection's mark,
 * `COLLECTION_MARK` in storage/collection-mark.ts).
 */
export const LOCAL_SETTINGS: ReadonlySet<string> = new Set([
	'revision',
	'sync',
	'syncCursor',
	'syncReplay',
	'subdeckTrees',
	'collectionMark'
]);

/** A backup file: everything needed to restore or merge one device's study data. */
export interface Backup {
	format: typeof BACKUP_FORMAT;
	version: typeof BACKUP_VERSION;
	/** When the backup was made, as an ISO date and time. */
	exportedAt: string;
	app?: string;
	decks: DeckRow[];
	cards: CardRow[];
	reviewLogs: ReviewLogRow[];
	/** Suspend, unsuspend and bury as events (absent in backups made before they were kept). */
	cardActions?: CardActionRow[];
	settings: SettingRow[];
}

/**
 * The backup of a device's data. Rows go in as stored; the `revision` setting stays behind.
 * @example makeBackup({ decks, cards, reviewLogs, cardActions, settings }, new Date())
 */
export function makeBackup(
	data: Pick<Backup, 'decks' | 'cards' | 'reviewLogs' | 'cardActions' | 'settings'>,
	now: Date
): Backup {
	return {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		exportedAt: now.toISOString(),
		app: 'Recall',
		decks: data.decks,
		cards: data.cards,
		reviewLogs: data.reviewLogs,
		cardActions: data.cardActions ?? [],
		settings: data.settings.filter((s) => !LOCAL_SETTINGS.has(s.key))
	};
}

/** "recall-backup-2026-11-26.json": the day in the name, so backups sort by date. */
export function backupFileName(now: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `recall-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
