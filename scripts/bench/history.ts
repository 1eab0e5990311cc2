/**
 * The synthetic answer history the benchmarks seed their collections with: one card answered a
 * number of times by the app's scheduler, each answer a review-log row. Each benchmark says when the
 * first answer is, which grade each gets and when the next comes; the rows and the card's state
 * after them are made the same way everywhere.
 */
import { rowToState, stateToRow, type CardRow, type ReviewLogRow } from '$lib/storage';
import type { CardState, Grade, Scheduler } from '$lib/scheduler';

export interface HistoryPlan {
	scheduler: Scheduler;
	/** When the first answer is given (ms). */
	first: number;
	answers: number;
	/** The grade of answer `n` (from 0). */
	grade(n: number): Grade;
	/** When the answer after one at `at` comes, the card now due at `due` (ms). */
	next(at: number, due: number): number;
	durationMs: number;
}

/** The card's answers as log rows, its state after them, and the time the next would come. */
export function answerHistory(
	card: CardRow,
	plan: HistoryPlan
): { logs: ReviewLogRow[]; state: CardState; at: number } {
	let state = rowToState(card);
	let at = plan.first;
	const logs: ReviewLogRow[] = [];
	for (let n = 0; n < plan.answers; n++) {
		const grade = plan.grade(n);
		const before = stateToRow(state);
		state = plan.scheduler.answer(state, grade, new Date(at), card.uid);
		logs.push({
			id: `${card.uid}#${n}`,
			uid: card.uid,
			deckId: card.deckId,
			cardId: card.cardId,
			note: card.note,
			kind: 'review',
			grade,
			reviewedAt: at,
			durationMs: plan.durationMs,
			mode: 'flashcard',
			before
		});
		at = plan.next(at, state.due.getTime());
	}
	return { logs, state, at };
}
