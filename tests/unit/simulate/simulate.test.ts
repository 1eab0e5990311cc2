import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, simulate } from '../../../scripts/simulate/simulate';

// A short year: 200 cards over 150 days (the full run is `npm run simulate`).
const SMALL = { ...DEFAULT_OPTIONS, cards: 200, days: 150, newPerDay: 10, seed: 3 };

describe('a short simulation', () => {
	const flashcard = simulate({ ...SMALL, deckMode: 'flashcard' });
	const mcq = simulate({ ...SMALL, deckMode: 'mcq' });
	const mcqBefore = simulate({ ...SMALL, deckMode: 'mcq', rightChoiceGood: true });
	const retention = (r: typeof flashcard) => r.review.recalled / r.review.reviews;

	it('with honest self-ratings keeps true retention near the desired 90 %', () => {
		expect(flashcard.review.reviews).toBeGreaterThan(1000);
		expect(retention(flashcard)).toBeGreaterThan(0.87);
		expect(retention(flashcard)).toBeLessThan(0.93);
		// Nothing to guess: what the learner rated is what the memory did.
		expect(flashcard.review.gradedRight).toBe(flashcard.review.recalled);
		expect(flashcard.introduced).toBe(200);
	});

	it('does not count a right guess as a recall', () => {
		const r = mcqBefore.review;
		expect(r.lucky).toBeGreaterThan(0);
		expect(r.gradedRight - r.lucky + r.refused).toBe(r.recalled);
		expect(r.gradedRight).toBeGreaterThan(r.recalled);
	});

	it('with Good for a right choice, multiple choice lets true retention fall; the app rule holds it', () => {
		expect(retention(mcqBefore)).toBeLessThan(0.87);
		expect(retention(mcq)).toBeGreaterThan(0.88);
		expect(retention(mcq)).toBeGreaterThan(retention(mcqBefore) + 0.03);
	});

	it('repeats exactly for a seed', () => {
		const again = simulate({ ...SMALL, deckMode: 'flashcard' });
		expect(again.review).toEqual(flashcard.review);
		expect(again.log.length).toBe(flashcard.log.length);
	});
});
