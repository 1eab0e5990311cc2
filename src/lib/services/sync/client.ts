// The page's side of a running sync: the sync itself (PouchDB, about 43 KB gzipped, and the engine)
// runs in the sync worker (`sync-worker.ts`), which this module starts, feeds the page's network
// events and ends. Only `manager.ts` imports it, dynamically, when sync is on: the first screen
// never loads it, and the worker's script is fetched only then.
import type { SyncConfig } from './config';
import { userDbUrl } from './config';
import type { SyncStatus } from './engine';
import type { SyncReply, SyncRequest } from './sync-job';

/** The name of this device's replica of a user's database (one per user). */
const replicaName = (user: string) => `recall-sync-${user}`;

/** What a failed worker shows, after "Sync stopped: ". */
export const WORKER_DID_NOT_LOAD =
	'the sync worker could not be loaded; reload Recall to try again';
export const WORKER_CRASHED =
	'the sync worker stopped unexpectedly; reload Recall to start it again';

/** The part of a `Worker` used (tests pass a fake). */
export interface WorkerLike {
	postMessage(message: SyncRequest): void;
	onmessage: ((event: MessageEvent<SyncReply>) => void) | null;
	onerror: ((event: ErrorEvent) => void) | null;
	terminate(): void;
}

/** Starts a sync worker (its script loads on first use). */
async function spawn(): Promise<WorkerLike> {
	const { default: SyncWorker } = await import('./sync-worker?worker');
	return new SyncWorker() as WorkerLike;
}

export interface RunningSync {
	/** Stops sync; settles once its replications and its last rebuild have ended in the worker. */
	stop(): Promise<void>;
}

/**
 * Starts live sync of this device with the user's database and the joined classes, in a worker:
 * it pushes answers as they are written (the revision counter), and reconnects at once when the
 * page says the browser is back online. Settles once the first push and pull are done; rejects,
 * in words, when the worker fails to load or to start.
 */
export async function runSync(
	config: SyncConfig,
	onStatus: (status: SyncStatus) => void,
	make: () => Promise<WorkerLike> = spawn
): Promise<RunningSync> {
	let worker: WorkerLike;
	try {
		worker = await make();
	} catch {
		throw new Error(WORKER_DID_NOT_LOAD);
	}
	const post = (request: SyncRequest) => worker.postMessage(request);
	let phase: 'starting' | 'running' | 'ended' = 'starting';
	let last: SyncStatus = { state: 'starting', waiting: 0, lastSyncAt: null, refused: [] };
	let ended!: () => void;
	const wound = new Promise<void>((resolve) => (ended = resolve));
	const online = () => post({ kind: 'online' });
	const offline = () => post({ kind: 'offline' });
	addEventListener('online', online);
	addEventListener('offline', offline);
	const end = () => {
		phase = 'ended';
		removeEventListener('online', online);
		removeEventListener('offline', offline);
		worker.terminate();
		ended();
	};
	await new Promise<void>((resolve, reject) => {
		worker.onmessage = ({ data }) => {
			if (data.kind === 'status') {
				last = data.status;
				if (phase !== 'ended') onStatus(data.status);
			} else if (data.kind === 'started') {
				phase = 'running';
				resolve();
			} else if (data.kind === 'stopped') end();
			else if (data.kind === 'failed' && phase === 'starting') {
				end();
				reject(new Error(data.error));
			}
		};
		// A script that did not load, or a worker that crashed: it replicates no more, so its end
		// counts as wound down, and the status says so instead of going on as it was.
		worker.onerror = (event) => {
			event.preventDefault();
			if (phase === 'ended') return;
			const starting = phase === 'starting';
			end();
			if (starting) return reject(new Error(event.message ? WORKER_CRASHED : WORKER_DID_NOT_LOAD));
			onStatus({ ...last, state: 'error', error: WORKER_CRASHED });
		};
		post({
			kind: 'start',
			job: {
				replica: replicaName(config.user),
				remote: userDbUrl(config.server, config.user),
				classes: config.classes,
				device: config.device,
				online: navigator.onLine
			}
		});
	});
	return {
		stop() {
			if (phase !== 'ended') post({ kind: 'stop' });
			return wound;
		}
	};
}

/** Deletes this device's replica of a user's database (sign out), in a worker of its own. */
export async function dropReplica(
	user: string,
	make: () => Promise<WorkerLike> = spawn
): Promise<void> {
	const worker = await make();
	try {
		await new Promise<void>((resolve, reject) => {
			worker.onmessage = ({ data }) => {
				if (data.kind === 'dropped') resolve();
				else if (data.kind === 'failed') reject(new Error(data.error));
			};
			worker.onerror = (event) => {
				event.preventDefault();
				reject(new Error(WORKER_DID_NOT_LOAD));
			};
			worker.postMessage({ kind: 'drop', replica: replicaName(user) });
		});
	} finally {
		worker.terminate();
	}
}
