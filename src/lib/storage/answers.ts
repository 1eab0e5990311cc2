import type { FuzzRange } from '$lib/scheduler/load-balance';
import type { StudyDb } from './db';
import { bumpRevision } from './revision';
import { newAction, recordAction } from './card-actions';
import {
	activeFlag,
	pickState,
	type CardRow,
	type LogKind,
	type QuizMode,
	type ReviewLogRow,
	type StateRow
} from './rows';

/** The card changed since it was shown (answered in another tab, or undone): the answer is refused. */
export class StaleAnswerError extends Error {
	constructor(readonly uid: string) {
		super(
			'This card was already answered in another tab or window; your queue has been refreshed.'
		);
		this.name = 'StaleAnswerError';
	}
}

/** An answer that cannot be taken back: its log row is gone, or the card was answered since. */
export class UndoRefusedError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UndoRefusedError';
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
	grade: 1 | 2 | 3 | 4;
	now: Date;
	durationMs: number;
	mode: QuizMode;
	/** A practice answer is logged but changes no schedule. */
	kind?: Extract<LogKind, 'review' | 'practice'>;
	/** Computes the new state from the stored one (the scheduler, passed in by the caller). */
	next: (current: StateRow) => StateRow;
	/** Lapses at which a card becomes a leech and is suspended; 0 turns leeches off. */
	leechThreshold?: number;
	response?: string;
	correct?: boolean;
	overridden?: boolean;
	/** A unique id for the log row; `crypto.randomUUID()` when absent. */
	logId?: string;
	/** Load balancing (a review only): pick the due day by the cards already due on each. */
	balance?: Balance;
}

/** What load balancing needs from the caller: the scheduler's range and choice, and the day. */
export interface Balance {
	/** Start of today's study day (epoch ms): day `d` of the range is `d` study days after it. */
	dayStart: number;
	/** The days the next interval may be moved to, for the stored state; none: no balancing. */
	range: (current: StateRow) => FuzzRange | undefined;
	/** The interval to use, given the cards already due `d` days on. */
	choose: (range: FuzzRange, dueOn: (days: number) => number) => number;
	/** The new state with that interval. */
	next: (current: StateRow, days: number) => StateRow;
	/**
	 * Cards due `d` days on as the caller keeps them in memory (the review session): then the
	 * answer reads no index for them.
	 */
	dueOn?: (days: number) => number;
}

const DAY = 86_400_000;

/** Cards in review due on each study day of `range` (by day offset): one read of an index. */
async function dueCounts(db: StudyDb, dayStart: number, range: FuzzRange) {
	const keys = await db.cards
		.where('[active+state+due]')
		.between(
			[1, 2, dayStart + range.min * DAY],
			[1, 2, dayStart + (range.max + 1) * DAY],
			true,
			false
		)
		.keys();
	const counts = new Map<number, number>();
	for (const key of keys) {
		const due = (key as unknown as [number, number, number])[2];
		const day = Math.floor((due - dayStart) / DAY);
		counts.set(day, (counts.get(day) ?? 0) + 1);
	}
	return (days: number) => counts.get(days) ?? 0;
}

export interface AnswerResult {
	card: CardRow;
	log: ReviewLogRow;
	/** This answer made the card a leech: it is now suspended and the learner should be told. */
	becameLeech: boolean;
	/** The database revision this write made, so the writer can tell its own writes apart. */
	revision: number;
}

/** Whether two rows hold the same scheduling state: an answer is only taken for the state shown. */
export const sameState = (a: StateRow, b: StateRow) =>
	a.reps === b.reps && a.due === b.due && a.last_review === b.last_review && a.state === b.state;

function logRow(
	card: CardRow,
	fields: Omit<ReviewLogRow, 'uid' | 'deckId' | 'cardId' | 'note' | 'before'>
) {
	return {
		uid: card.uid,
		deckId: card.deckId,
		cardId: card.cardId,
		note: card.note,
		before: pickState(card),
		...fields
	} satisfies ReviewLogRow;
}

/** Logs of one card must be strictly ordered in time, for undo and for replay. */
const logTime = (card: CardRow, now: Date) => Math.max(now.getTime(), card.lastLogAt + 1);

/**
 * Records one answer: the new card state and one review-log row, in a single transaction, so an
 * answer is either fully recorded or not at all.
 */
export async function recordAnswer(db: StudyDb, input: AnswerInput): Promise<AnswerResult> {
	return db.transaction('rw', db.cards, db.reviewLogs, db.cardActions, db.settings, async () => {
		const card = await db.cards.get(input.uid);
		if (!card) throw new MissingCardError(input.uid);
		if (!sameState(card, input.seen)) throw new StaleAnswerError(input.uid);
		const kind = input.kind ?? 'review';
		const reviewedAt = logTime(card, input.now);
		const log: ReviewLogRow = logRow(card, {
			id: input.logId ?? crypto.randomUUID(),
			kind,
			grade: input.grade,
			reviewedAt,
			durationMs: Math.max(0, Math.round(input.durationMs)),
			mode: input.mode
		});
		if (input.response !== undefined) log.response = input.response.slice(0, 500);
		if (input.correct !== undefined) log.correct = input.correct;
		if (input.overridden !== undefined) log.overridden = input.overridden;
		let updated: CardRow = { ...card, lastLogAt: reviewedAt };
		let becameLeech = false;
		const range = kind === 'review' ? input.balance?.range(pickState(card)) : undefined;
		if (kind === 'review' && input.balance && range) {
			const dueOn = input.balance.dueOn ?? (await dueCounts(db, input.balance.dayStart, range));
			const days = input.balance.choose(range, dueOn);
			log.scheduledDays = days;
			updated = { ...updated, ...input.balance.next(pickState(card), days) };
		} else if (kind === 'review') updated = { ...updated, ...input.next(pickState(card)) };
		if (kind === 'review') {
			const threshold = input.leechThreshold ?? 0;
			if (threshold > 0 && !card.leech && updated.lapses >= threshold) {
				becameLeech = true;
				// As a card action, so the leech's suspension reaches the learner's other devices.
				updated = await recordAction(
					db,
					updated,
					newAction(card, 'suspend', reviewedAt, { leech: 1 })
				);
			}
		}
		await db.reviewLogs.add(log);
		await db.cards.put(updated);
		const revision = await bumpRevision(db);
		return { card: updated, log, becameLeech, revision };
	});
}

