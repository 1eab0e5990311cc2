import {
	dateDiffInDays,
	fsrs,
	generatorParameters,
	get_fuzz_range,
	StrategyMode,
	type AbstractScheduler,
	type Card as FsrsCard,
	type Grade
} from 'ts-fsrs';
import {
	DEFAULT_SCHEDULER_OPTIONS,
	type CardState,
	type Outcome,
	type SchedulerOptions
} from './types';
import { newCard } from './new-card';
import type { FuzzRange } from './load-balance';

const DAY = 86_400_000;

export interface Scheduler {
	readonly options: SchedulerOptions;
	/** A card nobody has studied yet, due at `now`. */
	newCard(now: Date): CardState;
	/** What each of the four ratings would give, for the interval on each button. */
	preview(card: CardState, now: Date, seed?: string): Record<Grade, Outcome>;
	/**
	 * The card after one answer. `days`, when given, is the interval load balancing chose within
	 * `fuzzRange` for an answer that leaves the card in review (kept in the log, so that a replay
	 * gives the same due date); ignored when it lies outside the range these options give.
	 */
	answer(card: CardState, grade: Grade, now: Date, seed?: string, days?: number): CardState;
	/**
	 * The days a review's next interval may be moved to (ts-fsrs's fuzz range around the interval
	 * before fuzz), or `undefined` where load balancing does not apply: a card not in review after
	 * the answer (a lapse, a learning step), or a range of one day. A card graduating from learning
	 * or relearning has one, as in Anki.
	 */
	fuzzRange(card: CardState, grade: Grade, now: Date): FuzzRange | undefined;
	/** Replays a history of answers from a new card (the log is the truth; this rebuilds the cache). */
	replay(answers: readonly { grade: Grade; at: Date }[], created: Date, seed?: string): CardState;
	/** Memory state as a new card again (reset / forget). */
	forget(card: CardState, now: Date): CardState;
}

/** ts-fsrs keeps deprecated `elapsed_days`; our state does not store it. */
function toState(card: FsrsCard): CardState {
	const out: CardState = {
		due: card.due,
		stability: card.stability,
		difficulty: card.difficulty,
		scheduled_days: card.scheduled_days,
		learning_steps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state as CardState['state']
	};
	if (card.last_review) out.last_review = card.last_review;
	return out;
}

function toFsrs(card: CardState, seed: string): FsrsCard & { seed: string } {
	return { ...card, elapsed_days: 0, seed };
}

/**
 * The FSRS-6 scheduler with our options. Pure: every call takes `now`.
 * @example createScheduler().answer(card, Rating.Good, new Date('2026-01-01T09:00:00Z'))
 */
export function createScheduler(options: Partial<SchedulerOptions> = {}): Scheduler {
	const opts: SchedulerOptions = { ...DEFAULT_SCHEDULER_OPTIONS, ...options };
	if (!(opts.desiredRetention >= 0.7 && opts.desiredRetention <= 0.99))
		throw new RangeError(`desired retention must be 0.70 to 0.99, got ${opts.desiredRetention}`);
	const engine = fsrs(
		generatorParameters({
			request_retention: opts.desiredRetention,
			maximum_interval: opts.maximumInterval,
			enable_fuzz: opts.enableFuzz,
			enable_short_term: opts.enableShortTerm,
			learning_steps: [...opts.learningSteps],
			relearning_steps: [...opts.relearningSteps],
			...(opts.parameters ? { w: [...opts.parameters] } : {})
		})
	).useStrategy(StrategyMode.SEED, function (this: AbstractScheduler) {
		// Fuzz seeded per card and answer: the same history always gives the same due dates.
		// (`current` and `review_time` are protected in ts-fsrs's types, but this is their documented use.)
		const self = this as unknown as { current: { seed?: string; reps: number }; review_time: Date };
		return `${self.current.seed ?? ''}:${self.current.reps}:${self.review_time.getTime()}`;
	});

	// The same scheduler without fuzz: the interval the fuzz range is centred on.
	const plain = fsrs(
		generatorParameters({
			request_retention: opts.desiredRetention,
			maximum_interval: opts.maximumInterval,
			enable_fuzz: false,
			enable_short_term: opts.enableShortTerm,
			learning_steps: [...opts.learningSteps],
			relearning_steps: [...opts.relearningSteps],
			...(opts.parameters ? { w: [...opts.parameters] } : {})
		})
	);

	const fuzzRange = (card: CardState, grade: Grade, now: Date): FuzzRange | undefined => {
		const next = plain.next(toFsrs(card, ''), now, grade).card;
		if (next.state !== 2) return undefined;
		// A card graduating from (re)learning is balanced too, as Anki does: its first interval is
		// fuzzed like any review's, so the same range is free to choose from.
		const elapsed = card.last_review ? dateDiffInDays(card.last_review, now) : 0;
		const r = get_fuzz_range(next.scheduled_days, elapsed, opts.maximumInterval);
		return r.max_ivl > r.min_ivl ? { min: r.min_ivl, max: r.max_ivl } : undefined;
	};

	const answer = (card: CardState, grade: Grade, now: Date, seed = '', days?: number) => {
		const next = toState(engine.next(toFsrs(card, seed), now, grade).card);
		if (days === undefined || next.state !== 2) return next;
		// A day balanced under other parameters or another desired retention, outside this range, no
		// longer applies: a reschedule then gives the interval the new settings give.
		const range = fuzzRange(card, grade, now);
		if (!range || days < range.min || days > range.max) return next;
		return { ...next, scheduled_days: days, due: new Date(now.getTime() + days * DAY) };
	};

	return {
		options: opts,
		newCard,
		preview(card, now, seed = '') {
			const out = {} as Record<Grade, Outcome>;
			for (const grade of [1, 2, 3, 4] as Grade[]) {
				const state = answer(card, grade, now, seed);
				out[grade] = { grade, state, intervalMs: state.due.getTime() - now.getTime() };
			}
			return out;
		},
		answer,
		fuzzRange,
		replay(answers, created, seed = '') {
			let card = newCard(created);
			for (const a of answers) card = answer(card, a.grade, a.at, seed);
			return card;
		},
		forget: (card, now) => toState(engine.forget(toFsrs(card, ''), now, true).card)
	};
}
