/**
 * The workload ahead: a year of study of this collection simulated at each desired retention, with
 * the learner's own FSRS parameters as both the memory and the scheduler. Answers are drawn from the
 * forgetting curve; new cards come in at the daily limit and reviews stop at the review limit.
 * Pure and deterministic for a seed: every retention sees the same random numbers, so the curve
 * compares retentions, not luck.
 */
import { fsrs, generatorParameters } from 'ts-fsrs';
import { memoryModel, type Memory, type MemoryModel } from './memory-model';
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

/**
 * Times for a card with a short answer, where the learner's own are not known yet: the reference
 * FSRS simulator's default per-answer times folded into three kinds. A recalled review is its
 * Hard, Good and Easy times by their shares (about 13 s); a lapse is the Again (19 s) plus its
 * relearning answers (19 s); a new card is its first answer and the learning steps after it.
 */
export const DEFAULT_COSTS: AnswerCosts = { learn: 38, recall: 13, forget: 38 };

export interface WorkloadInput {
	/** FSRS-6 parameters (21 numbers): the learner's own, or the defaults. */
	parameters: readonly number[];
	cards: readonly WorkloadCard[];
	/** When today's study day began (epoch ms): day 0 of the simulation. */
	dayStart: number;
	newPerDay: number;
	reviewsPerDay: number;
	maximumInterval: number;
	/** Desired retentions to try; 0.70 to 0.97 in steps of 0.01 when absent. */
	retentions?: readonly number[];
	days?: number;
	costs?: AnswerCosts;
	/** The first of the runs averaged at each retention (each run draws other random numbers). */
	seed?: number;
	/** Runs averaged at each retention, so that luck cannot choose the mark (3 when absent). */
	runs?: number;
	/**
	 * When the year would see more cards than this (the collection's and those added), it is
	 * simulated on an even sample of about this many, then scaled up (2,000 when absent).
	 */
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

/** 0.70, 0.71, … 0.97: steps of a point, so the mark need not snap to a coarse grid. */
export const WORKLOAD_RETENTIONS: readonly number[] = Array.from(
	{ length: 28 },
	(_, i) => Math.round((0.7 + 0.01 * i) * 100) / 100
);

// How learners answer, in the shares the reference FSRS simulator assumes by default: a recalled
// review is mostly Good, with Hard more common than Easy; a first sight is Again about a quarter of
// the time.
const RECALLED = [
	[2, 0.224],
	[3, 0.631],
	[4, 0.145]
] as const;
const FIRST = [
	[1, 0.24],
	[2, 0.094],
	[3, 0.495],
	[4, 0.171]
] as const;

/** Same-day steps: what the next answer is after an Again, a Hard and a Good (same reference). */
type StepTable = readonly (readonly (readonly [1 | 2 | 3 | 4, number])[])[];
const row = (a: number, h: number, g: number, e: number) =>
	[
		[1, a],
		[2, h],
		[3, g],
		[4, e]
	] as const;
const LEARNING_STEPS: StepTable = [
	row(0.3686, 0.0628, 0.5108, 0.0577),
	row(0.0442, 0.4553, 0.4457, 0.0549),
	row(0.0519, 0.047, 0.8462, 0.055)
];
const RELEARNING_STEPS: StepTable = [
	row(0.2157, 0.0643, 0.6595, 0.0604),
	row(0.05, 0.4638, 0.4475, 0.0387),
	row(0.1057, 0.1434, 0.7266, 0.0244)
];

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

/**
 * Answers the same day until the card leaves its steps: `steps` passing answers in a row (Good or
 * Easy; Again starts over, Hard repeats the step), at once on Easy, five answers at most. A first
 * answer that passed counts as the first step.
 */
function sameDay(
	model: MemoryModel,
	memory: Memory,
	first: 1 | 2 | 3 | 4,
	steps: number,
	table: StepTable,
	random: () => number,
	at: number
): Memory {
	let rating = first;
	let passed = first >= 3 ? 1 : 0;
	for (let i = 0; i < 5 && passed < steps && rating < 4; i++) {
		rating = weighted(random, table[rating - 1] ?? []);
		memory = model.update(memory, rating, at);
		if (rating >= 3) passed++;
		else if (rating === 1) passed = 0;
	}
	return memory;
}

/** Totals of one run at one retention. */
interface RunTotals {
	answers: number;
	seconds: number;
	remembered: number;
}

function simulateRun(
	input: WorkloadInput,
	sample: readonly WorkloadCard[],
	scale: number,
	retention: number,
	seed: number
): RunTotals {
	const days = input.days ?? 365;
	const costs = input.costs ?? DEFAULT_COSTS;
	// The numbers a card draws are fixed by the card and its count of draws (common random numbers).
	const randomFor = (c: SimCard) => () => uniformAt(seed, c.id, c.n++);
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
			const random = randomFor(c);
			const recalled = random() < model.recall(c.memory, at);
			const rating = recalled ? weighted(random, RECALLED) : 1;
			let memory = model.update(c.memory, rating, at);
			if (!recalled) memory = sameDay(model, memory, 1, 1, RELEARNING_STEPS, random, at);
			seconds += recalled ? costs.recall : costs.forget;
			answers++;
			schedule(c, day, memory);
		}
		// New cards every day of the year, as the learner's limit allows: the collection's own first,
		// then the cards a learner who keeps studying goes on adding (time per remembered card is
		// a steady-state figure; a collection that runs dry would favour whatever forgets cheapest).
		newCredit = Math.min(newCredit, 1) + input.newPerDay / scale;
		while (newCredit >= 1) {
			newCredit--;
			let c = fresh.shift();
			if (!c) {
				c = { id: cards.length, n: 0, due: -1 };
				cards.push(c);
			}
			const random = randomFor(c);
			const first = weighted(random, FIRST);
			const memory = sameDay(
				model,
				model.update(undefined, first, at),
				first,
				2,
				LEARNING_STEPS,
				random,
				at
			);
			seconds += costs.learn;
			answers++;
			schedule(c, day, memory);
		}
	}
	const end = days * DAY;
	const remembered = cards.reduce((sum, c) => sum + model.recall(c.memory, end), 0);
	return { answers: answers * scale, seconds: seconds * scale, remembered: remembered * scale };
}

function simulateOne(
	input: WorkloadInput,
	sample: readonly WorkloadCard[],
	scale: number,
	retention: number
): WorkloadPoint {
	const days = input.days ?? 365;
	const runs = Math.max(1, input.runs ?? 3);
	const first = input.seed ?? 1;
	let answers = 0;
	let total = 0;
	let remembered = 0;
	for (let r = 0; r < runs; r++) {
		const run = simulateRun(input, sample, scale, retention, first + r);
		answers += run.answers / runs;
		total += run.seconds / runs;
		remembered += run.remembered / runs;
	}
	return {
		retention,
		reviewsPerDay: answers / days,
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
	// The cards the year will see: the collection's and those added once its new cards run out.
	// Past `maxCards` all of them are simulated on an even sample, so a phone finishes in seconds.
	const fresh = input.cards.filter((c) => c.state === 0).length;
	const added = Math.max(0, input.newPerDay * (input.days ?? 365) - fresh);
	const share = Math.min(1, (input.maxCards ?? 2000) / (input.cards.length + added));
	const sample = sampleCards(input.cards, Math.max(1, Math.round(input.cards.length * share)));
	const scale = sample.length > 0 ? input.cards.length / sample.length : 1 / share;
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
