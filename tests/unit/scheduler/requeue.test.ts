import { describe, expect, it } from 'vitest';
import { REFRESH_EVERY, requeueAfterAnswer, type RequeueFacts } from '$lib/scheduler';

const NOW = new Date('2026-11-26T09:00:00Z');
const T = NOW.getTime();
const MIN = 60_000;
const DAY_END = T + 19 * 60 * MIN;

/** A review card answered in a quiet session: nothing calls for a new read. */
const base: RequeueFacts = {
	answered: { active: 1, state: 2, due: T + 3 * 86_400_000, last_review: T },
	early: true,
	known: 4,
	revision: 5,
	seen: -1,
	rereadAt: DAY_END,
	truncated: false,
	sinceRefresh: 1
};

const learning = (state: 1 | 3, due: number, active: 0 | 1 = 1) => ({
	answered: { active, state, due, last_review: T }
});

const cases: {
	name: string;
	facts: Partial<RequeueFacts>;
	want: { comesBack: boolean; waits: boolean; rereadAt: number; reread: boolean };
}[] = [
	{
		name: 'a review card, next card on screen: no read',
		facts: {},
		want: { comesBack: false, waits: false, rereadAt: DAY_END, reread: false }
	},
	{
		name: 'no card was on screen (the queue ran out): read',
		facts: { early: false },
		want: { comesBack: false, waits: false, rereadAt: DAY_END, reread: true }
	},
	{
		name: 'a learning card on a 10-minute step waits; the queue is read again a minute before it',
		facts: learning(1, T + 10 * MIN),
		want: { comesBack: false, waits: true, rereadAt: T + 9 * MIN, reread: false }
	},
	{
		name: 'a learning card on a 1-minute step waits; read again 6 s before it',
		facts: learning(1, T + MIN),
		want: { comesBack: false, waits: true, rereadAt: T + 54_000, reread: false }
	},
	{
		name: 'a relearning card on a 10-minute step waits too',
		facts: learning(3, T + 10 * MIN),
		want: { comesBack: false, waits: true, rereadAt: T + 9 * MIN, reread: false }
	},
	{
		name: 'a learning card with no step left (due now) joins the back of the queue',
		facts: learning(1, T),
		want: { comesBack: true, waits: false, rereadAt: DAY_END, reread: false }
	},
	{
		name: 'a learning card ready after the re-read time leaves it as it was',
		facts: learning(1, DAY_END + 60 * MIN),
		want: { comesBack: false, waits: true, rereadAt: DAY_END, reread: false }
	},
	{
		name: 'a suspended learning card (a new leech) neither comes back, waits, nor sets a time',
		facts: learning(3, T + 10 * MIN, 0),
		want: { comesBack: false, waits: false, rereadAt: DAY_END, reread: false }
	},
	{
		name: 'a gap in the revisions (another tab wrote in between): read',
		facts: { known: 4, revision: 6 },
		want: { comesBack: false, waits: false, rereadAt: DAY_END, reread: true }
	},
	{
		name: 'a write from elsewhere seen while this one was saved: read',
		facts: { seen: 6 },
		want: { comesBack: false, waits: false, rereadAt: DAY_END, reread: true }
	},
	{
		name: 'a write seen that is this answer itself: no read',
		facts: { seen: 5 },
		want: { comesBack: false, waits: false, rereadAt: DAY_END, reread: false }
	},
	{
		name: 'the re-read time has come (the study day ended): read',
		facts: { rereadAt: T },
		want: { comesBack: false, waits: false, rereadAt: T, reread: true }
	},
	{
		name: 'learning cards were left out and enough answers passed: read',
		facts: { truncated: true, sinceRefresh: REFRESH_EVERY },
		want: { comesBack: false, waits: false, rereadAt: DAY_END, reread: true }
	},
	{
		name: 'learning cards were left out, one answer short: no read yet',
		facts: { truncated: true, sinceRefresh: REFRESH_EVERY - 1 },
		want: { comesBack: false, waits: false, rereadAt: DAY_END, reread: false }
	},
	{
		name: 'many answers without anything left out: no read',
		facts: { sinceRefresh: 5 * REFRESH_EVERY },
		want: { comesBack: false, waits: false, rereadAt: DAY_END, reread: false }
	}
];

describe('when to read the queue again after an answer', () => {
	it.each(cases)('$name', ({ facts, want }) => {
		expect(requeueAfterAnswer({ ...base, ...facts }, NOW)).toEqual(want);
	});
});
