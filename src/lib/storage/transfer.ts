import type { Deck } from '$lib/deck/schema';
import type { StudyDb } from '$lib/storage/db';
import { installDeck, cardUid, type InstallReport } from '$lib/storage/decks';
import { activeFlag, type CardRow, type DeckRow, type ReviewLogRow } from '$lib/storage/rows';
import { bumpRevision } from '$lib/storage/revision';
import { createScheduler } from '$lib/scheduler';
import { LOCAL_SETTINGS, type Backup } from '$lib/transfer/backup';
import { replayCard } from './history';
import { loadSettings } from './study-settings';

/** What importing a deck would do, given what is installed. */
export type Verdict = 'new' | 'update' | 'same' | 'older' | 'taken';

export interface Assessment {
	verdict: Verdict;
	/** Whether the import may go ahead. */
	ok: boolean;
	/** One sentence for the learner: what will happen, or why it cannot. */
	message: string;
	installed?: Pick<DeckRow, 'title' | 'version' | 'bundled' | 'sourceUrl'>;
	/** The version the deck is installed as (a text import counts up from the installed one). */
	version: number;
	/** Cards of the deck already installed: they keep their progress. */
	known: number;
	/** Installed cards missing from this version: they are retired, their history kept. */
	retiring: number;
}

/**
 * Decides whether a checked deck may be installed. A newer version updates (progress kept); the
 * same or an older version is refused; a deck that came with the app is replaced only by a newer
 * version of itself. A text import (`named`) has no version of its own: it updates the deck it
 * names unless that deck came with the app.
 */
export async function assessDeck(
	db: StudyDb,
	deck: Pick<Deck, 'id' | 'title' | 'version' | 'cards'>,
	named: boolean
): Promise<Assessment> {
	const row = await db.decks.get(deck.id);
	if (!row)
		return { verdict: 'new', ok: true, message: '', version: deck.version, known: 0, retiring: 0 };
	const installed = {
		title: row.title,
		version: row.version,
		bundled: row.bundled,
		...(row.sourceUrl ? { sourceUrl: row.sourceUrl } : {})
	};
	const have = new Set(
		await db.cards
			.where('deckId')
			.equals(deck.id)
			.filter((c) => !c.retired)
			.primaryKeys()
	);
	const known = deck.cards.filter((c) => have.has(cardUid(deck.id, c.id))).length;
	const base = { installed, known, retiring: have.size - known };
	if (named) {
		if (row.bundled)
			return {
				...base,
				verdict: 'taken',
				ok: false,
				version: row.version,
				message: `“${row.title}” came with the app and has this name: choose another name.`
			};
		return {
			...base,
			verdict: 'update',
			ok: true,
			version: row.version + 1,
			message: `Updates “${row.title}”, which you imported before.`
		};
	}
	const version = deck.version;
	if (version > row.version)
		return {
			...base,
			verdict: 'update',
			ok: true,
			version,
			message: `Updates “${row.title}” from version ${row.version} to ${version}.`
		};
	if (version === row.version)
		return {
			...base,
			verdict: 'same',
			ok: false,
			version,
			message: `Version ${version} of “${row.title}” is already installed. A changed deck needs a higher version number.`
		};
	return {
		...base,
		verdict: 'older',
		ok: false,
		version,
		message: `This is version ${version} of “${row.title}”, older than the installed version ${row.version}: importing it would undo an update.`
	};
}

export interface ImportOptions {
	now: Date;
	/** A text import: the learner named it, and its version follows the installed one. */
	named: boolean;
	/** The link the deck came from: kept, so it can be shared and updated from there. */
	sourceUrl?: string;
	onProgress?: (done: number, total: number) => void;
}

/**
 * Installs a checked deck as an imported one, after the same checks as `assessDeck` (the page may
 * have waited while another tab changed things). Throws with the learner's message when refused.
 */
export async function importDeck(
	db: StudyDb,
	deck: Deck,
	options: ImportOptions
): Promise<InstallReport & { version: number }> {
	const verdict = await assessDeck(db, deck, options.named);
	if (!verdict.ok) throw new Error(verdict.message);
	const report = await installDeck(
		db,
		{ ...deck, version: verdict.version },
		{
			now: options.now,
			bundled: false,
			...(options.sourceUrl ? { sourceUrl: options.sourceUrl } : {}),
			...(options.onProgress ? { onProgress: options.onProgress } : {})
		}
	);
	return { ...report, version: verdict.version };
}

