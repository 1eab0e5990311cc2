import type { Scheduler } from '$lib/scheduler';
import type { StudyDb } from './db';
import { replayCard } from './history';
import { bumpRevision } from './revision';
import { applyAction } from './card-actions';
import type { CardActionRow, CardRow, ReviewLogRow } from './rows';

/** The replay order of a card's rows: time, then id, the same on every device. */
const byTime = (a: ReviewLogRow, b: ReviewLogRow) =>
	a.reviewedAt - b.reviewedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The rows this device wrote itself (no `origin`) at or after `since`, read through the
 * `reviewedAt` index, in pages, so a long history is not held in one transaction.
 */
export async function ownLogsSince(db: StudyDb, since: number): Promise<ReviewLogRow[]> {
	const out: ReviewLogRow[] = [];
	const PAGE = 5000;
	let from = since;
	let skipIds = new Set<string>();
	for (;;) {
		const page = await db.reviewLogs
			.where('reviewedAt')
			.aboveOrEqual(from)
			.limit(PAGE + skipIds.size)
			.toArray();
		const fresh = page.filter((l) => !skipIds.has(l.id));
		for (const l of fresh) if (!l.origin) out.push(l);
		if (page.length < PAGE + skipIds.size) return out;
		// Rows sharing the page's last time are read again on the next page: skip those seen.
		from = page.at(-1)!.reviewedAt;
		skipIds = new Set(page.filter((l) => l.reviewedAt === from).map((l) => l.id));
	}
}

/** The card actions this device took itself at or after `since` (through the `at` index). */
export async function ownActionsSince(db: StudyDb, since: number): Promise<CardActionRow[]> {
	const rows = await db.cardActions.where('at').aboveOrEqual(since).toArray();
	return rows.filter((a) => !a.origin);
}

/** Review-log rows another device wrote on one day, the rows it took back, and its card actions. */
export interface RemoteDay {
	device: string;
	logs: readonly ReviewLogRow[];
	undone: readonly string[];
	actions?: readonly CardActionRow[];
}

export interface ApplyReport {
	added: number;
	removed: number;
	/** Card actions not here before (each applied when it is the newest for its flag). */
	actions: number;
	/** Cards whose logs changed and that now wait to be rebuilt (`replayPending`), here in all. */
	waiting: number;
}

/**
 * The cards whose logs changed by sync and whose state is not yet rebuilt: a device-local setting,
 * written in the transaction that changes their logs, so a tab closed before the rebuild leaves
 * the list and the next pull rebuilds them.
 */
export const REPLAY_KEY = 'syncReplay';
/** Cards rebuilt per transaction: one bulk read of their logs, one bulk write of their states. */
const REPLAY_CHUNK = 1000;

const readPending = async (db: StudyDb): Promise<string[]> =>
	((await db.settings.get(REPLAY_KEY))?.value as string[] | undefined) ?? [];

/** How many cards wait to be rebuilt after a pull. */
export async function pendingReplays(db: StudyDb): Promise<number> {
	return (await readPending(db)).length;
}

/**
 * Writes other devices' days into this device: rows not here yet are added (marked with their
 * device), rows their device took back are removed (only rows of that device), and card actions
 * set their cards' flags at once (rows are added for the whole batch before any is taken back).
 * Cards whose logs changed are listed for `replayPending`, which
 * rebuilds each once however many batches touched it (a first sync brings a card's history in
 * many day documents). One transaction for the batch: all of it or none.
 */
export async function applyRemoteDays(
	db: StudyDb,
	days: readonly RemoteDay[]
): Promise<ApplyReport> {
	return db.transaction('rw', db.cards, db.reviewLogs, db.cardActions, db.settings, async () => {
		const report: ApplyReport = { added: 0, removed: 0, actions: 0, waiting: 0 };
		const touched = new Set<string>();
		const actions: CardActionRow[] = [];
		for (const day of days) {
			const present = await db.reviewLogs.bulkGet(day.logs.map((l) => l.id));
			const fresh = day.logs
				.filter((_, i) => !present[i])
				.map((l) => ({ ...l, origin: day.device }));
			if (fresh.length > 0) await db.reviewLogs.bulkAdd(fresh);
			for (const l of fresh) touched.add(l.uid);
			report.added += fresh.length;
			const incoming = day.actions ?? [];
			const known = await db.cardActions.bulkGet(incoming.map((a) => a.id));
			const news = incoming.filter((_, i) => !known[i]).map((a) => ({ ...a, origin: day.device }));
			if (news.length > 0) await db.cardActions.bulkAdd(news);
			actions.push(...news);
			report.actions += news.length;
		}
		// Taken back after every row of the batch is in: a row and its undo may come in different
		// documents of one day (chunks), in either order.
		for (const day of days) {
			const gone = (await db.reviewLogs.bulkGet([...day.undone])).filter(
				(l): l is ReviewLogRow => !!l && l.origin === day.device
			);
			if (gone.length > 0) await db.reviewLogs.bulkDelete(gone.map((l) => l.id));
			for (const l of gone) touched.add(l.uid);
			report.removed += gone.length;
		}
		const pending = await readPending(db);
		if (actions.length > 0) {
			// Flags are not part of the replay: they are set now, each by its newest action.
			const uids = [...new Set(actions.map((a) => a.uid))];
			const cards = (await db.cards.bulkGet(uids)).filter((c): c is CardRow => !!c);
			const actionsOf = groupByUid(actions);
			const changed = cards.flatMap((card) => {
				const next = (actionsOf.get(card.uid) ?? []).reduce(applyAction, card);
				return next === card ? [] : [next];
			});
			if (changed.length > 0) await db.cards.bulkPut(changed);
		}
		const all = new Set([...pending, ...touched]);
		if (all.size > pending.length) await db.settings.put({ key: REPLAY_KEY, value: [...all] });
		report.waiting = all.size;
		if (touched.size > 0 || actions.length > 0) await bumpRevision(db);
		return report;
	});
}

