import type { Scheduler } from '$lib/scheduler';
import type { StudyDb } from './db';
import { replayCard } from './history';
import { bumpRevision } from './revision';
import type { CardRow, ReviewLogRow } from './rows';

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

/** Review-log rows another device wrote on one day, and the rows it took back. */
export interface RemoteDay {
	device: string;
	logs: readonly ReviewLogRow[];
	undone: readonly string[];
}

export interface ApplyReport {
	added: number;
	removed: number;
	/** Cards rebuilt by replaying their whole history. */
	replayed: number;
}

/**
 * Writes other devices' days into this device: rows not here yet are added (marked with their
 * device), rows their device took back are removed (only rows of that device), and every card
 * touched is rebuilt by replaying its whole history with `scheduler`, so each device ends in the
 * same state. One transaction for the batch: all of it or none.
 */
export async function applyRemoteDays(
	db: StudyDb,
	days: readonly RemoteDay[],
	scheduler: Scheduler
): Promise<ApplyReport> {
	return db.transaction('rw', db.cards, db.reviewLogs, db.settings, async () => {
		const report: ApplyReport = { added: 0, removed: 0, replayed: 0 };
		const touched = new Set<string>();
		for (const day of days) {
			const present = await db.reviewLogs.bulkGet(day.logs.map((l) => l.id));
			const fresh = day.logs
				.filter((_, i) => !present[i])
				.map((l) => ({ ...l, origin: day.device }));
			if (fresh.length > 0) await db.reviewLogs.bulkAdd(fresh);
			for (const l of fresh) touched.add(l.uid);
			report.added += fresh.length;
			const gone = (await db.reviewLogs.bulkGet([...day.undone])).filter(
				(l): l is ReviewLogRow => !!l && l.origin === day.device
			);
			if (gone.length > 0) await db.reviewLogs.bulkDelete(gone.map((l) => l.id));
			for (const l of gone) touched.add(l.uid);
			report.removed += gone.length;
		}
		if (touched.size === 0) return report;
		const uids = [...touched];
		const cards = (await db.cards.bulkGet(uids)).filter((c): c is CardRow => !!c);
		const logs = await db.reviewLogs.where('uid').anyOf(uids).toArray();
		const byCard = new Map<string, ReviewLogRow[]>();
		for (const l of logs) {
			const list = byCard.get(l.uid);
			if (list) list.push(l);
			else byCard.set(l.uid, [l]);
		}
		const writes = cards.map((card) => {
			const history = (byCard.get(card.uid) ?? []).sort(byTime);
			return {
				...card,
				...replayCard(card, history, scheduler),
				lastLogAt: history.at(-1)?.reviewedAt ?? 0
			};
		});
		if (writes.length > 0) await db.cards.bulkPut(writes);
		report.replayed = writes.length;
		await bumpRevision(db);
		return report;
	});
}

/** Rebuilds the cards of a deck that synced logs may already mention (after installing it). */
export async function replayDeck(db: StudyDb, deckId: string, scheduler: Scheduler): Promise<void> {
	await db.transaction('rw', db.cards, db.reviewLogs, db.settings, async () => {
		const cards = await db.cards.where('deckId').equals(deckId).toArray();
		const uids = cards.map((c) => c.uid);
		const all = uids.length > 0 ? await db.reviewLogs.where('uid').anyOf(uids).toArray() : [];
		if (all.length === 0) return;
		const byCard = new Map<string, ReviewLogRow[]>();
		for (const l of all) byCard.set(l.uid, [...(byCard.get(l.uid) ?? []), l]);
		const writes = cards
			.filter((c) => byCard.has(c.uid))
			.map((card) => {
				const history = byCard.get(card.uid)!.sort(byTime);
				return {
					...card,
					...replayCard(card, history, scheduler),
					lastLogAt: history.at(-1)!.reviewedAt
				};
			});
		await db.cards.bulkPut(writes);
		await bumpRevision(db);
	});
}
