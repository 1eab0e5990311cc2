// One replication per device however many tabs are open: the tab holding a Web Lock runs it, the
// others wait in the lock's queue and show the status it sends over a BroadcastChannel. A tab
// that closes (or crashes) loses the lock with it, so the next one in the queue takes over.
// Pure of Svelte and the browser: the lock and the channel are passed in, so tests use fakes.
import type { SyncStatus } from './engine';

/**
 * The part of `navigator.locks` used: exclusive requests, held until the callback settles. An
 * aborted `signal` takes a request out of the queue before it is granted (the promise rejects).
 */
export interface LockLike {
	request(
		name: string,
		options: { signal?: AbortSignal },
		callback: () => Promise<void>
	): Promise<unknown>;
}

/** The part of a BroadcastChannel used. */
export interface ChannelLike {
	postMessage(message: LeaderMessage): void;
	onmessage: ((event: { data: LeaderMessage }) => void) | null;
}

/**
 * What tabs tell each other: the running tab's status; a new tab asking for it; a tab that
 * signed in, out or joined a class (the others read the settings again).
 */
export type LeaderMessage =
	{ kind: 'status'; status: SyncStatus } | { kind: 'ask' } | { kind: 'changed' };

/** A running replication (`runSync`'s result). */
export interface Runner {
	/** Stops it; what it returns settles once its last requests and writes have ended. */
	stop(): void | Promise<void>;
}

export interface LeaderOptions<C> {
	/** `navigator.locks`; without it (an old browser) every tab runs its own sync. */
	locks: LockLike | undefined;
	channel: ChannelLike | undefined;
	/** The sync settings now: read when this tab gets the lock, so it runs what is current. */
	config(): Promise<C | undefined>;
	/** Starts replication here; its statuses go to `onStatus`. */
	run(config: C, onStatus: (status: SyncStatus) => void): Promise<Runner>;
	/** Shows a status: this tab's, or the running tab's. */
	show(status: SyncStatus): void;
	/** This tab got the lock and starts replication. */
	starting(): void;
	/** Another tab runs sync and has sent no status yet. */
	elsewhere(): void;
	/** The settings say sync is off (signed out in another tab). */
	off(): void;
	/** Starting failed (the sync code could not load): the sentence to show. */
	failed(message: string): void;
	/** Another tab changed the sync settings. */
	changed?(): void;
}

export interface SyncLeader {
	/** Runs sync in this tab when it gets the lock; until then shows the running tab's status. */
	start(): void;
	/** Stops this tab's sync (or its wait for the lock); the lock goes once replication stopped. */
	stop(): void;
	/** Tells the other tabs the settings changed. */
	announce(): void;
	/**
	 * Runs `job` holding the sync lock: once the replication running in any tab has stopped and
	 * wound down, and before any tab starts one. Sign-out deletes the replica this way. With
	 * `waitMs`, gives up when the lock has not come by then: rejects with `SyncBusyError` and
	 * `job` never runs.
	 */
	exclusive<T>(job: () => Promise<T>, options?: { waitMs?: number }): Promise<T>;
	/** This tab runs (or is starting) the replication. */
	readonly leading: boolean;
	/** This tab waits for the lock. */
	readonly queued: boolean;
}

export const SYNC_LOCK = 'recall-sync';

/** The sync lock did not come in time: a replication (here or in another tab) is still running. */
export class SyncBusyError extends Error {
	constructor(waitMs: number) {
		super(`The sync lock did not come within ${waitMs} ms.`);
		this.name = 'SyncBusyError';
	}
}

/** Stops a replication and waits for it to wind down; a failure to stop counts as stopped. */
const windDown = (runner: Runner) =>
	Promise.resolve()
		.then(() => runner.stop())
		.catch(() => undefined);

/**
 * The start/stop state machine of sync in one tab.
 * @example const leader = createSyncLeader({ locks: navigator.locks, channel, config, run, … })
 */
