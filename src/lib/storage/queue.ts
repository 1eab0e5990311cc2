import { Dexie } from 'dexie';
import type { StudyDb } from './db';
import type { CardRow } from './rows';
import { EARLY_MAX_MS, isReady, readyAt } from '$lib/scheduler/learning-wait';
import { inSubdeck } from '$lib/deck/subdecks';
import {
	hasSubdeckLimits,
	limitChain,
	subdeckLimitKey,
	subdeckLine,
	type LimitKind
} from '$lib/deck/subdeck-limits';

/** Daily limits: for all decks together, and optionally lower ones for single decks. */
export interface Limits {
	newPerDay: number;
	reviewsPerDay: number;
}

export interface QueueOptions extends Limits {
	now: Date;
	/** Start of the current study day. */
	dayStart: Date;
	/** End of the current study day: reviews due before it are due today. */
	dayEnd: Date;
	/** Only this deck's cards; all decks when absent. */
	deckId?: string;
	/**
	 * With `deckId`: only the cards of this sub-deck and the sub-decks below it (`Verbs` includes
	 * `Verbs::Irregular`), within the sub-deck's own daily limits (see `limitChain`).
	 */
	subdeck?: string;
	/**
	 * Per-deck limits, each capped by the limits for all decks; a sub-deck's own under
	 * `subdeckLimitKey(deckId, path)`.
	 */
	deckLimits?: Record<string, Partial<Limits>>;
}

export interface DueQueue {
	cards: CardRow[];
	counts: { learning: number; review: number; new: number };
	/**
	 * Learning cards due today whose step is not over yet (see `isReady`), soonest first: left out of
	 * `cards`, asked when they are ready or when the learner chooses to study ahead.
	 */
	waiting: CardRow[];
	/** How many learning cards wait for their step today (`waiting` may hold fewer). */
	waitingCount: number;
	/**
	 * The moment the first waiting learning card becomes ready: reading the queue again then adds
	 * it.
	 */
	learningLater?: number;
	/** More learning cards were due than one queue reads: reading it again adds the rest. */
	truncated: boolean;
	/** Scheduling answers given since the study day began, in this queue's scope (one deck or all). */
	answered: number;
}

const LEARNING_STATES = [1, 3] as const;

/**
 * At most this many learning cards are read per state for one queue, so the cost stays flat however
 * many are due; the queue says when it left some out, and a session reads it again for the rest.
 */
const LEARNING_READ = 200;

/** The study scope: a deck, or one of its sub-decks (read through the deck's index, then kept). */
interface Scope {
	deckId?: string | undefined;
	subdeck?: string | undefined;
}

/** Whether a card of the scope's deck is in its sub-deck (always, with no sub-deck). */
const inScope = (scope: Scope) => (card: CardRow) => inSubdeck(card.content.subdeck, scope.subdeck);

function range(db: StudyDb, scope: Scope, state: number, from: number, to: number) {
	const { deckId } = scope;
	const rows =
		deckId === undefined
			? db.cards.where('[active+state+due]').between([1, state, from], [1, state, to], true, true)
			: db.cards
					.where('[deckId+active+state+due]')
					.between([deckId, 1, state, from], [deckId, 1, state, to], true, true);
	// Without a sub-deck the reads stay plain index reads (getAll), the common and fast case.
	return deckId !== undefined && scope.subdeck ? rows.filter(inScope(scope)) : rows;
}

function newCards(db: StudyDb, scope: Scope) {
	const { deckId } = scope;
	const rows =
		deckId === undefined
			? db.cards.where('[active+state+order]').between([1, 0, Dexie.minKey], [1, 0, Dexie.maxKey])
			: db.cards
					.where('[deckId+active+state+order]')
					.between([deckId, 1, 0, Dexie.minKey], [deckId, 1, 0, Dexie.maxKey]);
	return deckId !== undefined && scope.subdeck ? rows.filter(inScope(scope)) : rows;
}

interface DoneCounts {
	newDone: number;
	reviewsDone: number;
	/** Every scheduling answer, whatever state the card was in (learning steps too). */
	answered: number;
}

interface Done extends DoneCounts {
	/** By deck id, and (when sub-decks are counted) by `subdeckLimitKey`. */
	byDeck: Map<string, DoneCounts>;
	/** Facts (sibling groups) answered today. */
	notes: Set<string>;
}

