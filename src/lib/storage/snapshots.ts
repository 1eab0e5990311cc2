import type { StudyDb } from '$lib/storage/db';
import type { SnapshotReason, SnapshotRow } from '$lib/storage/rows';
import { bumpRevision } from '$lib/storage/revision';
import { isQuotaError } from '$lib/storage/errors';
import { studyDayKey, studyDayStart } from '$lib/scheduler/day';
import { LOCAL_SETTINGS } from '$lib/transfer/backup';
import type { BackupResult } from '$lib/transfer/backup-format';
import { exportBackupFile, type BackupFile } from './export-backup';
import { stampsOf } from './card-actions';
import { loadSettings } from './study-settings';
import { fingerprint, noDailySnapshot } from './snapshot-due';
import { putInSlices } from './sliced-writes';

/** Snapshots are kept this long; the newest one is always kept, however old. */
export const SNAPSHOT_DAYS = 7;
/** At most this many, whatever their age: a learner pressing "Take a snapshot" cannot fill the disk. */
export const MAX_SNAPSHOTS = 12;
/**
 * Settings that describe this device rather than the study data: a restore leaves them as they
 * are (the revision counter, the last backup file, persistence asked, the theme).
 */
const DEVICE_SETTINGS: ReadonlySet<string> = new Set([
	...LOCAL_SETTINGS,
	'lastBackupAt',
	'persistence',
	'appearance'
]);

/**
 * The backup file as stored in a snapshot: gzipped piece by piece while it is made (a phone never
 * joins the text of years of answers into one string, and the compressor works while the next page
 * is read), or plain text where the browser cannot compress.
 */
async function encodeBackup(
	db: StudyDb,
	now: Date
): Promise<{ file: BackupFile; data: Uint8Array | string; rawBytes: number }> {
	const encoder = new TextEncoder();
	if (typeof CompressionStream === 'undefined') {
		const file = await exportBackupFile(db, now);
		const text = file.parts.join('');
		return { file, data: text, rawBytes: encoder.encode(text).byteLength };
	}
	const gzip = new CompressionStream('gzip');
	const compressed = new Response(gzip.readable).arrayBuffer();
	const writer = gzip.writable.getWriter();
	let rawBytes = 0;
	// Not awaited inside the read transaction (a wait on anything but IndexedDB would end it): the
	// stream queues the pieces, and a failure shows when the writer is closed.
	const file = await exportBackupFile(db, now, undefined, (part) => {
		const bytes = encoder.encode(part);
		rawBytes += bytes.byteLength;
		writer.write(bytes).catch(() => undefined);
	});
	await writer.close();
	return { file, data: new Uint8Array(await compressed), rawBytes };
}

async function gunzip(data: Uint8Array): Promise<string> {
	const stream = new Blob([data as Uint8Array<ArrayBuffer>])
		.stream()
		.pipeThrough(new DecompressionStream('gzip'));
	return new Response(stream).text();
}

/** The snapshots on this device, newest first (their data is not read). */
export async function listSnapshots(db: StudyDb): Promise<SnapshotRow[]> {
	return (await db.snapshots.orderBy('createdAt').reverse().toArray()).filter(
		(s) => s.id !== undefined
	);
}

/**
 * Drops snapshots from before the last seven study days (keeping the newest, however old) and any
 * past the twelfth. Returns how many it dropped.
 */
export async function pruneSnapshots(db: StudyDb, now: Date, dayStartHour = 4): Promise<number> {
	return db.transaction('rw', db.snapshots, db.snapshotData, async () => {
		const all = await db.snapshots.orderBy('createdAt').reverse().toArray();
		const first = studyDayStart(now, dayStartHour);
		first.setDate(first.getDate() - (SNAPSHOT_DAYS - 1));
		const cutoff = first.getTime();
		const drop = all
			.filter((s, i) => i > 0 && (i >= MAX_SNAPSHOTS || s.createdAt < cutoff))
			.map((s) => s.id!);
		await db.snapshots.bulkDelete(drop);
		await db.snapshotData.bulkDelete(drop);
		return drop.length;
	});
}

/**
 * Stores a snapshot of all study data (the backup format, gzipped), then prunes old ones. The
 * data is read in one transaction, so the snapshot is one moment of the collection; meta and data
 * are written in another, so a snapshot is whole or absent. When storage is full the oldest
 * snapshots are dropped to make room, once; if it still does not fit, the error is thrown.
 */
export async function takeSnapshot(
	db: StudyDb,
	now: Date,
	reason: SnapshotReason,
	dayStartHour = 4,
	label?: string
): Promise<SnapshotRow> {
	const { value } = await fingerprint(db);
	const { file, data, rawBytes } = await encodeBackup(db, now);
	const compress = typeof data !== 'string';
	const meta: SnapshotRow = {
		createdAt: now.getTime(),
		day: studyDayKey(now, dayStartHour),
		reason,
		...(label ? { label } : {}),
		decks: file.decks,
		cards: file.cards,
		logs: file.logs,
		bytes: typeof data === 'string' ? rawBytes : data.byteLength,
		rawBytes,
		fingerprint: value
	};
	const write = () =>
		db.transaction('rw', db.snapshots, db.snapshotData, async () => {
			const id = await db.snapshots.add(meta);
			await db.snapshotData.add({ id, gzip: compress, data });
			return { ...meta, id };
		});
	let row: SnapshotRow;
	try {
		row = await write();
	} catch (e) {
		if (!isQuotaError(e)) throw e;
		const oldest = (await db.snapshots.orderBy('createdAt').toArray()).map((s) => s.id!);
		if (oldest.length === 0) throw e;
		await db.transaction('rw', db.snapshots, db.snapshotData, async () => {
			await db.snapshots.bulkDelete(oldest);
			await db.snapshotData.bulkDelete(oldest);
		});
		row = await write();
	}
	await pruneSnapshots(db, now, dayStartHour);
	return row;
}

