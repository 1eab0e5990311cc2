import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const FOREGROUND_QUIET_MS = 3000;
// The module keeps its jobs between calls: each test loads it afresh (other test files use it too).
let foreground: typeof import('$lib/services/idle').foreground;
let whenSettled: typeof import('$lib/services/idle').whenSettled;

/** A loaded page without `requestIdleCallback`: background work starts after its delay. */
function loadedPage() {
	vi.stubGlobal('document', { readyState: 'complete' });
	vi.stubGlobal('window', {
		addEventListener: () => undefined,
		removeEventListener: () => undefined
	});
}

/** A job the test ends when it wants. */
function job() {
	let end!: () => void;
	const done = new Promise<void>((resolve) => (end = resolve));
	return { run: () => foreground(() => done), end };
}

describe('background work and the learner’s foreground jobs', () => {
	beforeEach(async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
		loadedPage();
		vi.resetModules();
		const idle = await import('$lib/services/idle');
		expect(idle.FOREGROUND_QUIET_MS).toBe(FOREGROUND_QUIET_MS);
		({ foreground, whenSettled } = idle);
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	it('starts after its delay when nothing runs in the foreground', async () => {
		const run = vi.fn();
		whenSettled(run, 1000);
		await vi.advanceTimersByTimeAsync(999);
		expect(run).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(1);
		expect(run).toHaveBeenCalledTimes(1);
	});

	it('waits while an import is read or saved, then for a quiet moment after it', async () => {
		const run = vi.fn();
		const importing = job();
		const finished = importing.run();
		whenSettled(run, 1000);
		await vi.advanceTimersByTimeAsync(60_000);
		expect(run).not.toHaveBeenCalled();
		importing.end();
		await finished;
		await vi.advanceTimersByTimeAsync(FOREGROUND_QUIET_MS - 1);
		expect(run).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(1);
		expect(run).toHaveBeenCalledTimes(1);
	});

	it('a job that starts in the quiet moment holds it again; a failed job releases it', async () => {
		const run = vi.fn();
		const reading = job();
		const read = reading.run();
		whenSettled(run, 0);
		reading.end();
		await read;
		await vi.advanceTimersByTimeAsync(1000);
		// The learner presses Import during the pause; the save fails.
		const saved = foreground(async () => {
			await new Promise((resolve) => setTimeout(resolve, 10_000));
			throw new Error('The disk is full.');
		});
		await vi.advanceTimersByTimeAsync(FOREGROUND_QUIET_MS);
		expect(run).not.toHaveBeenCalled();
		await Promise.all([
			expect(saved).rejects.toThrow('The disk is full.'),
			vi.advanceTimersByTimeAsync(10_000)
		]);
		await vi.advanceTimersByTimeAsync(FOREGROUND_QUIET_MS);
		expect(run).toHaveBeenCalledTimes(1);
	});

	it('work called off while it waits never starts', async () => {
		const run = vi.fn();
		const importing = job();
		const finished = importing.run();
		const cancel = whenSettled(run, 0);
		await vi.advanceTimersByTimeAsync(10);
		cancel();
		importing.end();
		await finished;
		await vi.advanceTimersByTimeAsync(60_000);
		expect(run).not.toHaveBeenCalled();
	});

	it('a job that never ends holds it two minutes at the most', async () => {
		const run = vi.fn();
		void job().run();
		whenSettled(run, 1000);
		await vi.advanceTimersByTimeAsync(1000 + 119_000);
		expect(run).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(1000);
		expect(run).toHaveBeenCalledTimes(1);
	});
});
