/**
 * A year of study by a simulated learner, driven by the app's own code: the mode each card is asked
 * in (`chooseMode`), the choices shown (`mcqOptions`), the grading and the rating it proposes
 * (`gradeResponse`, with the app's typed-answer matcher and slow-answer rule), the scheduler
 * (`createScheduler`, seeded per card as in the review) and when a learning card may come back
 * (`isReady`, `waitFor`). The learner accepts every proposed rating; on a flashcard it rates itself
 * honestly. Pure and deterministic for a seed.
 */
import { default_w } from 'ts-fsrs';
import { hash } from '../../src/lib/deck/hash';
import type { Card } from '../../src/lib/deck/schema';
import {
	chooseMode,
	gradeResponse,
	mcqOptions,
	type DeckMode,
	type QuizMode
} from '../../src/lib/quiz';
import {
	createScheduler,
	isReady,
	waitFor,
	type CardState,
	type LogEntry
} from '../../src/lib/scheduler';
import { syntheticDeck, valuesByType } from './deck';
import { memoryModel, type Memory } from '../../src/lib/scheduler/memory-model';
import { seeded } from '../../src/lib/scheduler/random';
import {
	chooseOption,
	honestRating,
	KNOWN_ON_FIRST_SIGHT,
	responseMs,
	typedText,
	type Rating
} from './responses';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Day 0 of every run (a Monday), in UTC: sessions start at noon, the study day at 4 am. */
const EPOCH = Date.UTC(2026, 0, 5);
/** Seconds between answers besides the answer itself: reading the feedback, tapping on. */
const BETWEEN_ANSWERS_MS = 3000;

export interface SimulationOptions {
	/** How the deck is asked: the app's deck mode ('mixed' is the app's default). */
	deckMode: DeckMode;
	cards: number;
	days: number;
	/** The app's defaults: 20 new cards and 200 reviews a day. */
	newPerDay: number;
	reviewsPerDay: number;
	desiredRetention: number;
	seed: number;
	/** The learner's true memory parameters (FSRS-6, 21 numbers). */
	trueW: readonly number[];
	/** The parameters the app schedules with (its defaults unless the learner optimized). */
	appW?: readonly number[];
	/** Grade as the app did before issue 16: a right choice proposes Good whatever the card's state. */
	rightChoiceGood?: boolean;
}

export const DEFAULT_OPTIONS: Omit<SimulationOptions, 'deckMode'> = {
	cards: 1000,
	days: 365,
	newPerDay: 20,
	reviewsPerDay: 200,
	desiredRetention: 0.9,
	seed: 1,
	trueW: default_w
};

/** Counts over the answers given to cards in review (a study day or more after the last). */
export interface ReviewCounts {
	reviews: number;
	/** The memory recalled the answer: what retention means. */
	recalled: number;
	/** The app graded the answer right (a rating above Again). */
	gradedRight: number;
	/** Graded right though the memory failed: a guess that came off, or partial knowledge. */
	lucky: number;
	/** Graded wrong (Again) though the memory recalled: a typo the matcher refused. */
	refused: number;
}

export interface SimulationResult {
	options: SimulationOptions;
	/** Every scheduling answer, in the shape the optimizer's input builder reads. */
	log: LogEntry[];
	answers: number;
	/** Answers by the mode they were asked in. */
	modes: Partial<Record<QuizMode, number>>;
	review: ReviewCounts;
	byMode: Partial<Record<QuizMode, ReviewCounts>>;
	/** Cards introduced by the end. */
	introduced: number;
	/** The memory's true chance of recall at each answer, by the answer's time (unique per run). */
	recallAt: Map<number, number>;
}

const emptyCounts = (): ReviewCounts => ({
	reviews: 0,
	recalled: 0,
	gradedRight: 0,
	lucky: 0,
	refused: 0
});

function count(counts: ReviewCounts, recalled: boolean, grade: Rating): void {
	counts.reviews++;
	if (recalled) counts.recalled++;
	if (grade > 1) counts.gradedRight++;
	if (grade > 1 && !recalled) counts.lucky++;
	if (grade === 1 && recalled) counts.refused++;
}

interface SimCard {
	content: Card;
	uid: string;
	state: CardState;
	memory?: Memory;
}

/**
 * Runs one policy for `options.days` days.
 * @example simulate({ ...DEFAULT_OPTIONS, deckMode: 'flashcard', cards: 200, days: 60 }).review
 */
