/**
 * The simulated learner's memory: FSRS with a "true" parameter set. Each card's memory has a
 * stability and a difficulty; the chance of recall is FSRS's forgetting curve at the time elapsed,
 * and each exposure updates the memory by the honest rating (what the learner would have pressed on
 * a flashcard). Pure.
 */
import { forgetting_curve, fsrs, generatorParameters, type FSRSState } from 'ts-fsrs';
/** An FSRS rating: 1 Again, 2 Hard, 3 Good, 4 Easy. */
type Rating = 1 | 2 | 3 | 4;

const DAY = 86_400_000;

/** One card's true memory, and when it was last exposed (epoch ms). */
export interface Memory {
	state: FSRSState;
	at: number;
}

export interface MemoryModel {
	readonly w: readonly number[];
	/** Chance of recall at `now` (0 for a card never seen). */
	recall(memory: Memory | undefined, now: number): number;
	/** The memory after an exposure rated `rating` (honestly) at `now`. */
	update(memory: Memory | undefined, rating: Rating, now: number): Memory;
}

/** Whole UTC calendar days between two moments: how ts-fsrs counts the days between answers. */
export function calendarDays(from: number, to: number): number {
	return Math.max(0, Math.floor(to / DAY) - Math.floor(from / DAY));
}

/**
 * A memory that follows FSRS with parameters `w` (short-term stability on a same-day exposure, as
 * the app's scheduler has it). Recall uses the time elapsed in fractional days, so a card seen ten
 * minutes ago is near certain and one seen yesterday evening is not a day old.
 * @example memoryModel(default_w).recall({ state: { stability: 2.3, difficulty: 2.1 }, at }, at + 2.3 * DAY) // 0.9
 */
export function memoryModel(w: readonly number[]): MemoryModel {
	const engine = fsrs(generatorParameters({ w: [...w], enable_short_term: true }));
	// One mutable copy for the forgetting curve, not one per call: simulations ask millions of times.
	const weights = [...w];
	return {
		w,
		recall(memory, now) {
			if (!memory) return 0;
			const days = Math.max(0, now - memory.at) / DAY;
			return forgetting_curve(weights, days, memory.state.stability);
		},
		update(memory, rating, now) {
			const t = memory ? calendarDays(memory.at, now) : 0;
			return { state: engine.next_state(memory?.state ?? null, t, rating), at: now };
		}
	};
}
