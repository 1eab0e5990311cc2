import {
	activeFlag,
	bumpRevision,
	pickState,
	stateToRow,
	type CardRow,
	type ReviewLogRow,
	type StateRow,
	type StudyDb
} from '$lib/storage';
import type { Grade, Scheduler } from '$lib/scheduler';

/**
 * The state a card's history gives: a new card at `createdAt`, then every scheduling log row in
 * order (answers through FSRS, resets to new). Practice answers change nothing.
 */
export function replayCard(
	card: Pick<CardRow, 'uid' | 'createdAt'>,
	logs: readonly ReviewLogRow[],
	scheduler: Scheduler
): StateRow {
	let state = scheduler.newCard(new Date(card.createdAt));
	for (const log of logs) {
		const at = new Date(log.reviewedAt);
		if (log.kind === 'forget') state = scheduler.forget(state, at);
		else if (log.kind === 'review')
			state = scheduler.answer(state, log.grade as Grade, at, card.uid, log.scheduledDays);
	}
	return stateToRow(state);
}

export interface RebuildReport {
	cards: number;
	logs: number;
	/** Cards whose stored state differed from the replay of their logs. */
	differing: string[];
	/** Whether the differing cards were rewritten. */
	repaired: boolean;
}

const STATE_KEYS = Object.keys(pickState({} as StateRow)) as (keyof StateRow)[];

function sameRow(a: StateRow, b: StateRow): boolean {
	return STATE_KEYS.every((k) =>
		typeof a[k] === 'number' && typeof b[k] === 'number'
			? Math.abs((a[k] as number) - (b[k] as number)) < 1e-9
			: a[k] === b[k]
	);
}

/**
 * Recomputes every card's state from its logs (the log is the truth; the state is a cache). With
 * `repair`, rewrites the cards that differ, in chunks, each in one transaction. Also how a change of
 * desired retention reschedules existing cards.
 */
export async function rebuildFromHistory(
	db: StudyDb,
	scheduler: Scheduler,
	options: { repair: boolean; deckId?: string; onProgress?: (done: number, total: number) => void }
): Promise<RebuildReport> {
	const report: RebuildReport = { cards: 0, logs: 0, differing: [], repaired: options.repair };
	const uids = await (options.deckId
		? db.cards.where('deckId').equals(options.deckId).primaryKeys()
		: db.cards.toCollection().primaryKeys());
	const CHUNK = 500;
	for (let i = 0; i < uids.length; i += CHUNK) {
		const slice = uids.slice(i, i + CHUNK);
		await db.transaction('rw', db.cards, db.reviewLogs, db.settings, async () => {
			const cards = (await db.cards.bulkGet(slice)).filter((c): c is CardRow => !!c);
			const logs = await db.reviewLogs.where('uid').anyOf(slice).toArray();
			const byCard = new Map<string, ReviewLogRow[]>();
			for (const log of logs) byCard.set(log.uid, [...(byCard.get(log.uid) ?? []), log]);
			const fixes: CardRow[] = [];
			for (const card of cards) {
				const history = (byCard.get(card.uid) ?? []).sort((a, b) => a.reviewedAt - b.reviewedAt);
				report.cards++;
				report.logs += history.length;
				const replayed = replayCard(card, history, scheduler);
				if (!sameRow(replayed, card)) {
					report.differing.push(card.uid);
					fixes.push({ ...card, ...replayed });
				}
			}
			if (options.repair && fixes.length > 0) {
				await db.cards.bulkPut(fixes);
				await bumpRevision(db);
			}
		});
		options.onProgress?.(Math.min(i + CHUNK, uids.length), uids.length);
	}
	return report;
}

/** Replays every card's history with the scheduler options of `settings` (after they changed). */
export async function rescheduleAll(
	db: StudyDb,
	scheduler: Scheduler,
	onProgress?: (done: number, total: number) => void
): Promise<RebuildReport> {
	return rebuildFromHistory(db, scheduler, { repair: true, ...(onProgress ? { onProgress } : {}) });
}

export interface CheckReport extends RebuildReport {
	/** Cards whose `active` flag did not follow from suspended, retired and buried: fixed. */
	flagsFixed: number;
	/** Log rows whose card is gone: kept (the log is the truth), counted for the report. */
	orphanLogs: number;
}

/**
 * "Check database": replays every card's history and repairs states that differ, fixes derived
 * flags, and counts log rows without a card. Nothing in the log is changed or removed.
 */
export async function checkDatabase(
	db: StudyDb,
	scheduler: Scheduler,
	onProgress?: (done: number, total: number) => void
): Promise<CheckReport> {
	const rebuilt = await rebuildFromHistory(db, scheduler, {
		repair: true,
		...(onProgress ? { onProgress } : {})
	});
	let flagsFixed = 0;
	await db.transaction('rw', db.cards, db.settings, async () => {
		flagsFixed = await db.cards
			.filter((c) => c.active !== activeFlag(c))
			.modify((c: CardRow) => {
				c.active = activeFlag(c);
			});
		if (flagsFixed > 0) await bumpRevision(db);
	});
	const cardIds = new Set(await db.cards.toCollection().primaryKeys());
	let orphanLogs = 0;
	await db.reviewLogs.each((log) => {
		if (!cardIds.has(log.uid)) orphanLogs++;
	});
	return { ...rebuilt, flagsFixed, orphanLogs };
}