export function simulate(options: SimulationOptions): SimulationResult {
	const random = seeded(options.seed);
	// The deck is drawn from its own seed, so every policy of a run studies the same cards.
	const deck = syntheticDeck(options.cards, seeded(options.seed ^ 0x5eed));
	const pools = valuesByType(deck);
	const scheduler = createScheduler({
		desiredRetention: options.desiredRetention,
		...(options.appW ? { parameters: options.appW } : {})
	});
	const model = memoryModel(options.trueW);
	const cards: SimCard[] = deck.map((content) => ({
		content,
		uid: `sim|${content.id}`,
		state: scheduler.newCard(new Date(EPOCH))
	}));
	const result: SimulationResult = {
		options,
		log: [],
		answers: 0,
		modes: {},
		review: emptyCounts(),
		byMode: {},
		introduced: 0,
		recallAt: new Map()
	};

	const answer = (card: SimCard, now: number): number => {
		const pool = pools.get(card.content.answerType ?? '') ?? [];
		const mode = chooseMode(card.content, card.state.state, options.deckMode, pool);
		const r = model.recall(card.memory, now);
		const recalled = random() < (card.memory ? r : KNOWN_ON_FIRST_SIGHT);
		const honest = honestRating(recalled, random);
		const ms = responseMs(mode, honest, random);
		let grade: Rating = honest;
		if (mode !== 'flashcard') {
			const right = card.content.answer;
			let response: string;
			let others: string[] = [];
			if (mode === 'mcq') {
				others = mcqOptions(card.content, pool, hash(`${card.uid}|${now}`)).filter(
					(o) => o !== right
				);
				response = chooseOption(right, others, 'mcq', recalled, r, random);
			} else if (mode === 'truefalse') {
				const wrong = right === 'True' ? 'False' : 'True';
				response = chooseOption(right, [wrong], 'truefalse', recalled, r, random);
			} else
				response = typedText(
					right,
					pool.filter((v) => v !== right),
					recalled,
					random
				);
			// The rule before issue 16 ignored the state: as on a learning step, a right choice was Good.
			const state = options.rightChoiceGood ? 1 : card.state.state;
			grade = gradeResponse({
				card: card.content,
				mode,
				response,
				durationMs: ms,
				others,
				state
			}).grade;
		}
		if (card.state.state === 2) {
			count(result.review, recalled, grade);
			count((result.byMode[mode] ??= emptyCounts()), recalled, grade);
		}
		result.answers++;
		result.modes[mode] = (result.modes[mode] ?? 0) + 1;
		result.log.push({ uid: card.uid, kind: 'review', grade, reviewedAt: now, mode });
		result.recallAt.set(now, r);
		card.state = scheduler.answer(card.state, grade, new Date(now), card.uid);
		card.memory = model.update(card.memory, honest, now);
		return ms;
	};

	let next = 0;
	for (let day = 0; day < options.days; day++) {
		const dayEnd = EPOCH + (day + 1) * DAY + 4 * HOUR;
		let now = EPOCH + day * DAY + 12 * HOUR;
		const started = cards.slice(0, next);
		const learning = started.filter(
			(c) => (c.state.state === 1 || c.state.state === 3) && c.state.due.getTime() < dayEnd
		);
		const reviews = started
			.filter((c) => c.state.state === 2 && c.state.due.getTime() < dayEnd)
			.sort((a, b) => a.state.due.getTime() - b.state.due.getTime())
			.slice(0, options.reviewsPerDay);
		const fresh = cards.slice(next, next + options.newPerDay);
		next += fresh.length;
		// New cards spread among the reviews, as a review that mixes them in shows them.
		const queue: SimCard[] = [];
		const every = fresh.length ? Math.max(1, Math.floor(reviews.length / fresh.length)) : 0;
		for (const [i, c] of reviews.entries()) {
			queue.push(c);
			if (every && (i + 1) % every === 0 && fresh.length) queue.push(fresh.shift() as SimCard);
		}
		queue.push(...fresh);
		let waiting: SimCard[] = learning;
		const times = (c: SimCard) => ({
			due: c.state.due.getTime(),
			last_review: c.state.last_review?.getTime() ?? null
		});
		for (;;) {
			const ready = waiting
				.filter((c) => isReady(times(c), now))
				.sort((a, b) => a.state.due.getTime() - b.state.due.getTime())[0];
			const card = ready ?? queue.shift();
			if (!card) {
				const wait = waitFor(waiting.map(times), now, dayEnd);
				if (!wait) break;
				now = Math.max(now + 1000, wait.until);
				continue;
			}
			waiting = waiting.filter((c) => c !== card);
			now += answer(card, now) + BETWEEN_ANSWERS_MS;
			const s = card.state.state;
			if ((s === 1 || s === 3) && card.state.due.getTime() < dayEnd) waiting.push(card);
		}
	}
	result.introduced = next;
	return result;
}
