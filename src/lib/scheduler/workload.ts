/**
 * The workload ahead: a year of study of this collection simulated at each desired retention, with
 * the learner's own FSRS parameters as both the memory and the scheduler. Answers are drawn from the
 * forgetting curve; new cards come in at the daily limit and reviews stop at the review limit.
 * Pure and deterministic for a seed: every retention sees the same random numbers, so the curve
 * compares retentions, not luck.
 */
import { fsrs, generatorParameters } from 'ts-fsrs';
import { memoryModel, type Memory } from './memory-model';
import { uniformAt, weighted } from './random';

const DAY = 86_400_000;

/** One card as the simulation needs it (times in epoch ms). */
export interface WorkloadCard {
	/** 0 new, 1 learning, 2 review, 3 relearning. */
	state: 0 | 1 | 2 | 3;
	stability: number;
	difficulty: number;
	due: number;
	lastReview: number | null;
}

/** Seconds an answer takes, by what happened: the time that study time per card adds up. */
export interface AnswerCosts {
	/** A new card, its learning steps included. */
	learn: number;
	/** A review recalled. */
	recall: number;
	/** A review forgotten, its relearning step included. */
	forget: number;
}

/** Rough times for a card with a short answer; the learner's own are used where known. */
export const DEFAULT_COSTS: AnswerCosts = { learn: 20, recall: 8, forget: 30 };

export interface WorkloadInput {
	/** FSRS-6 parameters (21 numbers): the learner's own, or the defaults. */
	parameters: readonly number[];
	cards: readonly WorkloadCard[];
	/** When today's study day began (epoch ms): day 0 of the simulation. */
	dayStart: number;
	newPerDay: number;
	reviewsPerDay: number;
	maximumInterval: number;
	/** Desired retentions to try; 0.70 to 0.97 in steps of 0.03 when absent. */
	retentions?: readonly number[];
	days?: number;
	costs?: AnswerCosts;
	seed?: number;
	/** Larger collections are simulated on an even sample of this many cards, then scaled up. */
	maxCards?: number;
}

/** The year at one desired retention. */
export interface WorkloadPoint {
	retention: number;
	/** Answers per day, on average over the year (new cards and reviews). */
	reviewsPerDay: number;
	/** Study minutes per day, on average. */
	minutesPerDay: number;
	/** Cards remembered at the end of the year: the sum of their chances of recall. */
	remembered: number;
	/** Study seconds per remembered card: what the optimum minimises. */
	secondsPerRemembered: number;
}

export interface Workload {
	points: WorkloadPoint[];
	/** Seconds per remembered card at each point, averaged with its neighbours (the mark's basis). */
	smoothed: number[];
	/** The retention with the least study time per remembered card. */
	optimal: number;
	days: number;
	cards: number;
	/** Cards actually simulated (an even sample when the collection is larger than `maxCards`). */
	simulated: number;
}

/** 0.70, 0.73, … 0.97. */
export const WORKLOAD_RETENTIONS: readonly number[] = Array.from(
	{ length: 10 },
	(_, i) => Math.round((0.7 + 0.03 * i) * 100) / 100
);

// Ratings of a recalled review and of a card seen for the first time, in the proportions a typical
// collection shows: mostly Good.
const RECALLED = [
	[2, 0.1],
	[3, 0.8],
	[4, 0.1]
] as const;
const FIRST = [
	[1, 0.2],
	[2, 0.1],
	[3, 0.6],
	[4, 0.1]
] as const;

interface SimCard {
	/** Index in the sample and answers so far: they fix the random numbers each answer draws. */
	id: number;
	n: number;
	memory?: Memory;
	due: number;
}

const dayOf = (ms: number, dayStart: number) => Math.floor((ms - dayStart) / DAY);

/** Every card as a simulation card: past reviews as memories, due days relative to today. */
function startingCards(input: WorkloadInput, sample: readonly WorkloadCard[]): SimCard[] {
	return sample.map((c, id) => {
		if (c.state === 0 || !(c.stability > 0) || c.lastReview === null) return { id, n: 0, due: -1 };
		const last = dayOf(c.lastReview, input.dayStart);
		return {
			id,
			n: 0,
			memory: { state: { stability: c.stability, difficulty: c.difficulty }, at: last * DAY },
			due: Math.max(0, dayOf(c.due, input.dayStart))
		};
	});
}

/** An even sample: every k-th card, so new and old cards keep their shares. */
function sampleCards(cards: readonly WorkloadCard[], max: number): readonly WorkloadCard[] {
	if (cards.length <= max) return cards;
	const step = cards.length / max;
	return Array.from({ length: max }, (_, i) => cards[Math.floor(i * step)] as WorkloadCard);
}

