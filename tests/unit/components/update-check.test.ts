import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	CHECK_EVERY_MS,
	CHECK_WHEN_SHOWN_AFTER_MS,
	watchForUpdates,
	type CheckEnvironment
} from '../../../src/lib/components/update-check';

const MINUTE = 60_000;

/** A page whose connection and visibility the test sets, on the fake clock. */
function page() {
	const events = new EventTarget();
	const state = { online: true, visible: true };
	const env: CheckEnvironment = {
		online: () => state.online,
		visible: () => state.visible,
		now: () => Date.now(),
		events
	};
	const show = (visible: boolean) => {
		state.visible = visible;
		events.dispatchEvent(new Event('visibilitychange'));
	};
	return { env, state, show };
}

describe('watchForUpdates', () => {
	let stop: (() => void) | undefined;
	beforeEach(() => vi.useFakeTimers({ now: new Date('2026-11-30T09:00:00Z') }));
	afterEach(() => {
		stop?.();
		vi.useRealTimers();
	});

	it('checks when the app opens, then every hour', async () => {
		const check = vi.fn(async () => undefined);
		stop = watchForUpdates(check, page().env);
		expect(check).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS - MINUTE);
		expect(check).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(MINUTE);
		expect(check).toHaveBeenCalledTimes(2);
		await vi.advanceTimersByTimeAsync(2 * CHECK_EVERY_MS);
		expect(check).toHaveBeenCalledTimes(4);
	});

	it('skips while offline and checks again once online', async () => {
		const check = vi.fn(async () => undefined);
		const { env, state } = page();
		state.online = false;
		stop = watchForUpdates(check, env);
		await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS);
		expect(check).not.toHaveBeenCalled();
		state.online = true;
		await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS);
		expect(check).toHaveBeenCalledTimes(1);
	});

	it('checks when shown again after a while unseen, not after a glance away', async () => {
		const check = vi.fn(async () => undefined);
		const { env, show } = page();
		stop = watchForUpdates(check, env);
		show(false);
		await vi.advanceTimersByTimeAsync(MINUTE);
		show(true);
		expect(check).toHaveBeenCalledTimes(1);
		show(false);
		await vi.advanceTimersByTimeAsync(CHECK_WHEN_SHOWN_AFTER_MS);
		expect(check).toHaveBeenCalledTimes(1);
		show(true);
		expect(check).toHaveBeenCalledTimes(2);
	});

	it('survives a failed check and never runs two at once', async () => {
		let fail = true;
		let finish: () => void = () => undefined;
		const check = vi.fn(() =>
			fail
				? Promise.reject(new Error('host unreachable'))
				: new Promise<void>((done) => (finish = done))
		);
		const { env, show } = page();
		stop = watchForUpdates(check, env);
		await vi.advanceTimersByTimeAsync(0);
		fail = false;
		await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS);
		expect(check).toHaveBeenCalledTimes(2);
		// Still waiting on the host: being shown again starts no second check.
		show(false);
		await vi.advanceTimersByTimeAsync(CHECK_WHEN_SHOWN_AFTER_MS);
		show(true);
		expect(check).toHaveBeenCalledTimes(2);
		finish();
		await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS);
		expect(check).toHaveBeenCalledTimes(3);
	});

	it('stops when asked', async () => {
		const check = vi.fn(async () => undefined);
		const { env, show } = page();
		watchForUpdates(check, env)();
		await vi.advanceTimersByTimeAsync(3 * CHECK_EVERY_MS);
		show(false);
		show(true);
		expect(check).toHaveBeenCalledTimes(1);
	});
});
