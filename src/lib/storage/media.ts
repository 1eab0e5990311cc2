import type { StudyDb } from './db';
import type { MediaRow } from './rows';
import { bumpRevision } from './revision';

/** A media file to store for a deck. */
export interface MediaInput {
	name: string;
	type: string;
	blob: Blob;
}

/**
 * Stores a deck's media, replacing files of the same name (a re-import brings the newer file).
 * One transaction: all of them or none.
 */
export async function putDeckMedia(
	db: StudyDb,
	deckId: string,
	files: readonly MediaInput[]
): Promise<number> {
	if (files.length === 0) return 0;
	const rows: MediaRow[] = files.map((f) => ({
		deckId,
		name: f.name,
		type: f.type,
		blob: f.blob,
		size: f.blob.size
	}));
	await db.transaction('rw', db.media, db.settings, async () => {
		await db.media.bulkPut(rows);
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

/** Every media file stored for a deck (to publish it with the deck). */
export async function listDeckMedia(db: StudyDb, deckId: string): Promise<MediaRow[]> {
	return db.media.where('deckId').equals(deckId).toArray();
}
