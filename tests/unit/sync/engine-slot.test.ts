import { describe, expect, it } from 'vitest';
import { createEngineSlot, type SlotEngine } from '$lib/services/sync/engine-slot';

// Reconnecting (the browser back online) replaces the running engine with a new one. The engines
// here are fakes whose start and wind-down end when the test says so; the test counts how many
// replicate at once (started and not yet wound down).

const tick = async () => {
	for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
};

function engines() {
	const made: { id: number; started: boolean; stopped: boolean; woundDown: boolean }[] = [];
	const endings: (() => void)[] = [];
	const starts: (() => void)[] = [];
	let live = 0;
	let most = 0;
	const make = (): SlotEngine => {
		const e = { id: made.length + 1, started: false, stopped: false, woundDown: false };
		made.push(e);
		return {
			status: { state: 'starting', waiting: 0, lastSyncAt: null, refused: [] },
			async start() {
				await new Promise<void>((r) => starts.push(r));
				// As the engine: a start that ends after a stop begins no replication.
				if (e.stopped) return;
				e.started = true;
				most = Math.max(most, ++live);
			},
			stop() {
				e.stopped = true;
			},
			stopped() {
				if (e.woundDown) return Promise.resolve();
				return new Promise<void>((r) =>
					endings.push(() => {
						if (!e.woundDown && e.started) live--;
						e.woundDown = true;
						r();
					})
				);
			},
			push: async () => 0
		};
	};
	return {
		make,
		made,
		finishStarts: () => starts.splice(0).forEach((s) => s()),
		windDown: () => endings.splice(0).forEach((w) => w()),
		get live() {
			return live;
		},
		get most() {
			return most;
		}
	};
}

describe('reconnecting sync (issue 17)', () => {
	it('back online: the old engine winds down before the new one starts; never two at once', async () => {
		const f = engines();
		const slot = createEngineSlot(f.make);
		const starting = slot.start();
		await tick();
		f.finishStarts();
		await starting;
		expect(f.live).toBe(1);
		// Online, offline, online: two reconnects asked for while the old engine still winds down.
		const first = slot.reconnect();
		const second = slot.reconnect();
		await tick();
		expect(f.made.map((e) => e.stopped)).toEqual([true]);
		f.windDown();
		await tick();
		// Only now the new engine is made and starts; the second call joined the first.
		expect(f.made).toHaveLength(2);
		expect(f.live).toBe(0);
		f.finishStarts();
		await Promise.all([first, second]);
		expect(f.made.map((e) => [e.started, e.stopped])).toEqual([
			[true, true],
			[true, false]
		]);
		expect(f.live).toBe(1);
		expect(f.most).toBe(1);
		expect(slot.current).not.toBeUndefined();
	});

	it('a stop during a reconnect stops the engine being started, and no other follows', async () => {
		const f = engines();
		const slot = createEngineSlot(f.make);
		const starting = slot.start();
		await tick();
		f.finishStarts();
		await starting;
		const reconnecting = slot.reconnect();
		await tick();
		f.windDown();
		await tick();
		expect(f.made).toHaveLength(2);
		// Signed out while the new engine was starting.
		const stopping = slot.stop();
		f.finishStarts();
		await reconnecting;
		await tick();
		f.windDown();
		await stopping;
		expect(f.made.map((e) => e.stopped)).toEqual([true, true]);
		expect(f.live).toBe(0);
		await slot.reconnect();
		expect(f.made).toHaveLength(2);
		expect(f.most).toBe(1);
	});
});
