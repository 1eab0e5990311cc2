import { describe, expect, it } from 'vitest';
import { answerCard, forgetCardState, newCardRow, rowToState } from '$lib/storage';
import { createScheduler } from '$lib/scheduler';
import { NOW } from '../../fixtures/decks';

const scheduler = createScheduler({ enableFuzz: false });
const DAY = 86_400_000;

describe('card state rows', () => {
	it('makes a new card: never studied, due now', () => {
		expect(newCardRow(NOW)).toEqual({
			due: NOW.getTime(),
			stability: 0,
			difficulty: 0,
			scheduled_days: 0,
			learning_steps: 0,
			reps: 0,
			lapses: 0,
			state: 0,
			last_review: null
		});
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
