import type { Deck } from '$lib/deck/schema';
import type { StudyDb } from '$lib/storage/db';
import { installDeck, cardUid, type InstallReport } from '$lib/storage/decks';
import type { DeckRow } from '$lib/storage/rows';
import {
	historyLogIds,
	historyReplayer,
	relevantHistory,
	type ImportedHistory
} from '$lib/storage/package-history';
import type { CardRow, ReviewLogRow } from '$lib/storage/rows';

/** Cards that took a package's history as their own, and the answers added. */
export interface HistoryReport {
	cards: number;
	logs: number;
}

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
	/** A package's answers, replayed onto its cards in the same transaction as the cards. */
	history?: { entries: readonly ImportedHistory[]; dayStartMs?: number };
}

/**
 * Installs a checked deck as an imported one, after the same checks as `assessDeck` (the page may
 * have waited while another tab changed things). Throws with the learner's message when refused.
 */
export async function importDeck(
	db: StudyDb,
	deck: Deck,
	options: ImportOptions
): Promise<InstallReport & { version: number; history?: HistoryReport }> {
	const verdict = await assessDeck(db, deck, options.named);
	if (!verdict.ok) throw new Error(verdict.message);
	const given = options.history;
	let history: HistoryReport | undefined;
	const report = await installDeck(
		db,
		{ ...deck, version: verdict.version },
		{
			now: options.now,
			bundled: false,
			...(options.sourceUrl ? { sourceUrl: options.sourceUrl } : {}),
			...(options.onProgress ? { onProgress: options.onProgress } : {}),
			// Slices of at least 100 cards, two in flight: IndexedDB never waits for the page.
			bulk: true,
			// A package's answers are replayed onto its cards as they are written: each card once.
			...(given && given.entries.length > 0
				? {
						amend: async (rowOf: (cardId: string) => CardRow | undefined) => {
							history = { cards: 0, logs: 0 };
							return replayOnto(db, deck.id, given, options.now, rowOf, history);
						}
					}
				: {})
		}
	);
	return { ...report, version: verdict.version, ...(history ? { history } : {}) };
}

/**
 * A package's answers replayed onto its cards' rows as the import leaves them (see
 * `historyReplayer`), inside the import's transaction. The logs already stored (if the deck has
 * any) are looked up a chunk of cards at a time, and each chunk is replayed in a task of its own.
 */
async function replayOnto(
	db: StudyDb,
	deckId: string,
	given: NonNullable<ImportOptions['history']>,
	now: Date,
	rowOf: (cardId: string) => CardRow | undefined,
	report: HistoryReport
): Promise<{ cards: CardRow[]; logs: ReviewLogRow[] }> {
	const replayer = await historyReplayer(db, deckId, now, {
		...(given.dayStartMs !== undefined ? { dayStartMs: given.dayStartMs } : {})
	});
	const relevant = relevantHistory(given.entries);
	// A log of this package's answers is stored with the deck's id: a deck with no log at all (a
	// first import) has none of them, and the lookups below (10,000 misses for 5,000 cards) go.
	const anyLogs =
		(
			await db.reviewLogs
				.where('[deckId+reviewedAt]')
				.between([deckId, -Infinity], [deckId, Infinity], true, true)
				.limit(1)
				.primaryKeys()
		).length > 0;
	const cards: CardRow[] = [];
	const logs: ReviewLogRow[] = [];
	for (let at = 0; at < relevant.length; at += REPLAY_CHUNK) {
		const chunk = relevant.slice(at, at + REPLAY_CHUNK);
		const known = new Set<string>();
		if (anyLogs) {
			for (const log of await db.reviewLogs.bulkGet(historyLogIds(deckId, chunk)))
				if (log) known.add(log.id);
		} else {
			// Without lookups, one cheap request still ends the task between chunks (the page
			// paints), and keeps the transaction open, as a timer would not.
			await db.decks.get(deckId);
		}
		for (const h of chunk) {
			const row = rowOf(h.cardId);
			if (!row) continue;
			const done = replayer.replay(row, h, known);
			if (done.replayed) {
				report.cards++;
				report.logs += done.logs.length;
			}
			for (const log of done.logs) logs.push(log);
			cards.push(done.row);
		}
	}
	return { cards, logs };
}

/** Cards whose history is replayed in one task. */
const REPLAY_CHUNK = 500;

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

export { mergeBackup, type MergeReport } from './merge-backup';