/**
 * Resets a card to new (forget), as a log row of kind `forget`, so the history still replays to the
 * stored state and the reset can be undone.
 */
export async function forgetCard(
	db: StudyDb,
	uid: string,
	now: Date,
	next: (current: StateRow) => StateRow
): Promise<AnswerResult> {
	return db.transaction('rw', db.cards, db.reviewLogs, db.cardActions, db.settings, async () => {
		const card = await db.cards.get(uid);
		if (!card) throw new MissingCardError(uid);
		const reviewedAt = logTime(card, now);
		const log = logRow(card, {
			id: crypto.randomUUID(),
			kind: 'forget',
			grade: 0,
			reviewedAt,
			durationMs: 0,
			mode: 'flashcard'
		});
		let updated: CardRow = { ...card, ...next(pickState(card)), lastLogAt: reviewedAt };
		// A reset clears the leech tag: as a card action, so other devices clear it too.
		if (card.leech)
			updated = await recordAction(
				db,
				updated,
				newAction(card, card.suspended ? 'suspend' : 'unsuspend', reviewedAt, { leech: 0 })
			);
		await db.reviewLogs.add(log);
		await db.cards.put(updated);
		const revision = await bumpRevision(db);
		return { card: updated, log, becameLeech: false, revision };
	});
}

/**
 * Takes back an answer: removes its log row and restores the state it recorded. Only the card's
 * latest log can be taken back, so the history stays a straight line. A leech suspension made by
 * that answer is lifted with it.
 */
export async function undoAnswer(db: StudyDb, logId: string): Promise<CardRow> {
	return db.transaction('rw', db.cards, db.reviewLogs, db.cardActions, db.settings, async () => {
		const log = await db.reviewLogs.get(logId);
		if (!log) throw new UndoRefusedError('That answer is no longer recorded.');
		const later = await db.reviewLogs
			.where('[uid+reviewedAt]')
			.between([log.uid, log.reviewedAt], [log.uid, Number.MAX_SAFE_INTEGER], false, true)
			.count();
		if (later > 0) throw new UndoRefusedError('A later answer of this card must be undone first.');
		const card = await db.cards.get(log.uid);
		if (!card) throw new MissingCardError(log.uid);
		const previous = await db.reviewLogs
			.where('[uid+reviewedAt]')
			.between([log.uid, Number.MIN_SAFE_INTEGER], [log.uid, log.reviewedAt], true, false)
			.last();
		let restored: CardRow = { ...card, ...log.before, lastLogAt: previous?.reviewedAt ?? 0 };
		if (card.leech && log.kind === 'review' && log.before.lapses < card.lapses) {
			// After the action that made the leech (stamped with the answer's time), on every device.
			const after = Number(card.stamps?.suspension?.slice(0, 16) ?? log.reviewedAt) + 1;
			restored = await recordAction(
				db,
				restored,
				newAction(card, 'unsuspend', Math.max(after, log.reviewedAt + 1), { leech: 0 })
			);
		}
		restored.active = activeFlag(restored);
		await db.reviewLogs.delete(log.id);
		await db.cards.put(restored);
		await bumpRevision(db);
		return restored;
	});
}

/**
 * Which of `ids` (a session's undo list, oldest first) can still be taken back in that order: the log
 * row exists, was written since `since` (today's study day), is an answer or a reset, and every
 * later log row of its card is also in the list, so undoing the list from its end reaches it.
 */
export async function undoableLogs(
	db: StudyDb,
	ids: string[],
	since: number
): Promise<Set<string>> {
	const wanted = new Set(ids);
	const logs = await db.reviewLogs.bulkGet(ids);
	const kept = new Set<string>();
	for (const log of logs) {
		if (!log || log.reviewedAt < since || (log.kind !== 'review' && log.kind !== 'forget'))
			continue;
		const later = await db.reviewLogs
			.where('[uid+reviewedAt]')
			.between([log.uid, log.reviewedAt], [log.uid, Number.MAX_SAFE_INTEGER], false, true)
			.primaryKeys();
		if (later.every((id) => wanted.has(String(id)))) kept.add(log.id);
	}
	return kept;
}

/** Every log row of one card, oldest first. */
export async function historyOf(db: StudyDb, uid: string): Promise<ReviewLogRow[]> {
	return db.reviewLogs
		.where('[uid+reviewedAt]')
		.between([uid, Number.MIN_SAFE_INTEGER], [uid, Number.MAX_SAFE_INTEGER])
		.toArray();
}