/**
 * Rebuilds the cards `applyRemoteDays` listed by replaying each one's whole history with
 * `scheduler`, so every device ends in the same state; in transactions of many cards, each of which
 * also takes its cards off the list. Returns how many cards were rebuilt.
 */
export async function replayPending(db: StudyDb, scheduler: Scheduler): Promise<number> {
	let replayed = 0;
	for (;;) {
		const done = await db.transaction('rw', db.cards, db.reviewLogs, db.settings, async () => {
			const pending = await readPending(db);
			if (pending.length === 0) return 0;
			const chunk = pending.slice(0, REPLAY_CHUNK);
			const cards = (await db.cards.bulkGet(chunk)).filter((c): c is CardRow => !!c);
			const byCard = await logsOf(db, chunk);
			const writes = cards.map((card) => {
				const history = (byCard.get(card.uid) ?? []).sort(byTime);
				return {
					...card,
					...replayCard(card, history, scheduler),
					lastLogAt: history.at(-1)?.reviewedAt ?? 0
				};
			});
			if (writes.length > 0) await db.cards.bulkPut(writes);
			const rest = pending.slice(chunk.length);
			if (rest.length > 0) await db.settings.put({ key: REPLAY_KEY, value: rest });
			else await db.settings.delete(REPLAY_KEY);
			await bumpRevision(db);
			replayed += writes.length;
			return chunk.length;
		});
		if (done === 0) return replayed;
	}
}

/** Rebuilds the cards of a deck that synced logs may already mention (after installing it). */
export async function replayDeck(db: StudyDb, deckId: string, scheduler: Scheduler): Promise<void> {
	await db.transaction('rw', db.cards, db.reviewLogs, db.cardActions, db.settings, async () => {
		const cards = await db.cards.where('deckId').equals(deckId).toArray();
		const uids = cards.map((c) => c.uid);
		const byCard = await logsOf(db, uids);
		// Actions that synced before the deck was here (another device suspended one of its cards).
		const acts = uids.length > 0 ? await db.cardActions.where('uid').anyOf(uids).toArray() : [];
		if (byCard.size === 0 && acts.length === 0) return;
		const actionsOf = groupByUid(acts);
		const writes = cards
			.filter((c) => byCard.has(c.uid) || actionsOf.has(c.uid))
			.map((card) => {
				const history = (byCard.get(card.uid) ?? []).sort(byTime);
				let next: CardRow = history.length
					? {
							...card,
							...replayCard(card, history, scheduler),
							lastLogAt: history.at(-1)!.reviewedAt
						}
					: card;
				for (const a of actionsOf.get(card.uid) ?? []) next = applyAction(next, a);
				return next;
			});
		await db.cards.bulkPut(writes);
		await bumpRevision(db);
	});
}

/**
 * The logs of these cards, by card: one index read per card, all in flight at once. (`anyOf` walks
 * one cursor across the index, and on a large log that took a minute for 600 cards in Node's
 * IndexedDB; a card's own range is one lookup in any.)
 */
async function logsOf(db: StudyDb, uids: readonly string[]): Promise<Map<string, ReviewLogRow[]>> {
	const lists = await Promise.all(
		uids.map((uid) => db.reviewLogs.where('uid').equals(uid).toArray())
	);
	const out = new Map<string, ReviewLogRow[]>();
	lists.forEach((list, i) => {
		if (list.length > 0) out.set(uids[i] as string, list);
	});
	return out;
}

function groupByUid<T extends { uid: string }>(rows: readonly T[]): Map<string, T[]> {
	const out = new Map<string, T[]>();
	for (const r of rows) {
		const list = out.get(r.uid);
		if (list) list.push(r);
		else out.set(r.uid, [r]);
	}
	return out;
}
