// Snapshots in a Web Worker: reading, serialising and compressing years of answers takes seconds on
// a phone, and the page must stay responsive meanwhile.
import { StudyDb } from '$lib/storage/db';
import { runSnapshotJob, type SnapshotJob } from '$lib/storage/snapshots';

self.onmessage = async (event: MessageEvent<SnapshotJob>) => {
	const db = new StudyDb();
	try {
		self.postMessage(await runSnapshotJob(db, event.data));
	} finally {
		db.close();
	}
};
