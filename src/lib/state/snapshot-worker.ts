// Snapshots in a Web Worker: reading, serialising and compressing years of answers takes seconds on
// a phone, and the page must stay responsive meanwhile.
import { StudyDb } from '$lib/storage/db';
import { isQuotaError } from '$lib/storage/errors';
import { loadSettings } from './settings';
import { takeDailySnapshot, takeSnapshot } from './snapshots';
import type { SnapshotJob, SnapshotReply } from './auto-snapshot';

self.onmessage = async (event: MessageEvent<SnapshotJob>) => {
	const { kind, now } = event.data;
	const db = new StudyDb();
	let reply: SnapshotReply;
	try {
		const { dayStartHour } = await loadSettings(db);
		reply =
			kind === 'daily'
				? await takeDailySnapshot(db, new Date(now), dayStartHour)
				: { taken: true, snapshot: await takeSnapshot(db, new Date(now), 'manual', dayStartHour) };
	} catch (e) {
		reply = {
			taken: false,
			why: 'failed',
			error: e instanceof Error ? e.message : String(e),
			full: isQuotaError(e)
		};
	} finally {
		db.close();
	}
	self.postMessage(reply);
};
