import type { CardState } from './types';

/**
 * A card nobody has studied yet, due at `now`: FSRS's empty card, the same as ts-fsrs's
 * `createEmptyCard` (a conformance test holds them equal). Written out here so that installing a
 * deck, which the first screen does, loads no scheduler code.
 */
export function newCard(now: Date): CardState {
	return {
		due: now,
		stability: 0,
		difficulty: 0,
		scheduled_days: 0,
		learning_steps: 0,
		reps: 0,
		lapses: 0,
		state: 0
	};
}
