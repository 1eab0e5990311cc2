import type { Card as FsrsCard, Grade } from 'ts-fsrs';

export type { FsrsCard, Grade };

/** The four answers a learner gives, in button order. */
export const RATINGS = [
	{ grade: 1, name: 'Again', key: '1' },
	{ grade: 2, name: 'Hard', key: '2' },
	{ grade: 3, name: 'Good', key: '3' },
	{ grade: 4, name: 'Easy', key: '4' }
] as const satisfies readonly { grade: Grade; name: string; key: string }[];

export type RatingName = (typeof RATINGS)[number]['name'];

/** FSRS memory state of one card, as the domain sees it (dates as Date). */
export interface CardState {
	due: Date;
	stability: number;
	difficulty: number;
	scheduled_days: number;
	learning_steps: number;
	reps: number;
	lapses: number;
	/** 0 new, 1 learning, 2 review, 3 relearning (ts-fsrs `State`). */
	state: 0 | 1 | 2 | 3;
	last_review?: Date;
}

export interface SchedulerOptions {
	/** Share of reviews the learner should get right, 0.70 to 0.99. */
	desiredRetention: number;
	/** Longest interval in days. */
	maximumInterval: number;
	learningSteps: readonly `${number}${'m' | 'h' | 'd'}`[];
	relearningSteps: readonly `${number}${'m' | 'h' | 'd'}`[];
	/** Spread due dates a little, seeded per card so runs repeat. */
	enableFuzz: boolean;
	/** Learning and relearning steps within a day (ts-fsrs short-term scheduling). */
	enableShortTerm: boolean;
	/** FSRS-6 parameters (21) fitted to this learner's log; the defaults when absent. */
	parameters?: readonly number[];
}

export const DEFAULT_SCHEDULER_OPTIONS: SchedulerOptions = {
	desiredRetention: 0.9,
	maximumInterval: 36500,
	learningSteps: ['1m', '10m'],
	relearningSteps: ['10m'],
	enableFuzz: true,
	enableShortTerm: true
};

/** What one rating would do to a card. */
export interface Outcome {
	grade: Grade;
	state: CardState;
	/** Time until the card is due again, in milliseconds. */
	intervalMs: number;
}
