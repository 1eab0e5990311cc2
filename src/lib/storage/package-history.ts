import { createScheduler, studyDayEnd, type Grade } from '$lib/scheduler';
import type { StudyDb } from './db';
import {
	activeFlag,
	pickState,
	stateToRow,
	type CardRow,
	type ReviewLogRow,
	type StateRow
} from './rows';
import { loadSettings } from './study-settings';

/** One card's past from another app: its answers, and whether it is suspended or buried there. */
export interface ImportedHistory {
	cardId: string;
	reviews: { at: number; rating: 1 | 2 | 3 | 4; ms: number }[];
	suspended: boolean;
	buried: boolean;
}

export interface ReplayOptions {
	/**
	 * When the other app's study day began, in milliseconds after UTC midnight (Anki: its rollover
	 * hour in its time zone). Answers are replayed on the days it counted. Default 0: UTC days.
	 */
	dayStartMs?: number;
}

/** What replaying a package's answers needs from the collection: read once per import. */
export interface Replayer {
	/** One card's row after the package's history for it (a copy; `row` is left as it was), its new logs. */
	replay(
		row: CardRow,
		h: ImportedHistory,
		known: ReadonlySet<string>
	): { row: CardRow; logs: ReviewLogRow[]; replayed: boolean };
}

/**
 * Reads the scheduler settings a replay needs (inside the caller's transaction, if any) and returns
 * the replay of one card's history: its answers become review logs (ids from the deck, the card and
 * the answer's time, so importing again adds no second copy; `known` holds those already stored)
 * and its schedule continues from them. Only a card never answered here takes the other app's
 * history as its own. Suspended cards stay suspended; buried ones stay hidden until the next study
 * day.
 */
export async function historyReplayer(
	db: StudyDb,
	deckId: string,
	now: Date,
	options: ReplayOptions = {}
): Promise<Replayer> {
	// The scheduler counts days from UTC midnight; answers moved back by the other app's day start
	// fall on the days it counted (3:59 and 4:01 on two days when its day began at 4), and the
	// states are moved forward again, so every stored time is the real one.
	const shift = options.dayStartMs ?? 0;
	const back = (row: StateRow): StateRow => ({
		...row,
		due: row.due + shift,
		last_review: row.last_review === null ? null : row.last_review + shift
	});
	const settings = await loadSettings(db);
	const scheduler = createScheduler(settings.scheduler);
	const buryUntil = studyDayEnd(now, settings.dayStartHour).getTime();
	return {
		replay(card, h, known) {
			const logs: ReviewLogRow[] = [];
			const fresh = h.reviews.filter((r) => !known.has(logId(deckId, h.cardId, r.at)));
			let next: CardRow = { ...card };
			let replayed = false;
			if (fresh.length > 0 && card.lastLogAt === 0) {
				let state = scheduler.newCard(
					new Date(Math.min(card.createdAt, fresh[0]?.at ?? now.getTime()) - shift)
				);
				for (const r of fresh) {
					const before = back(stateToRow(state));
					const wasReview = state.state === 2;
					state = scheduler.answer(state, r.rating as Grade, new Date(r.at - shift), card.uid);
					// The interval given, kept on the log: a card rebuilt from its logs later (sync,
					// a restore) is due on the day this replay gave it, whatever day counting it uses.
					const days =
						wasReview && state.state === 2 ? { scheduledDays: state.scheduled_days } : {};
					logs.push({
						id: logId(deckId, h.cardId, r.at),
						uid: card.uid,
						deckId,
						cardId: card.cardId,
						note: card.note,
						kind: 'review',
						grade: r.rating,
						reviewedAt: r.at,
						durationMs: r.ms,
						mode: 'flashcard',
						before: pickState(before),
						...days
					});
				}
				next = { ...next, ...back(stateToRow(state)), lastLogAt: fresh.at(-1)?.at ?? 0 };
				replayed = true;
			}
			if (h.suspended) next.suspended = 1;
			if (h.buried) next.buriedUntil = buryUntil;
			next.active = activeFlag(next);
			return { row: next, logs, replayed };
		}
	};
}

/** The entries of a package's history that change anything: answers, a suspension or a burial. */
export const relevantHistory = (history: readonly ImportedHistory[]) =>
	history.filter((h) => h.reviews.length > 0 || h.suspended || h.buried);

/** The ids of the logs a history would add: looked up before replaying, so none is added twice. */
export const historyLogIds = (deckId: string, history: readonly ImportedHistory[]) =>
	history.flatMap((h) => h.reviews.map((r) => logId(deckId, h.cardId, r.at)));

const logId = (deckId: string, cardId: string, at: number) => `anki:${deckId}|${cardId}@${at}`;
