import { describe, expect, it } from 'vitest';
import { answerCard, forgetCardState, newCardRow, rowToState } from '$lib/storage';
import { createScheduler } from '$lib/scheduler';
import { NOW } from '../../fixtures/decks';

const scheduler = createScheduler({ enableFuzz: false });
const DAY = 86_400_000;

describe('card state rows', () => {
	it('makes a new card: never studied, due now', () => {
		const row = newCardRow(NOW);
		expect(Object.keys(row).sort()).toEqual(Object.keys(answerCard(scheduler, row, 3, NOW)).sort());
		// In stored order: due now, every figure zero, state new, never reviewed.
		expect(Object.values(row)).toEqual([NOW.getTime(), 0, 0, 0, 0, 0, 0, 0, null]);
	});

	it('answers through the scheduler and stores dates as milliseconds', () => {
		const row = answerCard(scheduler, newCardRow(NOW), 4, NOW, 'd|c0');
		expect(row).toMatchObject({ reps: 1, state: 2, last_review: NOW.getTime() });
		expect(row.due).toBe(scheduler.answer(rowToState(newCardRow(NOW)), 4, NOW).due.getTime());
		expect(row.due).toBeGreaterThan(NOW.getTime() + DAY);
	});

	it('forgets back to a new card due at the reset', () => {
		const later = new Date(NOW.getTime() + 10 * DAY);
		const learned = answerCard(scheduler, newCardRow(NOW), 4, NOW);
		expect(forgetCardState(scheduler, learned, later)).toMatchObject({
			state: 0,
			reps: 0,
			lapses: 0,
			due: later.getTime()
		});
	});
});
