// The daily snapshot in a Web Worker: reading, serialising and compressing years of answers takes
// seconds on a phone, and the home screen must stay responsive meanwhile.
import { StudyDb } from '$lib/storage/db';
import { isQuotaError } from '$lib/storage/errors';
import { loadSettings } from './settings';
import { takeDailySnapshot } from './snapshots';

self.onmessage = async (event: MessageEvent<{ now: number }>) => {
	const db = new StudyDb();
	try {
		const { dayStartHour } = await loadSettings(db);
		self.postMessage({
			outcome: await takeDailySnapshot(db, new Date(event.data.now), dayStartHour)
		});
	} catch (e) {
		self.postMessage({ error: e instanceof Error ? e.message : String(e), full: isQuotaError(e) });
	} finally {
		db.close();
	}
};