function simulateOne(
	input: WorkloadInput,
	sample: readonly WorkloadCard[],
	scale: number,
	retention: number
): WorkloadPoint {
	const days = input.days ?? 365;
	const costs = input.costs ?? DEFAULT_COSTS;
	const seed = input.seed ?? 1;
	// Two numbers per answer: whether it is recalled, and the rating.
	const draw = (c: SimCard) => {
		const n = c.n++;
		return [uniformAt(seed, c.id, 2 * n), uniformAt(seed, c.id, 2 * n + 1)] as const;
	};
	const model = memoryModel(input.parameters);
	const scheduler = fsrs(
		generatorParameters({
			w: [...input.parameters],
			request_retention: retention,
			maximum_interval: input.maximumInterval,
			enable_fuzz: false
		})
	);
	const cards = startingCards(input, sample);
	const fresh = cards.filter((c) => !c.memory);
	// Due days: a bucket per day, the cards due that day (and those the review limit pushed on).
	const buckets: SimCard[][] = Array.from({ length: days + 1 }, () => []);
	const bucket = (day: number) => buckets[day] ?? [];
	for (const c of cards) if (c.memory && c.due < days) bucket(c.due).push(c);
	const schedule = (c: SimCard, day: number, memory: Memory) => {
		c.memory = memory;
		c.due = day + scheduler.next_interval(memory.state.stability, 0);
		if (c.due < days) bucket(c.due).push(c);
	};
	// Limits scaled to the sample, with the fractions carried over from day to day.
	let newCredit = 0;
	let reviewCredit = 0;
	let answers = 0;
	let seconds = 0;
	for (let day = 0; day < days; day++) {
		const at = day * DAY;
		reviewCredit = Math.min(reviewCredit, 1) + input.reviewsPerDay / scale;
		const due = bucket(day);
		const limit = Math.min(due.length, Math.floor(reviewCredit));
		reviewCredit -= limit;
		// Past the review limit: tomorrow, first in line.
		if (limit < due.length) bucket(day + 1).unshift(...due.slice(limit));
		for (const c of due.slice(0, limit)) {
			const [u, v] = draw(c);
			const recalled = u < model.recall(c.memory, at);
			let memory = model.update(c.memory, recalled ? weighted(() => v, RECALLED) : 1, at);
			// A forgotten card is relearned the same day: one more step, rated Good.
			if (!recalled) memory = model.update(memory, 3, at);
			seconds += recalled ? costs.recall : costs.forget;
			answers++;
			schedule(c, day, memory);
		}
		newCredit = Math.min(newCredit, 1) + input.newPerDay / scale;
		while (newCredit >= 1 && fresh.length) {
			newCredit--;
			const c = fresh.shift() as SimCard;
			const first = weighted(() => draw(c)[1], FIRST);
			let memory = model.update(undefined, first, at);
			// Learning steps end with a Good the same day unless the first answer was Easy.
			if (first < 4) memory = model.update(memory, 3, at);
			seconds += costs.learn;
			answers++;
			schedule(c, day, memory);
		}
	}
	const end = days * DAY;
	const remembered = cards.reduce((sum, c) => sum + model.recall(c.memory, end), 0) * scale;
	const total = seconds * scale;
	return {
		retention,
		reviewsPerDay: (answers * scale) / days,
		minutesPerDay: total / 60 / days,
		remembered,
		secondsPerRemembered: remembered > 0 ? total / remembered : Infinity
	};
}

/**
 * Study seconds per remembered card at each point, averaged with its neighbours (an end point
 * counts itself twice, so it is weighed like the others): a simulation is noisy, and one lucky
 * point should not move the mark. The page shows these figures beside the mark they give.
 */
export function smoothedCosts(points: readonly WorkloadPoint[]): number[] {
	const cost = points.map((p) => p.secondsPerRemembered);
	return cost.map((c, i) => ((cost[i - 1] ?? c) + c + (cost[i + 1] ?? c)) / 3);
}

/** The retention with the least study time per remembered card, on the smoothed curve. */
export function optimum(points: readonly WorkloadPoint[]): number {
	const smooth = smoothedCosts(points);
	let best = { retention: NaN, cost: Infinity };
	for (const [i, p] of points.entries()) {
		const cost = smooth[i] as number;
		if (cost < best.cost) best = { retention: p.retention, cost };
	}
	return best.retention;
}

/**
 * Simulates the year ahead at each desired retention and marks the one with the least study time
 * per remembered card. `onPoint` reports each retention as it is done (for a progress bar).
 * @example computeWorkload({ parameters: default_w, cards, dayStart, newPerDay: 20, reviewsPerDay: 200, maximumInterval: 36500 }).optimal // 0.85
 */
export function computeWorkload(
	input: WorkloadInput,
	onPoint?: (done: number, total: number) => void
): Workload {
	const retentions = input.retentions ?? WORKLOAD_RETENTIONS;
	const sample = sampleCards(input.cards, input.maxCards ?? 4000);
	const scale = input.cards.length / Math.max(1, sample.length);
	const points: WorkloadPoint[] = [];
	for (const r of retentions) {
		points.push(simulateOne(input, sample, scale, r));
		onPoint?.(points.length, retentions.length);
	}
	return {
		points,
		smoothed: smoothedCosts(points),
		optimal: optimum(points),
		days: input.days ?? 365,
		cards: input.cards.length,
		simulated: sample.length
	};
}
