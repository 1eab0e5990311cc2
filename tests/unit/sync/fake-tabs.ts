import type { SyncStatus } from '$lib/services/sync/engine';
import {
	createSyncLeader,
	type ChannelLike,
	type LeaderMessage,
	type LockLike,
	type SyncLeader
} from '$lib/services/sync/leader';
import { signOutDevice } from '$lib/services/sync/sign-out';

// Several tabs of one device, each with its own `createSyncLeader`, sharing a fake Web Lock (held
// until the callback's promise settles, granted in request order, dropped when its tab closes) and
// a fake BroadcastChannel. The replication is a fake too: the test counts how many run at once.

interface Waiter {
	tab: number;
	callback: () => Promise<void>;
	done: () => void;
}

export class FakeLocks {
	queue: Waiter[] = [];
	held: Waiter | undefined;
	for(tab: number): LockLike {
		return {
			request: (_name, { signal }, callback) =>
				new Promise<void>((done, refuse) => {
					const waiter = { tab, callback, done };
					// As the browser: an abort takes a request that was not granted out of the queue.
					signal?.addEventListener('abort', () => {
						if (!this.queue.includes(waiter)) return;
						this.queue = this.queue.filter((w) => w !== waiter);
						refuse(signal.reason);
					});
					this.queue.push(waiter);
					this.next();
				})
		};
	}
	/** The browser frees a closed tab's lock and forgets its requests. */
	close(tab: number) {
		this.queue = this.queue.filter((w) => w.tab !== tab);
		if (this.held?.tab === tab) {
			this.held = undefined;
			this.next();
		}
	}
	private next() {
		if (this.held) return;
		const w = this.queue.shift();
		if (!w) return;
		this.held = w;
		void w.callback().then(() => {
			if (this.held === w) this.held = undefined;
			w.done();
			this.next();
		});
	}
}

export class FakeBus {
	members: { tab: number; channel: ChannelLike; open: boolean }[] = [];
	for(tab: number): ChannelLike {
		const channel: ChannelLike = {
			onmessage: null,
			postMessage: (data: LeaderMessage) => {
				// Like BroadcastChannel: asynchronous, never to the sender, never to a closed tab.
				for (const m of this.members)
					if (m.tab !== tab && m.open)
						queueMicrotask(() => m.open && m.channel.onmessage?.({ data }));
			}
		};
		this.members.push({ tab, channel, open: true });
		return channel;
	}
	close(tab: number) {
		for (const m of this.members) if (m.tab === tab) m.open = false;
	}
}

export const status = (
	state: SyncStatus['state'],
	lastSyncAt: number | null = null
): SyncStatus => ({
	state,
	waiting: 0,
	lastSyncAt,
	refused: []
});

/** Lets every queued promise and message run. */
export const settle = async () => {
	for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};

export function device(
	config: { value: string | undefined } = { value: 'ann@server' },
	options: { slowStops?: boolean } = {}
) {
	const locks = new FakeLocks();
	const bus = new FakeBus();
	let live = 0;
	let most = 0;
	const runs: { tab: number; config: string; emit: (s: SyncStatus) => void; stopped: boolean }[] =
		[];
	/** Each run resolves when the test says so (the dynamic import and the first push take time). */
	const gates: (() => void)[] = [];
	/** With `slowStops`, a stopped run winds down (its last requests end) when the test says so. */
	const windDowns: (() => void)[] = [];
	let gated = false;
	function open(tab: number, withLocks = true) {
		const seen: string[] = [];
		const leader: SyncLeader = createSyncLeader<string>({
			locks: withLocks ? locks.for(tab) : undefined,
			channel: bus.for(tab),
			config: async () => config.value,
			async run(value, onStatus) {
				if (gated) await new Promise<void>((r) => gates.push(r));
				const run = { tab, config: value, emit: onStatus, stopped: false };
				runs.push(run);
				most = Math.max(most, ++live);
				onStatus(status('synced', 1000));
				return {
					stop() {
						if (run.stopped) return;
						run.stopped = true;
						if (!options.slowStops) return void live--;
						return new Promise<void>((r) => windDowns.push(r)).then(() => void live--);
					}
				};
			},
			show: (s) => seen.push(s.state),
			starting: () => seen.push('starting'),
			elsewhere: () => seen.push('elsewhere'),
			off: () => seen.push('off'),
			failed: (m) => seen.push(`failed: ${m}`),
			// As the app's manager: another tab changed the settings, run what they say now.
			changed() {
				if (leader.leading) leader.stop();
				if (config.value) leader.start();
			}
		});
		return {
			leader,
			seen,
			close() {
				// A closed tab runs no more code: its replication ends with it.
				for (const r of runs)
					if (r.tab === tab && !r.stopped) {
						r.stopped = true;
						live--;
					}
				locks.close(tab);
				bus.close(tab);
			}
		};
	}
	return {
		open,
		runs,
		gate: () => (gated = true),
		openGate: () => gates.splice(0).forEach((g) => g()),
		windDown: () => windDowns.splice(0).forEach((w) => w()),
		get live() {
			return live;
		},
		get most() {
			return most;
		}
	};
}

/** Two tabs of one device with sync on, both started: tab 1 runs the replication, tab 2 waits. */
export async function twoTabs(
	config?: { value: string | undefined },
	options: { gated?: boolean; slowStops?: boolean } = {}
) {
	const d = device(config, options);
	if (options.gated) d.gate();
	const a = d.open(1);
	const b = d.open(2);
	a.leader.start();
	b.leader.start();
	await settle();
	return { d, a, b };
}

/**
 * Two tabs whose replication winds down when the test says so, and a sign-out in either as the
 * manager does it (`signOutDevice`): settings off, that tab's sync stopped, the others told, then
 * the replica deleted holding the lock (`deleted` gets how many replications were running at that
 * moment) and the session ended.
 */
export async function signingOut() {
	const config = { value: 'ann@server' as string | undefined };
	const tabs = await twoTabs(config, { slowStops: true });
	const signOut = (tab: { leader: SyncLeader }, waitMs?: number) => {
		const deleted: number[] = [];
		const ended: string[] = [];
		const deleting = signOutDevice({
			leader: tab.leader,
			readConfig: async () => {
				const [user, server] = config.value?.split('@') ?? [];
				return user && server ? { user, server } : undefined;
			},
			writeConfig: async (c) => void (config.value = c && `${c.user}@${c.server}`),
			endSession: async (server) => void ended.push(server),
			forget: async () => void deleted.push(tabs.d.live),
			waitMs
		});
		return { deleted, ended, deleting };
	};
	return { ...tabs, config, signOut };
}
