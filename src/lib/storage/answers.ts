import type { StudyDb } from './db';
import { pickState, type CardRow, type QuizMode, type ReviewLogRow, type StateRow } from './rows';

/** The card changed since it was shown (answered in another tab, or undone): the answer is refused. */
export class StaleAnswerError extends Error {
	constructor(readonly uid: string) {
		super('This card was already answered elsewhere; the queue has been refreshed.');
		this.name = 'StaleAnswerError';
	}
}

export class MissingCardError extends Error {
	constructor(readonly uid: string) {
		super(`No card ${uid}`);
		this.name = 'MissingCardError';
	}
}

export interface AnswerInput {
	uid: string;
	/** The state the learner saw: the answer is refused when the card moved on since. */
	seen: StateRow;
	grade: ReviewLogRow['grade'];
	now: Date;
	durationMs: number;
	mode: QuizMode;
	/** Computes the new state from the stored one (the scheduler, passed in by the caller). */
	next: (current: StateRow) => StateRow;
	/** A unique id for the log row; `crypto.randomUUID()` when absent. */
	logId?: string;
}

const sameState = (a: StateRow, b: StateRow) =>
	a.reps === b.reps && a.due === b.due && a.last_review === b.last_review && a.state === b.state;

/**
 * Records one answer: the new card state and one review-log row, in a single transaction, so an
 * answer is either fully recorded or not at all.
 */
export async function recordAnswer(
	db: StudyDb,
	input: AnswerInput
): Promise<{ card: CardRow; log: ReviewLogRow }> {
	return db.transaction('rw', db.cards, db.reviewLogs, async () => {
		const card = await db.cards.get(input.uid);
		if (!card) throw new MissingCardError(input.uid);
		if (!sameState(card, input.seen)) throw new StaleAnswerError(input.uid);
		const before = pickState(card);
		const log: ReviewLogRow = {
			id: input.logId ?? crypto.randomUUID(),
			uid: card.uid,
			deckId: card.deckId,
			cardId: card.cardId,
			note: card.note,
			grade: input.grade,
			reviewedAt: input.now.getTime(),
			durationMs: Math.max(0, Math.round(input.durationMs)),
			mode: input.mode,
			before
		};
		const updated: CardRow = { ...card, ...input.next(before) };
		await db.reviewLogs.add(log);
		await db.cards.put(updated);
		return { card: updated, log };
	});
}

/**
 * Takes back an answer: removes its log row and restores the state it recorded. Only the card's
 * latest answer can be taken back, so the history stays a straight line.
 */
export async function undoAnswer(db: StudyDb, logId: string): Promise<CardRow> {
	return db.transaction('rw', db.cards, db.reviewLogs, async () => {
		const log = await db.reviewLogs.get(logId);
		if (!log) throw new Error('That answer is no longer recorded.');
		const latest = await db.reviewLogs
			.where('[uid+reviewedAt]')
			.between([log.uid, log.reviewedAt], [log.uid, Number.MAX_SAFE_INTEGER])
			.toArray();
		if (latest.some((l) => l.id !== log.id && l.reviewedAt >= log.reviewedAt))
			throw new Error('A later answer of this card must be undone first.');
		const card = await db.cards.get(log.uid);
		if (!card) throw new MissingCardError(log.uid);
		const restored: CardRow = { ...card, ...log.before };
		await db.reviewLogs.delete(log.id);
		await db.cards.put(restored);
		return restored;
	});
}

/** Every answer of one card, oldest first. */
export async function historyOf(db: StudyDb, uid: string): Promise<ReviewLogRow[]> {
	return db.reviewLogs
		.where('[uid+reviewedAt]')
		.between([uid, Number.MIN_SAFE_INTEGER], [uid, Number.MAX_SAFE_INTEGER])
		.toArray();
}
