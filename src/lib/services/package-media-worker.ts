// Stores an Anki package's media off the page's thread: the zip is read again from the file and
// each batch of expanded files is written to IndexedDB before the next is read.
import { StudyDb } from '$lib/storage/db';
import type { MediaEntry } from '$lib/transfer/apkg/read-package';
import { writePackageMedia } from './package-media';

interface Job {
	dbName: string;
	deckId: string;
	file: Blob;
	entries: MediaEntry[];
}

self.onmessage = async (event: MessageEvent<Job>) => {
	const { dbName, deckId, file, entries } = event.data;
	const db = new StudyDb(dbName);
	try {
		const result = await writePackageMedia(db, deckId, file, entries, (done, total) =>
			self.postMessage({ progress: [done, total] })
		);
		self.postMessage({ result });
	} catch (e) {
		self.postMessage({ error: e instanceof Error ? e.message : String(e) });
	} finally {
		db.close();
	}
};
