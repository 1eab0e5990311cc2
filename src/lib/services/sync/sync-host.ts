// The running sync as the sync worker holds it: the engine (in its slot), the push pacer and the
// revision watch, driven by the page's requests. PouchDB and the database come in from the worker
// (`sync-worker.ts`), so tests run it on PouchDB's memory adapter and a fake IndexedDB.
import type { StudyDb } from '$lib/storage/db';
import { watchRevision } from '$lib/storage/revision';
import { createSyncEngine, type SyncEngine } from './engine';
import { createEngineSlot, type EngineSlot } from './engine-slot';
import { createPushPacer, type PacerTimes, type PushPacer } from './push-pacer';
import type { Pouch, PouchFactory } from './pouch';
import type { SyncJob, SyncReply, SyncRequest } from './sync-job';

export interface SyncHostOptions {
	db: StudyDb;
	open: PouchFactory;
	/** Sends a reply to the page. */
	post(reply: SyncReply): void;
	/** An idle moment of this thread (`idleMoment`). */
	idle(): Promise<void>;
	/** Retries' back-off (see `backOff`); tests make it short. */
	backOff?: (delay: number) => number;
	pacer?: PacerTimes;
	/** Calls back at every change of the revision (`watchRevision`; tests move it by hand). */
	watch?: (db: StudyDb, next: () => void) => () => void;
}

/** Retries come quickly at first, then at most every 30 s (PouchDB's default grows to 10 min). */
export const backOff = (delay: number) => (delay === 0 ? 1000 : Math.min(delay * 2, 30_000));

interface Running {
	job: SyncJob;
	local: Pouch;
	slot: EngineSlot<SyncEngine>;
	pacer: PushPacer;
	stopWatching(): void;
	online: boolean;
	stopping?: Promise<void>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Answers the page's requests: one sync per host (a worker), started by `start` and ended by
 * `stop`, whose reply `stopped` comes once its replications have wound down; `drop` deletes a
 * replica no sync uses. `receive` never rejects: what fails is a `failed` reply.
 * @example const host = createSyncHost({ db, open, post: (r) => self.postMessage(r), idle: idleMoment })
 */
export function createSyncHost(options: SyncHostOptions): {
	receive(request: SyncRequest): Promise<void>;
} {
	const { db, open, post } = options;
	let running: Running | undefined;

	/** Stops the sync (once); settles when its engine has wound down and its replica is closed. */
	function stop(run: Running): Promise<void> {
		run.stopping ??= (async () => {
			run.pacer.stop();
			run.stopWatching();
			await run.slot.stop().catch(() => undefined);
			await run.local.close().catch(() => undefined);
		})();
		return run.stopping;
	}

	async function start(job: SyncJob): Promise<void> {
		if (running) return post({ kind: 'failed', error: 'This sync worker runs a sync already.' });
		const local = open(job.replica);
		const remoteOptions = { skip_setup: true };
		const run: Running = {
			job,
			local,
			online: job.online,
			slot: createEngineSlot(() =>
				createSyncEngine({
					db,
					local,
					remote: open(job.remote, remoteOptions),
					classes: job.classes.map((url) => open(url, remoteOptions)),
					device: job.device,
					now: () => new Date(),
					backOff: options.backOff ?? backOff,
					idle: options.idle,
					onStatus: (status) =>
						post({
							kind: 'status',
							status: run.online ? status : { ...status, state: 'offline' }
						})
				})
			),
			// Replaced below, once the slot exists.
			pacer: { changed: () => undefined, stop: () => undefined },
			stopWatching: () => undefined
		};
		running = run;
		// The revision moves with every answer the page writes (Dexie tells this thread through its
		// BroadcastChannel): the push follows once answers are quiet (see `push-pacer.ts`).
		run.pacer = createPushPacer(() => run.slot.push(), options.idle, options.pacer);
		run.stopWatching = (options.watch ?? watchRevision)(db, () => run.pacer.changed());
		try {
			await run.slot.start();
		} catch (error) {
			await stop(run);
			return post({ kind: 'failed', error: message(error) });
		}
		if (!run.online) offline(run);
		post({ kind: 'started' });
	}

	function offline(run: Running) {
		run.online = false;
		post({ kind: 'status', status: { ...run.slot.current.status, state: 'offline' } });
	}

	return {
		async receive(request) {
			try {
				switch (request.kind) {
					case 'start':
						return await start(request.job);
					case 'online':
						// Replication waits out its back-off; coming online is a reason to try at once,
						// with a new engine once the old one has wound down.
						if (!running || running.stopping) return;
						running.online = true;
						return await running.slot.reconnect().catch(() => undefined);
					case 'offline':
						if (running && !running.stopping) offline(running);
						return;
					case 'stop':
						if (running) await stop(running);
						return post({ kind: 'stopped' });
					case 'drop':
						await open(request.replica).destroy();
						return post({ kind: 'dropped' });
				}
			} catch (error) {
				post({ kind: 'failed', error: message(error) });
			}
		}
	};
}