/** An installed deck as a compiled deck file: its current cards, in order; retired ones left out. */
export async function exportDeck(db: StudyDb, deckId: string): Promise<Deck> {
	const row = await db.decks.get(deckId);
	if (!row) throw new Error(`No deck "${deckId}" is installed.`);
	const cards = (await db.cards.where('deckId').equals(deckId).toArray())
		.filter((c) => !c.retired)
		.sort((a, b) => a.order - b.order)
		.map((c) => c.content);
	return {
		schemaVersion: 1,
		id: row.id,
		title: row.title,
		...(row.description ? { description: row.description } : {}),
		version: row.version,
		...(row.source ? { source: row.source } : {}),
		cards
	};
}

export { exportBackup, exportBackupFile, type BackupFile } from './export-backup';

export interface MergeReport {
	decksAdded: number;
	cardsAdded: number;
	logsAdded: number;
	/** Logs of the backup this device already had. */
	logsKnown: number;
	/** Cards whose state was rebuilt from their merged history. */
	cardsReplayed: number;
	settingsRestored: number;
}

/** Per transaction: enough to be quick, few enough that the page stays responsive between them. */
const CHUNK_CARDS = 500;
const CHUNK_LOGS = 1000;

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

/**
 * Merges a checked backup into this device: the union of review logs (a log id is never added
 * twice), decks, cards and settings this device lacks, and each card that gained logs rebuilt by
 * replaying its whole merged history. Local decks, card content, flags and settings win. Written in
 * chunks, each one transaction that adds a set of cards' logs and rebuilds those cards together, so
 * an interrupted merge leaves no card out of step with its logs and running it again completes it.
 * @example await mergeBackup(db, backup, { onProgress: (done, total) => … })
 */
export async function mergeBackup(
	db: StudyDb,
	backup: Backup,
	options: { onProgress?: (done: number, total: number) => void } = {}
): Promise<MergeReport> {
	const report: MergeReport = {
		decksAdded: 0,
		cardsAdded: 0,
		logsAdded: 0,
		logsKnown: 0,
		cardsReplayed: 0,
		settingsRestored: 0
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
	let done = 0;
	for (const chunk of chunks(backup.cards, (uid) => logsByCard.get(uid)?.length ?? 0)) {
		await db.transaction('rw', db.cards, db.reviewLogs, db.settings, async () => {
			const local = await db.cards.bulkGet(chunk.map((c) => c.uid));
			// A card never answered here (lastLogAt 0, or missing) has no logs here: only the logs of
			// answered cards are looked up, so restoring onto a fresh device reads nothing back.
			const answered = new Set(
				local.filter((c): c is CardRow => !!c && c.lastLogAt > 0).map((c) => c.uid)
			);
			const lookup = chunk.flatMap((c) =>
				answered.has(c.uid) ? (logsByCard.get(c.uid) ?? []) : []
			);
			const present = new Set(
				(await db.reviewLogs.bulkGet(lookup.map((l) => l.id))).flatMap((l) => (l ? [l.id] : []))
			);
			const fresh = chunk.flatMap((c) =>
				(logsByCard.get(c.uid) ?? []).filter((l) => !present.has(l.id))
			);
			report.logsKnown += present.size;
			report.logsAdded += fresh.length;
			const gained = group(fresh);
			const replay: CardRow[] = [];
			const writes: CardRow[] = [];
			chunk.forEach((theirs, i) => {
				const mine = local[i];
				const card = mine ?? { ...theirs, active: activeFlag(theirs) };
				if (!mine) report.cardsAdded++;
				if (gained.has(card.uid)) replay.push(card);
				else if (!mine) writes.push(card);
			});
			const kept = replay.filter((c) => answered.has(c.uid)).map((c) => c.uid);
			const mineLogs = group(
				kept.length > 0 ? await db.reviewLogs.where('uid').anyOf(kept).toArray() : []
			);
			// bulkPut, not bulkAdd: a log that was somehow here already is the same row, not an error.
			if (fresh.length > 0) await db.reviewLogs.bulkPut(fresh);
			for (const card of replay) {
				const logs = [...(mineLogs.get(card.uid) ?? []), ...(gained.get(card.uid) ?? [])].sort(
					byTime
				);
				const state = replayCard(card, logs, scheduler);
				writes.push({ ...card, ...state, lastLogAt: logs.at(-1)?.reviewedAt ?? 0 });
			}
			report.cardsReplayed += replay.length;
			if (writes.length > 0) {
				await db.cards.bulkPut(writes);
				await bumpRevision(db);
			}
		});
		done += chunk.length;
		options.onProgress?.(done, backup.cards.length);
	}
	return report;
}
