import type { StudyDb } from './db';
import type { MediaRow } from './rows';
import { bumpRevision } from './revision';
import { putInSlices } from './sliced-writes';

/** A media file to store for a deck. */
export interface MediaInput {
	name: string;
	type: string;
	blob: Blob;
}

/** The rows that store these files for a deck. */
export function mediaRows(deckId: string, files: readonly MediaInput[]): MediaRow[] {
	return files.map((f) => ({
		deckId,
		name: f.name,
		type: f.type,
		blob: f.blob,
		size: f.blob.size
	}));
}

/**
 * Stores a deck's media, replacing files of the same name (a re-import brings the newer file).
 * One transaction: all of them or none. Written in short slices (a package brings thousands of
 * files), so the page paints between them; `onProgress` hears after each slice.
 */
export async function putDeckMedia(
	db: StudyDb,
	deckId: string,
	files: readonly MediaInput[],
	onProgress?: (done: number, total: number) => void
): Promise<number> {
	if (files.length === 0) return 0;
	const rows = mediaRows(deckId, files);
	await db.transaction('rw', db.media, db.settings, async () => {
		await putInSlices(db.media, rows, onProgress ? { onProgress } : {});
		await bumpRevision(db);
	});
	return rows.length;
}

/** One media file of a deck, or undefined when it is not stored. */
export async function getDeckMedia(
	db: StudyDb,
	deckId: string,
	name: string
): Promise<MediaRow | undefined> {
	return db.media.get([deckId, name]);
}

/** How many media files a deck has stored, and their bytes. */
export async function deckMediaSize(
	db: StudyDb,
	deckId: string
): Promise<{ files: number; bytes: number }> {
	let files = 0;
	let bytes = 0;
	await db.media
		.where('deckId')
		.equals(deckId)
		.each((m) => {
			files++;
			bytes += m.size;
		});
	return { files, bytes };
}

/**
 * Where a studio draft keeps its media: in the media table under a key no deck id can take (deck
 * ids have no `:`), so a draft's pictures never mix with an installed deck's, and no new table or
 * schema version is needed.
 */
export const draftMediaKey = (draftId: string): string => `draft:${draftId}`;

/** The names of the media stored under a deck id or a draft's key. */
export async function mediaNames(db: StudyDb, key: string): Promise<string[]> {
	const keys = await db.media.where('deckId').equals(key).primaryKeys();
	return keys.map(([, name]) => name);
}

/**
 * Stores one media file of a studio draft (replacing one of the same name). Not a change to what
 * is due: other tabs' review queues are left alone.
 */
export async function putDraftMedia(db: StudyDb, draftId: string, file: MediaInput): Promise<void> {
	await db.media.put({
		deckId: draftMediaKey(draftId),
		name: file.name,
		type: file.type,
		blob: file.blob,
		size: file.blob.size
	});
}

/** The stored files of `names` under a key, in that order; names not stored are left out. */
export async function readMedia(
	db: StudyDb,
	key: string,
	names: readonly string[]
): Promise<MediaRow[]> {
	const rows = await db.media.bulkGet(names.map((name) => [key, name] as [string, string]));
	return rows.filter((r): r is MediaRow => r !== undefined);
}

/**
 * Copies the files `names` from one key to another (a draft's media to its installed deck, or
 * back), in one transaction; returns the names that were not there to copy.
 */
export async function copyMedia(
	db: StudyDb,
	from: string,
	to: string,
	names: readonly string[]
): Promise<string[]> {
	return db.transaction('rw', db.media, async () => {
		const unique = [...new Set(names)];
		const rows = await readMedia(db, from, unique);
		await db.media.bulkPut(rows.map((r) => ({ ...r, deckId: to })));
		const found = new Set(rows.map((r) => r.name));
		return unique.filter((n) => !found.has(n));
	});
}

/** Deletes every media file stored under a key (a deleted draft's). */
export async function deleteMediaOf(db: StudyDb, key: string): Promise<void> {
	await db.media.where('deckId').equals(key).delete();
}

/** Every media file stored for a deck (to publish it with the deck). */
export async function listDeckMedia(db: StudyDb, deckId: string): Promise<MediaRow[]> {
	return db.media.where('deckId').equals(deckId).toArray();
}

/**
 * The files to publish with a deck: those stored for the installed deck and, from the studio, the
 * draft's own (`draftKey`), which win over the installed deck's of the same name (the draft is what
 * is being published; a deck never installed has only the draft's).
 */
export async function publishableMedia(
	db: StudyDb,
	deckId: string,
	draftKey?: string
): Promise<MediaRow[]> {
	const installed = await listDeckMedia(db, deckId);
	const drafted = draftKey ? await listDeckMedia(db, draftKey) : [];
	const byName = new Map([...installed, ...drafted].map((row) => [row.name, row]));
	return [...byName.values()];
}

/** The names of the files a deck has stored. */
export async function deckMediaNames(db: StudyDb, deckId: string): Promise<string[]> {
	return (await db.media.where('deckId').equals(deckId).primaryKeys()).map(([, name]) => name);
}

/**
 * Forgets files of a deck that is not installed: left by an import that stopped before its cards
 * went in (a closed tab). Returns how many were dropped; an installed deck's files are kept.
 */
export async function dropUninstalledMedia(db: StudyDb, deckId: string): Promise<number> {
	return db.transaction('rw', db.decks, db.media, async () => {
		if (await db.decks.get(deckId)) return 0;
		return db.media.where('deckId').equals(deckId).delete();
	});
}

/** Deletes these files of a deck (an import's files, when its cards could not be written). */
export async function deleteDeckMedia(
	db: StudyDb,
	deckId: string,
	names: readonly string[]
): Promise<void> {
	if (names.length === 0) return;
	await db.transaction('rw', db.media, db.settings, async () => {
		await db.media.bulkDelete(names.map((name) => [deckId, name] as [string, string]));
		await bumpRevision(db);
	});
}
