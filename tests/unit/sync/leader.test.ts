import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '$lib/services/sync/engine';
import {
	createSyncLeader,
	type ChannelLike,
	type LeaderMessage,
	type LockLike,
	type SyncLeader
} from '$lib/services/sync/leader';

// Several tabs of one device, each with its own `createSyncLeader`, sharing a fake Web Lock (held
// until the callback's promise settles, granted in request order, dropped when its tab closes) and
// a fake BroadcastChannel. The replication is a fake too: the test counts how many run at once.

interface Waiter {
	tab: number;
	callback: () => Promise<void>;
	done: () => void;
}

class FakeLocks {
	queue: Waiter[] = [];
	held: Waiter | undefined;
	for(tab: number): LockLike {
		return {
			request: (_name, callback) =>
				new Promise<void>((done) => {
					this.queue.push({ tab, callback, done });
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

class FakeBus {
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

const status = (state: SyncStatus['state'], lastSyncAt: number | null = null): SyncStatus => ({
	state,
	waiting: 0,
	lastSyncAt,
	refused: []
});

/** Lets every queued promise and message run. */
const settle = async () => {
	for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};

function device(
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
async function twoTabs(
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
 * manager does it: settings off, that tab's sync stopped, the others told, then the replica deleted
 * holding the lock (`deleted` gets how many replications were running at that moment).
 */
async function signingOut() {
	const config = { value: 'ann@server' as string | undefined };
	const tabs = await twoTabs(config, { slowStops: true });
	const signOut = (tab: { leader: SyncLeader }) => {
		const deleted: number[] = [];
		config.value = undefined;
		tab.leader.stop();
		tab.leader.announce();
		const deleting = tab.leader.exclusive(async () => void deleted.push(tabs.d.live));
		return { deleted, deleting };
	};
	return { ...tabs, signOut };
}

describe('one replication per device (leader election over a Web Lock)', () => {
	it('two tabs with sync on run one replication; the other shows its status', async () => {
		const { d, a, b } = await twoTabs();
		expect(d.runs.map((r) => r.tab)).toEqual([1]);
		expect(a.leader.leading).toBe(true);
		expect(b.leader.leading).toBe(false);
		expect(b.seen[0]).toBe('elsewhere');
		// A status of the running tab reaches the other one.
		d.runs[0]!.emit(status('offline'));
		await settle();
		expect(b.seen.at(-1)).toBe('offline');
		expect(d.most).toBe(1);
	});

	it('a tab opened later gets the running tab’s last status at once', async () => {
		const d = device();
		const a = d.open(1);
		a.leader.start();
		await settle();
		d.runs[0]!.emit(status('synced', 5000));
		const b = d.open(2);
		b.leader.start();
		await settle();
		expect(b.seen).toEqual(['elsewhere', 'synced']);
	});

	it('when the running tab closes, a waiting tab takes over with the settings of now', async () => {
		const config = { value: 'ann@server' as string | undefined };
		const { d, a, b } = await twoTabs(config);
		config.value = 'ann@server+class-bio';
		a.close();
		await settle();
		expect(d.runs.map((r) => [r.tab, r.config])).toEqual([
			[1, 'ann@server'],
			[2, 'ann@server+class-bio']
		]);
		expect(b.leader.leading).toBe(true);
		expect(d.live).toBe(1);
		expect(d.most).toBe(1);
	});

	it('a tab that stops (leaves the page) hands over; stopping again is harmless', async () => {
		const { d, a } = await twoTabs();
		a.leader.stop();
		a.leader.stop();
		await settle();
		expect(d.runs.map((r) => [r.tab, r.stopped])).toEqual([
			[1, true],
			[2, false]
		]);
		expect(d.most).toBe(1);
	});

	it('a stop while starting lets the lock go only once that replication stopped', async () => {
		const { d, a } = await twoTabs(undefined, { gated: true });
		// Tab 1 is loading the sync code when it is restarted (joining a class right after sign-in).
		a.leader.stop();
		a.leader.start();
		await settle();
		expect(d.runs).toHaveLength(0);
		d.openGate();
		await settle();
		d.openGate();
		await settle();
		// Tab 1's first run started and stopped at once; tab 2, next in the queue, runs; never two.
		expect(d.runs.map((r) => [r.tab, r.stopped])).toEqual([
			[1, true],
			[2, false]
		]);
		expect(d.live).toBe(1);
		expect(d.most).toBe(1);
		expect(a.leader.queued).toBe(true);
	});

	it('a stop while waiting for the lock never runs that start', async () => {
		const { d, a, b } = await twoTabs();
		b.leader.stop();
		a.leader.stop();
		await settle();
		expect(d.runs.map((r) => r.tab)).toEqual([1]);
		expect(d.live).toBe(0);
		b.leader.start();
		await settle();
		expect(d.runs.map((r) => r.tab)).toEqual([1, 2]);
	});

	it('signed out in the running tab: the waiting tab finds sync off and does not start it', async () => {
		const config = { value: 'ann@server' as string | undefined };
		const { d, a, b } = await twoTabs(config);
		config.value = undefined;
		a.leader.stop();
		await settle();
		expect(d.runs).toHaveLength(1);
		expect(b.seen.at(-1)).toBe('off');
		expect(b.leader.leading).toBe(false);
		expect(d.live).toBe(0);
	});

	it('another tab’s change of settings reaches the others', async () => {
		const d = device();
		let changes = 0;
		const bus = new FakeBus();
		const make = (tab: number) =>
			createSyncLeader<string>({
				locks: undefined,
				channel: bus.for(tab),
				config: async () => 'x',
				run: async () => ({ stop: () => undefined }),
				show: () => undefined,
				starting: () => undefined,
				elsewhere: () => undefined,
				off: () => undefined,
				failed: () => undefined,
				changed: () => changes++
			});
		const a = make(1);
		make(2);
		make(3);
		a.announce();
		await settle();
		expect(changes).toBe(2);
		expect(d.runs).toHaveLength(0);
	});

	it('without Web Locks (an old browser) the tab runs sync itself', async () => {
		const d = device();
		const a = d.open(1, false);
		a.leader.start();
		a.leader.start();
		await settle();
		expect(d.runs.map((r) => r.tab)).toEqual([1]);
		expect(a.seen).toEqual(['starting', 'synced']);
	});

	it('a failed start shows the error and keeps the lock until stopped', async () => {
		const locks = new FakeLocks();
		const bus = new FakeBus();
		const seen: string[] = [];
		let runs = 0;
		const make = (tab: number) =>
			createSyncLeader<string>({
				locks: locks.for(tab),
				channel: bus.for(tab),
				config: async () => 'x',
				async run() {
					runs++;
					throw new Error('the sync code did not load');
				},
				show: () => undefined,
				starting: () => undefined,
				elsewhere: () => undefined,
				off: () => undefined,
				failed: (m) => seen.push(`${tab}: ${m}`)
			});
		const a = make(1);
		const b = make(2);
		a.start();
		b.start();
		await settle();
		expect(seen).toEqual(['1: the sync code did not load']);
		a.stop();
		await settle();
		expect(runs).toBe(2);
		expect(seen.at(-1)).toBe('2: the sync code did not load');
	});

	it('sign-out in a waiting tab deletes the replica only once the running tab’s replication has wound down', async () => {
		const { d, a, b, signOut } = await signingOut();
		const { deleted, deleting } = signOut(b);
		await settle();
		// Tab 1 stopped its replication, which is still ending its last requests: nothing deleted.
		expect(d.runs.map((r) => [r.tab, r.stopped])).toEqual([[1, true]]);
		expect(a.leader.leading).toBe(false);
		expect(deleted).toEqual([]);
		d.windDown();
		await deleting;
		// Deleted with no replication running, and none started again after.
		expect(deleted).toEqual([0]);
		await settle();
		expect(d.runs).toHaveLength(1);
		expect(d.live).toBe(0);
	});

	it('sign-out in the running tab waits for its own replication to wind down', async () => {
		const { d, a, b, signOut } = await signingOut();
		const { deleted, deleting } = signOut(a);
		await settle();
		expect(deleted).toEqual([]);
		d.windDown();
		await deleting;
		expect(deleted).toEqual([0]);
		// The waiting tab got the lock first, found sync off and started nothing.
		expect(b.seen.at(-1)).toBe('off');
		expect(d.runs).toHaveLength(1);
	});
});
