import { describe, expect, it } from 'vitest';
import { createSyncLeader } from '$lib/services/sync/leader';
import { SIGN_OUT_BUSY } from '$lib/services/sync/sign-out';
import { FakeBus, FakeLocks, device, settle, signingOut, status, twoTabs } from './fake-tabs';

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

	it('sign-out gives up when the running tab does not stop in time: still signed in, nothing deleted', async () => {
		const { d, a, config, signOut } = await signingOut();
		// Tab 1's replication never winds down (a tab that hangs): the wait ends, not the lock.
		const { deleted, ended, deleting } = signOut(a, 50);
		expect(await deleting).toBe(SIGN_OUT_BUSY);
		expect(SIGN_OUT_BUSY).toMatch(/still signed in and nothing was deleted/);
		expect(deleted).toEqual([]);
		expect(ended).toEqual([]);
		expect(config.value).toBe('ann@server');
		// Once it does wind down, sync goes on with the settings put back: one replication.
		a.leader.start();
		d.windDown();
		await settle();
		expect(d.runs.filter((r) => !r.stopped)).toHaveLength(1);
		expect(d.most).toBe(1);
	});
});

describe('a restart waits for the replication it replaces (issue 17)', () => {
	it('without Web Locks, a restart starts the new replication only once the old one has wound down', async () => {
		const d = device(undefined, { slowStops: true });
		const a = d.open(1, false);
		a.leader.start();
		await settle();
		// Settings changed (a class joined): stop and start again at once, as the manager does.
		a.leader.stop();
		a.leader.start();
		await settle();
		expect(d.runs.map((r) => r.stopped)).toEqual([true]);
		d.windDown();
		await settle();
		expect(d.runs.map((r) => r.stopped)).toEqual([true, false]);
		expect(d.most).toBe(1);
	});

	it('without Web Locks, a restart while the sync code loads waits for that start to wind down', async () => {
		const d = device(undefined, { slowStops: true });
		d.gate();
		const a = d.open(1, false);
		a.leader.start();
		await settle();
		a.leader.stop();
		a.leader.start();
		await settle();
		d.openGate();
		await settle();
		// The first run started, was stopped at once and is still ending: the second waits.
		expect(d.runs.map((r) => r.stopped)).toEqual([true]);
		d.windDown();
		await settle();
		d.openGate();
		await settle();
		expect(d.runs.map((r) => r.stopped)).toEqual([true, false]);
		expect(d.live).toBe(1);
		expect(d.most).toBe(1);
	});
});
