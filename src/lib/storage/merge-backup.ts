import type { StudyDb } from '$lib/storage/db';
import { activeFlag, type CardRow, type ReviewLogRow } from '$lib/storage/rows';
import { bumpRevision, readRevision } from '$lib/storage/revision';
import { createScheduler, type Scheduler } from '$lib/scheduler';
import { LOCAL_SETTINGS, type Backup } from '$lib/transfer/backup';
import { replayCard } from './history';
import { putInSlices } from './sliced-writes';
import { loadSettings } from './study-settings';
import { mergeActions } from './merge-actions';

export interface MergeReport {
	decksAdded: number;
	cardsAdded: number;
	logsAdded: number;
	/** Logs of the backup this device already had. */
	logsKnown: number;
	/** Cards whose state was rebuilt from their merged history. */
	cardsReplayed: number;
	settingsRestored: number;
	/** Card actions (suspend, unsuspend, bury) this device did not have. */
	actionsAdded: number;
}

/**
 * Per transaction. IndexedDB writes rows several times faster in large bulk writes than in many
 * small transactions (each commit waits for the disk), so chunks are large; the page still paints
 * between the slices each chunk's writes are issued in (see `putInSlices`).
 */
const CHUNK_CARDS = 5000;
const CHUNK_LOGS = 25_000;
/** Issuing one slice of puts may hold the page's thread this long: short of a long task. */
const WRITE_BUDGET_MS = 12;
/** Replaying in memory yields to the page this often. */
const REPLAY_BUDGET_MS = 12;

function chunks(cards: CardRow[], logsOf: (uid: string) => number): CardRow[][] {
	const out: CardRow[][] = [];
	let current: CardRow[] = [];
	let logs = 0;
	for (const card of cards) {
		current.push(card);
		logs += logsOf(card.uid);
		if (current.length >= CHUNK_CARDS || logs >= CHUNK_LOGS) {
			out.push(current);
			current = [];
			logs = 0;
		}
	}
	if (current.length > 0) out.push(current);
	return out;
}

/** Logs by card uid. */
function group(logs: readonly ReviewLogRow[]): Map<string, ReviewLogRow[]> {
	const byCard = new Map<string, ReviewLogRow[]>();
	for (const log of logs) {
		const list = byCard.get(log.uid);
		if (list) list.push(log);
		else byCard.set(log.uid, [log]);
	}
	return byCard;
}

const byTime = (a: ReviewLogRow, b: ReviewLogRow) =>
	a.reviewedAt - b.reviewedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Lets the page paint and take taps (outside any transaction: a timer would commit one). */
