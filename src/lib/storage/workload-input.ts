import type { StudyDb } from './db';
import type { AnswerCosts, WorkloadCard } from '$lib/scheduler/workload';

/**
 * Every card that can be studied, as the workload simulation needs it: cards in review or learning
 * by due date, then new cards in the order they will be introduced. Suspended and retired cards are
 * left out (they are not studied).
 */
export async function readWorkloadCards(db: StudyDb): Promise<WorkloadCard[]> {
	const started: WorkloadCard[] = [];
	const fresh: { order: number; card: WorkloadCard }[] = [];
	await db.cards
		.where('[active+state+due]')
		.between([1, 0, -Infinity], [1, 3, Infinity], true, true)
		.each((c) => {
			const card: WorkloadCard = {
				state: c.state,
				stability: c.stability,
				difficulty: c.difficulty,
				due: c.due,
				lastReview: c.last_review
			};
			if (c.state === 0) fresh.push({ order: c.order, card });
			else started.push(card);
		});
	fresh.sort((a, b) => a.order - b.order);
	return [...started, ...fresh.map((f) => f.card)];
}

/** Answers read to learn how long this learner takes: enough for a stable median, quick to read. */
const RECENT = 5000;

const median = (xs: number[]) => {
	const mid = [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
	return mid === undefined ? undefined : mid / 1000;
};

/**
 * How long this learner's answers take (median seconds), from the most recent answers: a recalled
 * review, a forgotten one (with a relearning step), and a new card with its learning steps (every answer the card got before
 * it first reached review, summed). `undefined` where the log has too few answers of a kind.
 */
export async function readAnswerCosts(db: StudyDb): Promise<Partial<AnswerCosts>> {
	const recall: number[] = [];
	const forget: number[] = [];
	const relearn: number[] = [];
	const learning = new Map<string, number>();
	const rows = await db.reviewLogs.orderBy('reviewedAt').reverse().limit(RECENT).toArray();
	for (const log of rows) {
		if (log.kind !== 'review') continue;
		// A minute at most: a learner who left the phone mid-answer did not study for an hour.
		const ms = Math.min(log.durationMs, 60_000);
		if (log.before.state === 2) (log.grade === 1 ? forget : recall).push(ms);
		else if (log.before.state === 3) relearn.push(ms);
		else if (log.before.state === 0 || log.before.state === 1)
			learning.set(log.uid, (learning.get(log.uid) ?? 0) + ms);
	}
	const enough = (xs: number[]) => (xs.length >= 20 ? median(xs) : undefined);
	const out: Partial<AnswerCosts> = {};
	const r = enough(recall);
	const lapse = enough(forget);
	const f = lapse === undefined ? undefined : lapse + (median(relearn) ?? 0);
	const l = enough([...learning.values()]);
	if (r !== undefined) out.recall = r;
	if (f !== undefined) out.forget = f;
	if (l !== undefined) out.learn = l;
	return out;
}