/**
 * Scheduling answers given since the study day began, by the state the card was in: for the daily
 * limits. Reads today's log rows through the `reviewedAt` index (a day's worth, not the history).
 * With `subdecks`, each answer also counts for its card's sub-deck and those above it (the day's
 * answered cards are read for their sub-deck: hundreds of rows, not the deck).
 */
async function doneToday(db: StudyDb, dayStart: Date, subdecks = false): Promise<Done> {
	const done: Done = {
		newDone: 0,
		reviewsDone: 0,
		answered: 0,
		byDeck: new Map(),
		notes: new Set()
	};
	// One getAll rather than a cursor: a cursor costs a round trip per row, and a day holds hundreds.
	const logs = (
		await db.reviewLogs.where('reviewedAt').aboveOrEqual(dayStart.getTime()).toArray()
	).filter((log) => log.kind === 'review');
	const paths = new Map<string, string | undefined>();
	if (subdecks) {
		const uids = [...new Set(logs.map((l) => l.uid))];
		(await db.cards.bulkGet(uids)).forEach((card, i) =>
			paths.set(uids[i] as string, card?.content.subdeck)
		);
	}
	const count = (key: string, state: number) => {
		const deck = done.byDeck.get(key) ?? { newDone: 0, reviewsDone: 0, answered: 0 };
		deck.answered++;
		if (state === 0) deck.newDone++;
		else if (state === 2) deck.reviewsDone++;
		done.byDeck.set(key, deck);
	};
	for (const log of logs) {
		done.notes.add(log.note);
		done.answered++;
		if (log.before.state === 0) done.newDone++;
		else if (log.before.state === 2) done.reviewsDone++;
		for (const scope of subdecks ? subdeckLine(paths.get(log.uid)) : [''])
			count(subdeckLimitKey(log.deckId, scope), log.before.state);
	}
	return done;
}

const DONE_KEY = { newPerDay: 'newDone', reviewsPerDay: 'reviewsDone' } as const;

/**
 * Reads cards in index order until `limit` are taken, skipping those `accept` refuses. Stops as
 * soon as it has enough: the cost follows the size of today's queue, not of the collection. The
 * first `limit` rows and some spare come in one getAll (a cursor costs a round trip per row, which made a
 * queue of 500 reviews take more than a frame); only when `accept` refused so many that more are
 * needed does a cursor go on from there.
 */
async function take(
	collection: ReturnType<typeof newCards>,
	limit: number,
	accept: (card: CardRow) => boolean
): Promise<CardRow[]> {
	const out: CardRow[] = [];
	if (limit <= 0) return out;
	const batch = limit + Math.min(limit, 200);
	const first = await collection.clone().limit(batch).toArray();
	for (const card of first) {
		if (out.length >= limit) return out;
		if (accept(card)) out.push(card);
	}
	if (out.length >= limit || first.length < batch) return out;
	await collection
		.offset(first.length)
		.until(() => out.length >= limit)
		.each((card) => {
			if (out.length < limit && accept(card)) out.push(card);
		});
	return out;
}

/** Spreads `extra` evenly through `base`: new cards mixed in at a steady rate. */
function interleave<T>(base: T[], extra: T[]): T[] {
	if (extra.length === 0) return base;
	if (base.length === 0) return extra;
	const out: T[] = [];
	const step = (base.length + extra.length) / extra.length;
	let b = 0;
	let e = 0;
	for (let i = 0; i < base.length + extra.length; i++) {
		if (e < extra.length && i >= Math.floor(e * step + step / 2) - 1) out.push(extra[e++] as T);
		else if (b < base.length) out.push(base[b++] as T);
		else out.push(extra[e++] as T);
	}
	return out;
}

/**
 * Today's queue: learning cards whose step is over first, then reviews due today up to the daily
 * limit, with new cards up to the daily limit mixed in; learning cards still in their step wait
 * apart (`waiting`). New cards come in deck
 * order, at most one per fact a day: two cards asking the same thing back to back teach nothing
 * (Anki buries such siblings too). Reads indexes only.
 */
export function buildQueue(db: StudyDb, options: QueueOptions): Promise<DueQueue> {
	// One read transaction for its dozen queries: each on its own took a transaction of its own,
	// which on a slow phone added up on every open of the review; one also reads a single moment.
	return db.transaction('r', db.cards, db.reviewLogs, () => readQueue(db, options));
}