export function createSyncLeader<C>(options: LeaderOptions<C>): SyncLeader {
	const { locks, channel } = options;
	/** Moves on at every stop: a start still waiting for the lock or for `run` then stands down. */
	let generation = 0;
	let queued = false;
	/** Ends this tab's hold of the lock (set while it holds it). */
	let release: (() => void) | undefined;
	let running: Runner | undefined;
	/**
	 * Settles once the replication this tab stopped last has wound down. The lock orders tabs; this
	 * orders one tab's own restarts (without Web Locks nothing else would), so a new replication
	 * never starts beside the one still ending.
	 */
	let stopping: Promise<void> = Promise.resolve();
	/** Adds to what `stopping` waits for. */
	const alsoWaitFor = (ending: Promise<void>) => {
		stopping = Promise.all([stopping, ending]).then(() => undefined);
	};
	let last: SyncStatus | undefined;

	if (channel)
		channel.onmessage = ({ data }) => {
			if (data.kind === 'status' && !release) options.show(data.status);
			else if (data.kind === 'ask' && release && last)
				channel.postMessage({ kind: 'status', status: last });
			else if (data.kind === 'changed') options.changed?.();
		};

	const report = (status: SyncStatus) => {
		last = status;
		options.show(status);
		channel?.postMessage({ kind: 'status', status });
	};

	/** Runs sync while this tab holds the lock; resolves (giving the lock up) once it stopped. */
	async function lead(mine: number, done: () => void): Promise<void> {
		release = done;
		const before = stopping;
		// A start stopped halfway winds its replication down itself: the next start waits for that.
		let started!: () => void;
		alsoWaitFor(new Promise<void>((resolve) => (started = resolve)));
		try {
			await before;
			await begin(mine, done);
		} finally {
			started();
		}
	}

	async function begin(mine: number, done: () => void): Promise<void> {
		const config = await options.config();
		if (mine !== generation) return done();
		if (!config) {
			options.off();
			return done();
		}
		options.starting();
		let runner: Runner;
		try {
			runner = await options.run(config, report);
		} catch (error) {
			options.failed(error instanceof Error ? error.message : String(error));
			// Keeps the lock until stopped: another tab would fail the same way.
			runner = { stop: () => undefined };
		}
		// Stopped while it started: stop it, and only then let the next one run.
		if (mine !== generation) {
			await windDown(runner);
			return done();
		}
		running = runner;
	}

	function stop() {
		generation++;
		queued = false;
		last = undefined;
		const runner = running;
		running = undefined;
		if (runner) {
			// The lock goes once the replication has wound down: the next holder (a tab taking
			// over, or a sign-out deleting the replica) never meets its last writes.
			const done = release;
			release = undefined;
			const ending = windDown(runner);
			alsoWaitFor(ending);
			void ending.then(() => done?.());
		} else if (release) {
			// Starting: `lead` stops what it started and gives the lock up itself.
			release = undefined;
		}
	}

	return {
		get leading() {
			return release !== undefined;
		},
		get queued() {
			return queued;
		},
		stop,
		announce() {
			channel?.postMessage({ kind: 'changed' });
		},
		async exclusive<T>(job: () => Promise<T>, { waitMs }: { waitMs?: number } = {}): Promise<T> {
			// Without Web Locks this tab's own replication is the only one to wait for.
			if (!locks) return stopping.then(job);
			const abort = new AbortController();
			const timer = waitMs === undefined ? undefined : setTimeout(() => abort.abort(), waitMs);
			let result: { value: T } | undefined;
			try {
				await locks.request(SYNC_LOCK, { signal: abort.signal }, async () => {
					clearTimeout(timer);
					result = { value: await job() };
				});
			} catch (error) {
				if (abort.signal.aborted) throw new SyncBusyError(waitMs ?? 0);
				throw error;
			} finally {
				clearTimeout(timer);
			}
			return (result as { value: T }).value;
		},
		start() {
			if (release || queued) return;
			const mine = generation;
			if (!locks) {
				void lead(mine, () => (release = undefined));
				return;
			}
			queued = true;
			options.elsewhere();
			channel?.postMessage({ kind: 'ask' });
			void locks.request(SYNC_LOCK, {}, () => {
				// Stopped while waiting: give the lock to whoever comes next.
				if (mine !== generation) return Promise.resolve();
				queued = false;
				return new Promise<void>((resolve) => {
					void lead(mine, () => {
						if (mine === generation) release = undefined;
						resolve();
					});
				});
			});
		}
	};
}
