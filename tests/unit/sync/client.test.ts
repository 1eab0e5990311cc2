import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	dropReplica,
	runSync,
	WORKER_CRASHED,
	WORKER_DID_NOT_LOAD,
	type WorkerLike
} from '$lib/services/sync/client';
import type { SyncStatus } from '$lib/services/sync/engine';
import type { SyncReply, SyncRequest } from '$lib/services/sync/sync-job';

// The page's side of sync in a worker (issue 17): what it asks the worker, what it shows, and when
// a stop counts as done. The worker is a fake that answers as the test says.

class FakeWorker implements WorkerLike {
	sent: SyncRequest[] = [];
	terminated = false;
	onmessage: ((event: MessageEvent<SyncReply>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	postMessage(message: SyncRequest) {
		this.sent.push(message);
	}
	terminate() {
		this.terminated = true;
	}
	reply(data: SyncReply) {
		this.onmessage?.({ data } as MessageEvent<SyncReply>);
	}
	fail(message = '') {
		this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
	}
	kinds = () => this.sent.map((m) => m.kind);
}

const config = { server: 'https://couch.test', user: 'mia', device: 'phone-0001', classes: [] };
const synced: SyncStatus = { state: 'synced', waiting: 0, lastSyncAt: 1, refused: [] };
const tick = () => new Promise((r) => setTimeout(r, 0));

let page: EventTarget;
beforeEach(() => {
	page = new EventTarget();
	vi.stubGlobal('addEventListener', page.addEventListener.bind(page));
	vi.stubGlobal('removeEventListener', page.removeEventListener.bind(page));
	vi.stubGlobal('navigator', { onLine: true });
});
afterEach(() => vi.unstubAllGlobals());

/** Starts a sync on a fake worker and lets it answer `started`. */
async function started() {
	const worker = new FakeWorker();
	const shown: SyncStatus[] = [];
	const running = runSync(
		config,
		(s) => shown.push(s),
		async () => worker
	);
	await tick();
	worker.reply({ kind: 'status', status: synced });
	worker.reply({ kind: 'started' });
	return { worker, shown, sync: await running };
}

describe('sync in a worker, from the page', () => {
	it("asks the worker to start the user's sync and shows the statuses it sends", async () => {
		const { worker, shown } = await started();
		expect(worker.sent[0]).toEqual({
			kind: 'start',
			job: {
				replica: 'recall-sync-mia',
				remote: 'https://couch.test/userdb-6d6961',
				classes: [],
				device: 'phone-0001',
				online: true
			}
		});
		expect(shown).toEqual([synced]);
	});

	it("passes the page's online and offline events on, until it stops", async () => {
		const { worker, sync } = await started();
		page.dispatchEvent(new Event('offline'));
		page.dispatchEvent(new Event('online'));
		expect(worker.kinds()).toEqual(['start', 'offline', 'online']);
		const stopping = sync.stop();
		worker.reply({ kind: 'stopped' });
		await stopping;
		page.dispatchEvent(new Event('online'));
		expect(worker.kinds()).toEqual(['start', 'offline', 'online', 'stop']);
	});

	it('a stop settles only once the worker says its replication wound down, then ends it', async () => {
		const { worker, sync } = await started();
		let done = false;
		const stopping = sync.stop().then(() => (done = true));
		await tick();
		expect(worker.kinds().at(-1)).toBe('stop');
		expect(done).toBe(false);
		expect(worker.terminated).toBe(false);
		worker.reply({ kind: 'stopped' });
		await stopping;
		expect(worker.terminated).toBe(true);
	});

	it('a worker whose script does not load fails the start in words, not left "starting"', async () => {
		const worker = new FakeWorker();
		const running = runSync(
			config,
			() => undefined,
			async () => worker
		);
		await tick();
		worker.fail();
		await expect(running).rejects.toThrow(WORKER_DID_NOT_LOAD);
		expect(worker.terminated).toBe(true);
		await expect(
			runSync(
				config,
				() => undefined,
				() => Promise.reject(new Error('chunk failed'))
			)
		).rejects.toThrow(WORKER_DID_NOT_LOAD);
	});

	it('a start the worker could not make shows its reason', async () => {
		const worker = new FakeWorker();
		const running = runSync(
			config,
			() => undefined,
			async () => worker
		);
		await tick();
		worker.reply({ kind: 'failed', error: 'The database was not found on the server.' });
		await expect(running).rejects.toThrow('The database was not found on the server.');
		expect(worker.terminated).toBe(true);
	});

	it('a worker that crashes while syncing shows an error, and a stop then waits for nothing', async () => {
		const { worker, shown, sync } = await started();
		worker.fail('Uncaught RangeError: out of memory');
		expect(shown.at(-1)).toEqual({ ...synced, state: 'error', error: WORKER_CRASHED });
		expect(worker.terminated).toBe(true);
		await sync.stop();
		expect(worker.kinds()).toEqual(['start']);
	});

	it('deletes a replica in a worker of its own, ended after', async () => {
		const worker = new FakeWorker();
		const dropping = dropReplica('mia', async () => worker);
		await tick();
		expect(worker.sent).toEqual([{ kind: 'drop', replica: 'recall-sync-mia' }]);
		worker.reply({ kind: 'dropped' });
		await dropping;
		expect(worker.terminated).toBe(true);
	});
});
