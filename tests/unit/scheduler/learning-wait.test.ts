import { describe, expect, it } from 'vitest';
import { countdown, isReady, readyAt, waitFor } from '$lib/scheduler';

const T = new Date('2026-11-26T09:00:00Z').getTime();
const SEC = 1000;
const MIN = 60 * SEC;
const DAY_END = T + 19 * 60 * MIN;
const step = (minutes: number, from = T) => ({ due: from + minutes * MIN, last_review: from });

// Issue 16: cards labelled "Good · 10m" came back seconds later whenever nothing else was left.
describe('when a learning card may be asked again (issue 16)', () => {
	it.each([
		{ name: '10-minute step: a minute early at most', card: step(10), ready: T + 9 * MIN },
		{ name: '1-minute step: 6 s early at most', card: step(1), ready: T + 54 * SEC },
		{ name: '6-minute step (Hard): 36 s early', card: step(6), ready: T + 6 * MIN - 36 * SEC },
		{ name: '1-hour step: still a minute at most', card: step(60), ready: T + 59 * MIN },
		{ name: 'no step (due when answered): at once', card: step(0), ready: T },
		{ name: 'never answered: when due', card: { due: T, last_review: null }, ready: T }
	])('$name', ({ card, ready }) => {
		expect(readyAt(card)).toBe(ready);
		expect(isReady(card, ready)).toBe(true);
		expect(isReady(card, ready - 1)).toBe(false);
	});

	it('a 10-minute step is not ready 7 s after the answer, nor 8 minutes after', () => {
		expect(isReady(step(10), T + 7 * SEC)).toBe(false);
		expect(isReady(step(10), T + 8 * MIN)).toBe(false);
		expect(isReady(step(10), T + 9 * MIN)).toBe(true);
	});
});

describe('waiting for a learning card when nothing is ready', () => {
	it('waits until the first card waiting today is ready, and counts them', () => {
		const wait = waitFor([step(10), step(1, T + 30 * SEC)], T + 40 * SEC, DAY_END);
		expect(wait).toEqual({ until: T + 30 * SEC + 54 * SEC, count: 2 });
	});

	it('a card due after the study day ends does not keep the session open', () => {
		expect(waitFor([{ due: DAY_END + MIN, last_review: T }], T, DAY_END)).toBeUndefined();
		expect(waitFor([], T, DAY_END)).toBeUndefined();
	});

	it('never waits until a moment already past', () => {
		expect(waitFor([step(1)], T + 2 * MIN, DAY_END)?.until).toBe(T + 2 * MIN);
	});
});

describe('countdown', () => {
	it.each([
		[0, '0:00'],
		[-5 * SEC, '0:00'],
		[400, '0:01'],
		[65_400, '1:06'],
		[9 * MIN + 59 * SEC, '9:59'],
		[3 * 3600 * SEC + 2 * MIN + 9 * SEC, '3:02:09']
	])('%i ms reads %s', (ms, text) => {
		expect(countdown(ms)).toBe(text);
	});
});
