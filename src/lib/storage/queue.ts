import { Dexie } from 'dexie';
import type { StudyDb } from './db';
import type { CardRow } from './rows';

export interface QueueOptions {
	now: Date;
	/** Start of the current study day. */
	dayStart: Date;
	/** End of the current study day: reviews due before it are due today. */
	dayEnd: Date;
	deckId?: string;
	newPerDay: number;
	reviewsPerDay: number;
	/** Learning cards due this soon are shown now rather than making the learner wait. */
	learnAheadMs: number;
}

export interface DueQueue {
	cards: CardRow[];
	counts: { learning: number; review: number; new: number };
}

const LEARNING_STATES = [1, 3] as const;

function range(db: StudyDb, deckId: string | undefined, state: number, from: number, to: number) {
	return deckId === undefined
		? db.cards.where('[active+state+due]').between([1, state, from], [1, state, to], true, true)
		: db.cards
				.where('[deckId+active+state+due]')
				.between([deckId, 1, state, from], [deckId, 1, state, to], true, true);
}

function newCards(db: StudyDb, deckId: string | undefined) {
	return deckId === undefined
		? db.cards.where('[active+state+order]').between([1, 0, Dexie.minKey], [1, 0, Dexie.maxKey])
		: db.cards
				.where('[deckId+active+state+order]')
				.between([deckId, 1, 0, Dexie.minKey], [deckId, 1, 0, Dexie.maxKey]);
}

/** Answers given since the study day began, by the state the card was in: for the daily limits. */
async function doneToday(db: StudyDb, options: QueueOptions) {
	const from = options.dayStart.getTime();
	const logs =
		options.deckId === undefined
			? db.reviewLogs.where('reviewedAt').aboveOrEqual(from)
			: db.reviewLogs
					.where('[deckId+reviewedAt]')
					.between([options.deckId, from], [options.deckId, Dexie.maxKey]);
	let newDone = 0;
	let reviewsDone = 0;
	const notes = new Set<string>();
	await logs.each((log) => {
		notes.add(log.note);
		if (log.before.state === 0) newDone++;
		else if (log.before.state === 2) reviewsDone++;
	});
	return { newDone, reviewsDone, notes };
}

/**
 * New cards in deck order, at most one per fact, skipping facts already studied today: two cards
 * asking the same thing back to back teach nothing (Anki buries such siblings too).
 */
async function firstNewPerNote(
	db: StudyDb,
	deckId: string | undefined,
	limit: number,
	seen: Set<string>
): Promise<CardRow[]> {
	const taken = new Set(seen);
	const out: CardRow[] = [];
	await newCards(db, deckId)
		.until(() => out.length >= limit)
		.each((card) => {
			if (out.length >= limit || taken.has(card.note)) return;
			taken.add(card.note);
			out.push(card);
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
 * Today's queue: learning cards due (or due within the learn-ahead window) first, then reviews due
 * today up to the daily limit, with new cards up to the daily limit mixed in. Reads indexes only.
 */
export async function buildQueue(db: StudyDb, options: QueueOptions): Promise<DueQueue> {
	const { deckId } = options;
	const learnUntil = options.now.getTime() + options.learnAheadMs;
	const { newDone, reviewsDone, notes } = await doneToday(db, options);
	const reviewRoom = Math.max(0, options.reviewsPerDay - reviewsDone);
	const newRoom = Math.max(0, options.newPerDay - newDone);
	const [learning, reviews, fresh] = await Promise.all([
		Promise.all(
			LEARNING_STATES.map((s) =>
				range(db, deckId, s, Number.MIN_SAFE_INTEGER, learnUntil).toArray()
			)
		).then((lists) => lists.flat().sort((a, b) => a.due - b.due)),
		range(db, deckId, 2, Number.MIN_SAFE_INTEGER, options.dayEnd.getTime() - 1)
			.limit(reviewRoom)
			.toArray(),
		newRoom === 0 ? [] : firstNewPerNote(db, deckId, newRoom, notes)
	]);
	return {
		cards: [...learning, ...interleave(reviews, fresh)],
		counts: { learning: learning.length, review: reviews.length, new: fresh.length }
	};
}

/** When the next card becomes due after the current queue is empty (undefined when none will). */
export async function nextDueAt(db: StudyDb, options: QueueOptions): Promise<Date | undefined> {
	const firsts = await Promise.all(
		[1, 2, 3].map((s) =>
			range(db, options.deckId, s, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER).first()
		)
	);
	const times = firsts.filter((c): c is CardRow => c !== undefined).map((c) => c.due);
	const hasNew = (await newCards(db, options.deckId).first()) !== undefined;
	if (hasNew) times.push(options.dayEnd.getTime());
	if (times.length === 0) return undefined;
	return new Date(Math.max(Math.min(...times), options.now.getTime()));
}