function yieldToPage(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/** What this device has of one chunk's cards: read in a transaction of the caller's. */
interface Local {
	local: (CardRow | undefined)[];
	/** Cards answered here: only their logs can be here already. */
	answered: Set<string>;
	/** Ids of the backup's logs this device already has. */
	present: Set<string>;
	/** This device's logs of answered cards, by card. */
	mine: Map<string, ReviewLogRow[]>;
}

/**
 * This device's rows of the chunk's cards. `known`, the uids of every card here (read once for the
 * whole merge), spares a lookup of each card this device does not have: restoring onto a fresh
 * device then reads no card back at all.
 */
async function readCards(
	db: StudyDb,
	chunk: CardRow[],
	known?: Set<string>
): Promise<(CardRow | undefined)[]> {
	if (!known) return db.cards.bulkGet(chunk.map((c) => c.uid));
	const here = chunk.filter((c) => known.has(c.uid)).map((c) => c.uid);
	const rows = new Map(
		(await db.cards.bulkGet(here)).flatMap((row) => (row ? [[row.uid, row] as const] : []))
	);
	return chunk.map((c) => rows.get(c.uid));
}

async function readLocal(
	db: StudyDb,
	chunk: CardRow[],
	logsByCard: Map<string, ReviewLogRow[]>,
	known?: Set<string>
): Promise<Local> {
	const local = await readCards(db, chunk, known);
	// A card never answered here (lastLogAt 0, or missing) has no logs here: only the logs of
	// answered cards are looked up, so restoring onto a fresh device reads nothing back.
	const answered = new Set(
		local.filter((c): c is CardRow => !!c && c.lastLogAt > 0).map((c) => c.uid)
	);
	const lookup = chunk.flatMap((c) => (answered.has(c.uid) ? (logsByCard.get(c.uid) ?? []) : []));
	const present = new Set(
		(await db.reviewLogs.bulkGet(lookup.map((l) => l.id))).flatMap((l) => (l ? [l.id] : []))
	);
	// Only answered cards that gain a log are replayed, and need this device's logs.
	const kept = chunk
		.filter((c) => answered.has(c.uid) && logsByCard.get(c.uid)?.some((l) => !present.has(l.id)))
		.map((c) => c.uid);
	const mine = group(kept.length > 0 ? await db.reviewLogs.where('uid').anyOf(kept).toArray() : []);
	return { local, answered, present, mine };
}

/** One chunk merged in memory: the rows to write and what they add to the report. */
interface Merged {
	fresh: ReviewLogRow[];
	writes: CardRow[];
	counts: Pick<MergeReport, 'logsKnown' | 'logsAdded' | 'cardsAdded' | 'cardsReplayed'>;
}

async function mergeChunk(
	chunk: CardRow[],
	logsByCard: Map<string, ReviewLogRow[]>,
	{ local, present, mine }: Local,
	scheduler: Scheduler,
	pause?: () => Promise<void>
): Promise<Merged> {
	const fresh = chunk.flatMap((c) =>
		(logsByCard.get(c.uid) ?? []).filter((l) => !present.has(l.id))
	);
	const gained = group(fresh);
	const counts = {
		logsKnown: present.size,
		logsAdded: fresh.length,
		cardsAdded: 0,
		cardsReplayed: 0
	};
	const writes: CardRow[] = [];
	let since = performance.now();
	for (let i = 0; i < chunk.length; i++) {
		const theirs = chunk[i] as CardRow;
		const ours = local[i];
		const card = ours ?? { ...theirs, active: activeFlag(theirs) };
		if (!ours) counts.cardsAdded++;
		const added = gained.get(card.uid);
		if (added) {
			const logs = [...(mine.get(card.uid) ?? []), ...added].sort(byTime);
			const state = replayCard(card, logs, scheduler);
			writes.push({ ...card, ...state, lastLogAt: logs.at(-1)?.reviewedAt ?? 0 });
			counts.cardsReplayed++;
		} else if (!ours) writes.push(card);
		if (pause && performance.now() - since > REPLAY_BUDGET_MS) {
			await pause();
			since = performance.now();
		}
	}
	return { fresh, writes, counts };
}

/** Writes one merged chunk inside the caller's transaction, in slices the page paints between. */
async function writeChunk(db: StudyDb, { fresh, writes }: Merged): Promise<void> {
	const slices = { budgetMs: WRITE_BUDGET_MS, maxSlice: 5000, minSlice: 1000, inFlight: 2 };
	// bulkPut, not bulkAdd: a log that was somehow here already is the same row, not an error.
	if (fresh.length > 0) await putInSlices(db.reviewLogs, fresh, slices);
	if (writes.length > 0) {
		await putInSlices(db.cards, writes, slices);
		await bumpRevision(db);
	}
}

/**
 * Merges a checked backup into this device: the union of review logs (a log id is never added
 * twice), decks, cards and settings this device lacks, and each card that gained logs rebuilt by
 * replaying its whole merged history. Local decks, card content, flags and settings win.
 *
 * In large chunks, each written in one transaction that adds a set of cards' logs and rebuilds
 * those cards together, so an interrupted merge leaves no card out of step with its logs and
 * running it again completes it. A chunk is read, then replayed in memory between paints, then
 * written; if anything was written meanwhile (the revision moved: an answer in another tab), that
 * chunk is read and replayed again inside its write transaction.
 * @example await mergeBackup(db, backup, { onProgress: (done, total) => … })
 */
export async function mergeBackup(
	db: StudyDb,
	backup: Backup,
	options: {
		onProgress?: (done: number, total: number) => void;
		/** Called between a chunk's replay and its write (tests write meanwhile, as a tab would). */
		beforeWrite?: () => Promise<void>;
	} = {}
): Promise<MergeReport> {
	const report: MergeReport = {
		decksAdded: 0,
		cardsAdded: 0,
		logsAdded: 0,
		logsKnown: 0,
		cardsReplayed: 0,
		settingsRestored: 0,
		actionsAdded: 0
	};
	await db.transaction('rw', db.decks, db.settings, async () => {
		for (const setting of backup.settings) {
			if (LOCAL_SETTINGS.has(setting.key) || (await db.settings.get(setting.key))) continue;
			await db.settings.put(setting);
			report.settingsRestored++;
		}
		for (const deck of backup.decks) {
			if (await db.decks.get(deck.id)) continue;
			await db.decks.put(deck);
			report.decksAdded++;
		}
		if (report.decksAdded > 0) await bumpRevision(db);
	});
	// Replay with this device's scheduler settings (restored from the backup if it had none).
	const scheduler = createScheduler((await loadSettings(db)).scheduler);
	const logsByCard = group(backup.reviewLogs);
	// The cards here, as of a revision: while nothing else writes, the chunks below look up only
	// those (all keys at once cost a fraction of one lookup per card of the backup).
	const cardsHere = await db.transaction('r', db.cards, db.settings, async () => ({
		revision: await readRevision(db),
		known: new Set(await db.cards.toCollection().primaryKeys())
	}));
	let done = 0;
	for (const chunk of chunks(backup.cards, (uid) => logsByCard.get(uid)?.length ?? 0)) {
		const { revision, local } = await db.transaction(
			'r',
			db.cards,
			db.reviewLogs,
			db.settings,
			async () => {
				const revision = await readRevision(db);
				// Our own writes move the revision too: the cards they add are in `known` from here on.
				const known = revision === cardsHere.revision ? cardsHere.known : undefined;
				return { revision, local: await readLocal(db, chunk, logsByCard, known) };
			}
		);
		const early = await mergeChunk(chunk, logsByCard, local, scheduler, yieldToPage);
		await options.beforeWrite?.();
		const merged = await db.transaction('rw', db.cards, db.reviewLogs, db.settings, async () => {
			if ((await readRevision(db)) === revision) {
				await writeChunk(db, early);
				// Nothing else wrote since the keys were read: with this chunk's they are up to date.
				if (revision === cardsHere.revision) {
					for (const card of chunk) cardsHere.known.add(card.uid);
					cardsHere.revision = await readRevision(db);
				}
				return early;
			}
			// Written meanwhile: what was read may be out of date, so read and replay it again here.
			const again = await mergeChunk(
				chunk,
				logsByCard,
				await readLocal(db, chunk, logsByCard),
				scheduler
			);
			await writeChunk(db, again);
			return again;
		});
		for (const [key, n] of Object.entries(merged.counts))
			report[key as keyof typeof merged.counts] += n;
		done += chunk.length;
		options.onProgress?.(done, backup.cards.length);
	}
	// After the cards: a card added above gets its flags' stamps from its actions.
	report.actionsAdded = await mergeActions(db, backup.cardActions ?? []);
	return report;
}
