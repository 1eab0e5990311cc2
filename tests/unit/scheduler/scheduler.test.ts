import { describe, expect, it } from 'vitest';
import {
	createScheduler,
	formatInterval,
	studyDayEnd,
	studyDayKey,
	studyDayStart,
	type Grade
} from '$lib/scheduler';
import { createEmptyCard } from 'ts-fsrs';
import { NOW } from '../../fixtures/decks';

const MIN = 60_000;
const DAY = 86_400_000;

describe('createScheduler', () => {
	const scheduler = createScheduler({ enableFuzz: false });

	it('uses FSRS-6 defaults with desired retention 0.90', () => {
		expect(createScheduler().options.desiredRetention).toBe(0.9);
		expect(() => createScheduler({ desiredRetention: 0.5 })).toThrow(/0.70 to 0.99/);
	});

	it("makes a new card exactly as ts-fsrs's empty card, without its deprecated elapsed_days", () => {
		const { elapsed_days, ...empty } = createEmptyCard(NOW);
		expect(elapsed_days).toBe(0);
		expect(scheduler.newCard(NOW)).toEqual(empty);
	});

	it('previews the learning steps for a new card', () => {
		const card = scheduler.newCard(NOW);
		const preview = scheduler.preview(card, NOW);
		expect(preview[1].intervalMs).toBe(1 * MIN);
		expect(preview[2].intervalMs).toBe(6 * MIN);
		expect(preview[3].intervalMs).toBe(10 * MIN);
		expect(preview[4].intervalMs).toBeGreaterThanOrEqual(DAY);
		expect(card.state).toBe(0);
	});

	it('graduates a card to review and grows the interval on Good', () => {
		let card = scheduler.newCard(NOW);
		card = scheduler.answer(card, 3, NOW);
		card = scheduler.answer(card, 3, new Date(NOW.getTime() + 10 * MIN));
		expect(card.state).toBe(2);
		const first = card.scheduled_days;
		card = scheduler.answer(card, 3, card.due);
		expect(card.scheduled_days).toBeGreaterThan(first);
		expect(card.reps).toBe(3);
	});

	it('takes `now` as an argument: the same inputs give the same card', () => {
		const a = scheduler.answer(scheduler.newCard(NOW), 4, NOW);
		const b = scheduler.answer(scheduler.newCard(NOW), 4, NOW);
		expect(a).toEqual(b);
	});

	it('seeds the fuzz per card, so a replay repeats it', () => {
		const fuzzy = createScheduler({ enableFuzz: true });
		const answers: { grade: Grade; at: Date }[] = [];
		let card = fuzzy.newCard(NOW);
		let at = NOW;
		for (const grade of [3, 3, 3, 3, 2, 3] as Grade[]) {
			card = fuzzy.answer(card, grade, at, 'deck|card-1');
			answers.push({ grade, at });
			at = card.due;
		}
		expect(fuzzy.replay(answers, NOW, 'deck|card-1')).toEqual(card);
	});

	it('lapses a review card on Again into relearning', () => {
		let card = scheduler.newCard(NOW);
		card = scheduler.answer(card, 4, NOW);
		card = scheduler.answer(card, 1, card.due);
		expect(card.state).toBe(3);
		expect(card.lapses).toBe(1);
	});
});

describe('formatInterval', () => {
	it.each([
		[30_000, '<1m'],
		[10 * MIN, '10m'],
		[3 * 60 * MIN, '3h'],
		[3 * DAY, '3d'],
		[45 * DAY, '1mo'],
		[400 * DAY, '1.1y'],
		[4000 * DAY, '11y']
	])('%d ms is %s', (ms, label) => {
		expect(formatInterval(ms)).toBe(label);
	});
});

describe('study day', () => {
	it('starts at the configured hour: 1 am belongs to the day before', () => {
		const oneAm = new Date(2026, 10, 27, 1, 0);
		expect(studyDayKey(oneAm, 4)).toBe('2026-11-26');
		expect(studyDayStart(oneAm, 4)).toEqual(new Date(2026, 10, 26, 4, 0));
		expect(studyDayEnd(oneAm, 4)).toEqual(new Date(2026, 10, 27, 4, 0));
		expect(studyDayKey(new Date(2026, 10, 27, 5, 0), 4)).toBe('2026-11-27');
	});
});