async function readQueue(db: StudyDb, options: QueueOptions): Promise<DueQueue> {
	const { deckId } = options;
	const scope: Scope = { deckId, subdeck: options.subdeck };
	const now = options.now.getTime();
	// Learning cards that may be ready (due within the most a card may come early), then the rest
	// of today's: those wait for their step.
	const soon = now + EARLY_MAX_MS;
	const dayEnd = options.dayEnd.getTime();
	// Sub-decks are counted apart only when their limits can differ from the deck's: when one is
	// studied, or has limits of its own. Otherwise the deck's limits cap it all, as before.
	const subdecks =
		(deckId !== undefined && !!options.subdeck) || hasSubdeckLimits(options.deckLimits, deckId);
	const done = await doneToday(db, options.dayStart, subdecks);
	const newTaken = new Map<string, number>();
	const reviewTaken = new Map<string, number>();
	const chainOf = (card: CardRow, kind: LimitKind) =>
		subdecks
			? limitChain(
					options.deckLimits,
					card.deckId,
					card.content.subdeck,
					deckId !== undefined ? options.subdeck : undefined,
					kind
				)
			: [{ key: card.deckId, limit: options.deckLimits?.[card.deckId]?.[kind] }];
	// A card is taken when every scope that caps it (its deck, the sub-decks down to its own) has
	// room left today; it then counts against each of them.
	const within = (kind: LimitKind, taken: Map<string, number>) => (card: CardRow) => {
		const chain = chainOf(card, kind);
		for (const { key, limit } of chain) {
			if (limit === undefined) continue;
			const used = (done.byDeck.get(key)?.[DONE_KEY[kind]] ?? 0) + (taken.get(key) ?? 0);
			if (limit - used <= 0) return false;
		}
		for (const { key } of chain) taken.set(key, (taken.get(key) ?? 0) + 1);
		return true;
	};
	const notes = new Set(done.notes);
	const acceptNew = within('newPerDay', newTaken);
	const [lists, later, laterCounts, reviews, fresh] = await Promise.all([
		Promise.all(
			LEARNING_STATES.map((s) =>
				range(db, scope, s, Number.MIN_SAFE_INTEGER, soon).limit(LEARNING_READ).toArray()
			)
		),
		Promise.all(
			LEARNING_STATES.map((s) =>
				range(db, scope, s, soon + 1, dayEnd - 1)
					.limit(LEARNING_READ)
					.toArray()
			)
		),
		Promise.all(LEARNING_STATES.map((s) => range(db, scope, s, soon + 1, dayEnd - 1).count())),
		take(
			range(db, scope, 2, Number.MIN_SAFE_INTEGER, options.dayEnd.getTime() - 1),
			options.reviewsPerDay - done.reviewsDone,
			within('reviewsPerDay', reviewTaken)
		),
		take(newCards(db, scope), options.newPerDay - done.newDone, (card) => {
			if (notes.has(card.note) || !acceptNew(card)) return false;
			notes.add(card.note);
			return true;
		})
	]);
	const learning = lists.flat().sort((a, b) => a.due - b.due);
	// Learning cards whose step is over come first; the others wait for it, however little else is
	// left, so a card answered a moment ago does not come straight back.
	const ready = learning.filter((c) => isReady(c, now));
	const early = learning.filter((c) => !isReady(c, now));
	const waiting = [...early, ...later.flat().sort((a, b) => a.due - b.due)];
	const waitingCount = early.length + laterCounts.reduce((a, b) => a + b, 0);
	// Learning cards due after today's end come in with the next day's read.
	const readyTimes = waiting.filter((c) => c.due < dayEnd).map(readyAt);
	return {
		cards: [...ready, ...interleave(reviews, fresh)],
		counts: { learning: ready.length, review: reviews.length, new: fresh.length },
		waiting,
		waitingCount,
		...(readyTimes.length > 0 ? { learningLater: Math.min(...readyTimes) } : {}),
		truncated: lists.some((l) => l.length >= LEARNING_READ),
		answered: deckId === undefined ? done.answered : (done.byDeck.get(deckId)?.answered ?? 0)
	};
}

/** When the next card becomes due after the current queue is empty (undefined when none will). */
export async function nextDueAt(db: StudyDb, options: QueueOptions): Promise<Date | undefined> {
	const firsts = await Promise.all(
		[1, 2, 3].map((s) =>
			range(db, options, s, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER).first()
		)
	);
	const times = firsts.filter((c): c is CardRow => c !== undefined).map((c) => c.due);
	const hasNew = (await newCards(db, options).first()) !== undefined;
	if (hasNew) times.push(options.dayEnd.getTime());
	if (times.length === 0) return undefined;
	return new Date(Math.max(Math.min(...times), options.now.getTime()));
}
