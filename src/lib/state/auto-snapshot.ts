import type { DailyOutcome } from './snapshots';

export type AutoSnapshotResult =
	DailyOutcome | { taken: false; why: 'failed'; error: string; full: boolean };

type Reply = { outcome: DailyOutcome } | { error: string; full: boolean };

let started: Promise<AutoSnapshotResult> | undefined;

async function inWorker(now: number): Promise<Reply | undefined> {
	if (typeof Worker === 'undefined') return undefined;
	let worker: Worker;
	try {
		const { default: SnapshotWorker } = await import('./snapshot-worker?worker');
		worker = new SnapshotWorker();
	} catch {
		return undefined;
	}
	return new Promise<Reply | undefined>((resolve) => {
		worker.onmessage = (event: MessageEvent<Reply>) => {
			worker.terminate();
			resolve(event.data);
		};
		worker.onerror = (event) => {
			// A worker that cannot load: do the same work on this thread instead.
			event.preventDefault();
			worker.terminate();
			resolve(undefined);
		};
		worker.postMessage({ now });
	});
}

async function onThisThread(now: number): Promise<Reply> {
	const [{ appDb }, { loadSettings }, { takeDailySnapshot }, { isQuotaError }] = await Promise.all([
		import('./database'),
		import('./settings'),
		import('./snapshots'),
		import('$lib/storage/errors')
	]);
	try {
		const db = appDb();
		const { dayStartHour } = await loadSettings(db);
		return { outcome: await takeDailySnapshot(db, new Date(now), dayStartHour) };
	} catch (e) {
		return { error: e instanceof Error ? e.message : String(e), full: isQuotaError(e) };
	}
}

/**
 * Takes today's snapshot of the study data once the page is idle, off the main thread, at most
 * once per page load. It never throws: a snapshot that fails (storage full, say) is reported in
 * the result and tried again on the next open; the study data itself is never touched.
 */
export function autoSnapshot(delayMs = 1000): Promise<AutoSnapshotResult> {
	started ??= new Promise<void>((resolve) => {
		setTimeout(() => {
			if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 5000 });
			else resolve();
		}, delayMs);
	}).then(async () => {
		const now = Date.now();
		const reply = (await inWorker(now)) ?? (await onThisThread(now));
		return 'outcome' in reply
			? reply.outcome
			: { taken: false, why: 'failed', error: reply.error, full: reply.full };
	});
	return started;
}
