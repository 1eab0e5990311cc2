import type { SnapshotJob, SnapshotReply } from '$lib/storage/snapshots';

/** Where workers are missing, the same job on this thread, loaded on demand. */
async function onThisThread(job: SnapshotJob): Promise<SnapshotReply> {
	const [{ appDb }, { runSnapshotJob }] = await Promise.all([
		import('./database'),
		import('$lib/storage/snapshots')
	]);
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

/**
 * Today's snapshot once the home screen is idle, at most once per page load. Returns the function
 * that calls it off: leaving home first (to start a review) puts it off to the next visit, so it
 * never runs under a study session.
 */
export function scheduleDailySnapshot(delayMs = 1000): () => void {
	if (taken) return () => undefined;
	let idle: number | undefined;
	const timer = setTimeout(() => {
		const run = () => {
			taken = true;
			void runSnapshot('daily');
		};
		if ('requestIdleCallback' in window) idle = requestIdleCallback(run, { timeout: 5000 });
		else run();
	}, delayMs);
	return () => {
		clearTimeout(timer);
		if (idle !== undefined) cancelIdleCallback(idle);
	};
}
