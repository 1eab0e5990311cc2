import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPushPacer, MAX_WAIT_MS, QUIET_MS } from '$lib/services/sync/push-pacer';

// The push after answers (issue 17: the answer path untouched by sync): it waits until answers
// have been quiet for 600 ms, at most 10 s after the first waiting one, then for an idle moment.
// Time is fake; idle moments and pushes end when the test says so.

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

/** Lets promise callbacks run without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

function pacing() {
	const idles: (() => void)[] = [];
	const pushes: { ends: () => void; startedAfter: number; at: number }[] = [];
	let changes = 0;
	const start = Date.now();
	const pacer = createPushPacer(
		() =>
			new Promise<void>((ends) =>
				pushes.push({ ends, startedAfter: changes, at: Date.now() - start })
			),
		() => new Promise<void>((r) => idles.push(r))
	);
	return {
		pushes,
		/** How many idle moments the pacer is waiting for. */
		waitingForIdle: () => idles.length,
		change() {
			changes++;
			pacer.changed();
		},
		idle: async () => {
			idles.splice(0).forEach((r) => r());
			await settle();
		},
		stop: () => pacer.stop()
	};
}

describe('pushes after answers', () => {
	it('wait until answers have been quiet for 600 ms, then for an idle moment: one push for the burst', async () => {
		const p = pacing();
		for (let i = 0; i < 5; i++) {
			p.change();
			await vi.advanceTimersByTimeAsync(400);
		}
		// 400 ms after the fifth answer: not quiet long enough yet.
		expect(p.waitingForIdle()).toBe(0);
		await vi.advanceTimersByTimeAsync(QUIET_MS - 400 - 1);
		expect(p.waitingForIdle()).toBe(0);
		await vi.advanceTimersByTimeAsync(1);
		expect(p.waitingForIdle()).toBe(1);
		expect(p.pushes).toHaveLength(0);
		await p.idle();
		expect(p.pushes.map((x) => [x.startedAfter, x.at])).toEqual([[5, 4 * 400 + QUIET_MS]]);
	});

	it('quick answers without a pause: the push comes 10 s after the first waiting one', async () => {
		const p = pacing();
		for (let t = 0; t < MAX_WAIT_MS; t += 300) {
			p.change();
			await vi.advanceTimersByTimeAsync(Math.min(300, MAX_WAIT_MS - 1 - t));
		}
		// 34 answers 300 ms apart, never quiet: at 10 s the push waits only for idle.
		expect(p.waitingForIdle()).toBe(0);
		await vi.advanceTimersByTimeAsync(1);
		expect(p.waitingForIdle()).toBe(1);
		await p.idle();
		expect(p.pushes.map((x) => [x.startedAfter, x.at])).toEqual([[34, MAX_WAIT_MS]]);
	});

	it('answers written during a push go in one more push after it, paced the same: every answer pushed', async () => {
		const p = pacing();
		p.change();
		await vi.advanceTimersByTimeAsync(QUIET_MS);
		await p.idle();
		expect(p.pushes).toHaveLength(1);
		p.change();
		p.change();
		p.pushes[0]!.ends();
		await settle();
		// The next push waits for quiet after the last of them, and for idle, then carries both.
		await vi.advanceTimersByTimeAsync(QUIET_MS - 1);
		expect(p.waitingForIdle()).toBe(0);
		await vi.advanceTimersByTimeAsync(1);
		await p.idle();
		expect(p.pushes.map((x) => x.startedAfter)).toEqual([1, 3]);
		p.pushes[1]!.ends();
		await vi.advanceTimersByTimeAsync(MAX_WAIT_MS);
		await p.idle();
		expect(p.pushes).toHaveLength(2);
	});

	it('an answer written while the push waits for idle goes in that push', async () => {
		const p = pacing();
		p.change();
		await vi.advanceTimersByTimeAsync(QUIET_MS);
		p.change();
		await p.idle();
		expect(p.pushes.map((x) => x.startedAfter)).toEqual([2]);
		p.pushes[0]!.ends();
		await vi.advanceTimersByTimeAsync(MAX_WAIT_MS);
		expect(p.waitingForIdle()).toBe(0);
	});

	it('stopped, it starts no push', async () => {
		const p = pacing();
		p.change();
		p.stop();
		p.change();
		await vi.advanceTimersByTimeAsync(MAX_WAIT_MS);
		await p.idle();
		expect(p.pushes).toHaveLength(0);
	});
});
