import type { SnapshotJob, SnapshotReply } from '$lib/storage/snapshots';
import { noDailySnapshot } from '$lib/storage/snapshot-due';
import { loadSettings } from '$lib/storage/study-settings';
import { appDb } from './database';
import { whenSettled } from './idle';

/** Where workers are missing, the same job on this thread, loaded on demand. */
async function onThisThread(job: SnapshotJob): Promise<SnapshotReply> {
	const { runSnapshotJob } = await import('$lib/storage/snapshots');
	return runSnapshotJob(appDb(), job);
}

/**
 * Takes a snapshot off the main thread. Never throws: a failure (storage full, say) is in the
 * reply, and the study data is never touched by it. A worker that crashes (out of memory on a
 * small phone) is not retried on the page's own thread, where it would freeze the screen.
 */
export async function runSnapshot(
	kind: SnapshotJob['kind'],
	label?: string
): Promise<SnapshotReply> {
	const job: SnapshotJob = { kind, now: Date.now(), ...(label ? { label } : {}) };
	if (typeof Worker === 'undefined') return onThisThread(job);
	let worker: Worker;
	try {
		const { default: SnapshotWorker } = await import('./snapshot-worker?worker');
		worker = new SnapshotWorker();
	} catch {
		return onThisThread(job);
	}
	return new Promise<SnapshotReply>((resolve) => {
		worker.onmessage = (event: MessageEvent<SnapshotReply>) => {
			worker.terminate();
			resolve(event.data);
		};
		worker.onerror = (event) => {
			event.preventDefault();
			worker.terminate();
			resolve({
				taken: false,
				why: 'failed',
				error: event.message || 'The snapshot worker stopped',
				full: false
			});
		};
		worker.postMessage(job);
	});
}

let taken = false;

/** After the page's load, this long and an idle moment: the snapshot never competes with loading. */
export const SNAPSHOT_DELAY_MS = 3000;

/**
 * Today's snapshot once the home screen has loaded and is idle, at most once per page load. The
 * worker starts only when a snapshot may be due: never on a first visit (no answers to keep) nor
 * on a second open the same day. Returns the function that calls it off: leaving home first (to
 * start a review) puts it off to the next visit, so it never runs under a study session.
 */
export function scheduleDailySnapshot(delayMs = SNAPSHOT_DELAY_MS): () => void {
	if (taken) return () => undefined;
	let cancelled = false;
	const stop = whenSettled(() => {
		taken = true;
		void (async () => {
			const db = appDb();
			const { dayStartHour } = await loadSettings(db);
			if (cancelled || (await noDailySnapshot(db, new Date(), dayStartHour))) return;
			await runSnapshot('daily');
		})().catch(() => undefined); // the next open tries again
	}, delayMs);
	return () => {
		cancelled = true;
		stop();
	};
}