export type DailyOutcome =
	| { taken: true; snapshot: SnapshotRow }
	| { taken: false; why: 'no-answers' | 'already-today' | 'unchanged' };

/**
 * The once-a-day snapshot, taken on the first open of each study day when there is something to
 * keep: answers, and a change since the newest snapshot.
 */
export async function takeDailySnapshot(
	db: StudyDb,
	now: Date,
	dayStartHour = 4
): Promise<DailyOutcome> {
	const why = await noDailySnapshot(db, now, dayStartHour);
	if (why) return { taken: false, why };
	const current = await fingerprint(db);
	const newest = await db.snapshots.orderBy('createdAt').last();
	if (newest?.fingerprint === current.value) {
		await pruneSnapshots(db, now, dayStartHour);
		return { taken: false, why: 'unchanged' };
	}
	return { taken: true, snapshot: await takeSnapshot(db, now, 'daily', dayStartHour) };
}

/** The snapshot's data as text: the backup file it holds. */
export async function snapshotText(db: StudyDb, id: number): Promise<string> {
	const row = await db.snapshotData.get(id);
	if (!row) throw new Error('This snapshot is no longer on this device.');
	return row.gzip ? gunzip(row.data as Uint8Array) : (row.data as string);
}

export interface RestoreReport {
	decks: number;
	cards: number;
	logs: number;
	/** The snapshot of the data as it was just before the restore, to go back to. */
	before: SnapshotRow;
}

/**
 * Puts the study data back as it was in a checked snapshot: decks, cards, answers and study
 * settings are replaced in one transaction (all or nothing), after a snapshot of the current data
 * is taken so the restore itself can be undone. Device settings (theme, backup date) stay.
 * `check` parses and validates the text: the backup checker, which the caller loads (in a worker).
 */
export async function restoreSnapshot(
	db: StudyDb,
	id: number,
	now: Date,
	check: (text: string) => Promise<BackupResult>
): Promise<RestoreReport> {
	const checked = await check(await snapshotText(db, id));
	if (!checked.ok) {
		const first = checked.errors
			.slice(0, 3)
			.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
		throw new Error(`This snapshot cannot be restored: ${first.join('; ')}`);
	}
	const { backup } = checked;
	// Nothing changed since the newest snapshot: it already holds the data as it is now.
	const newest = await db.snapshots.orderBy('createdAt').last();
	const before =
		newest && newest.id !== id && newest.fingerprint === (await fingerprint(db)).value
			? newest
			: await takeSnapshot(db, now, 'before-restore');
	const actions = backup.cardActions;
	// A card's flags come with the stamps of the actions that set them (older backups hold none:
	// then this device's actions stay as they are).
	const stamps = stampsOf(actions ?? []);
	const cards = backup.cards.map((c) =>
		stamps.has(c.uid) ? { ...c, stamps: stamps.get(c.uid) } : c
	);
	const tables = [db.decks, db.cards, db.reviewLogs, db.cardActions, db.settings];
	await db.transaction('rw', tables, async () => {
		await Promise.all([db.decks.clear(), db.cards.clear(), db.reviewLogs.clear()]);
		if (actions) {
			await db.cardActions.clear();
			await db.cardActions.bulkAdd(actions);
		}
		const study = (await db.settings.toCollection().primaryKeys()).filter(
			(key) => !DEVICE_SETTINGS.has(key)
		);
		await db.settings.bulkDelete(study);
		await db.decks.bulkAdd(backup.decks);
		// Still one transaction, written in slices: the page paints while 300,000 rows go in, and
		// with two slices in flight the disk never waits for the page.
		const slices = { budgetMs: 12, maxSlice: 5000, minSlice: 1000, inFlight: 2 };
		await putInSlices(db.cards, cards, slices);
		await putInSlices(db.reviewLogs, backup.reviewLogs, slices);
		await db.settings.bulkPut(backup.settings.filter((s) => !DEVICE_SETTINGS.has(s.key)));
		await bumpRevision(db);
	});
	return {
		decks: backup.decks.length,
		cards: backup.cards.length,
		logs: backup.reviewLogs.length,
		before
	};
}

/**
 * What the snapshot worker is asked: the day's snapshot (when due), or one now, taken by the
 * learner or just before a deck is deleted (`label` names the deck).
 */
export interface SnapshotJob {
	kind: 'daily' | 'manual' | 'before-delete';
	now: number;
	label?: string;
}

export type SnapshotReply =
	DailyOutcome | { taken: false; why: 'failed'; error: string; full: boolean };

/**
 * Does one snapshot job with the learner's study-day start: in the worker, or in place where there
 * are no workers. Never throws: a failure (storage full, say) is in the reply.
 */
export async function runSnapshotJob(db: StudyDb, job: SnapshotJob): Promise<SnapshotReply> {
	try {
		const now = new Date(job.now);
		const { dayStartHour } = await loadSettings(db);
		if (job.kind === 'daily') return await takeDailySnapshot(db, now, dayStartHour);
		const snapshot = await takeSnapshot(db, now, job.kind, dayStartHour, job.label);
		return { taken: true, snapshot };
	} catch (e) {
		const error = e instanceof Error ? e.message : String(e);
		return { taken: false, why: 'failed', error, full: isQuotaError(e) };
	}
}
