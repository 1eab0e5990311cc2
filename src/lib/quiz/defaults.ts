import type { QuizMode } from './modes';

/** Seconds after which a right answer counts as slow (rated Hard), per mode. */
export type SlowThresholds = Record<Exclude<QuizMode, 'flashcard'>, number>;

export const DEFAULT_SLOW_SECONDS: SlowThresholds = {
	mcq: 15,
	truefalse: 10,
	typed: 30,
	cloze: 30
};
