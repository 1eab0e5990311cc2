import type { Card, Deck } from '$lib/deck';
import { valueCollector, type DeckValues } from '$lib/quiz/values';
import type { StudyDb } from './db';
import { bumpRevision } from './revision';
import { mediaRows, type MediaInput } from './media';
import { newCardRow } from './card-state';
import { activeFlag, type CardRow, type DeckRow, type ReviewLogRow } from './rows';
import { putInSlices } from './sliced-writes';
import { keepDeckTree } from './deck-tree';

export interface InstallReport {
	added: number;
	updated: number;
	retired: number;
	unchanged: number;
}

/** Siblings share a fact; a hand-written card without one is its own group. */
const noteOf = (deckId: string, card: Card) => `${deckId}|${card.fact ?? card.id}`;

/** A large import's smallest slice after the first: on a slow device, the writes take the time. */
const BULK_MIN_SLICE = 100;

export const cardUid = (deckId: string, cardId: string) => `${deckId}|${cardId}`;

/** The version of every installed deck, by deck id. */
export async function installedVersions(db: StudyDb): Promise<Map<string, number>> {
	return new Map((await db.decks.toArray()).map((d) => [d.id, d.version]));
}

export interface InstallOptions {
	now: Date;
	bundled: boolean;
	/** The link the deck was imported from; an update without one keeps the link it had. */
	sourceUrl?: string;
	/** Called as the cards are written: a large deck shows its progress. */
	onProgress?: (done: number, total: number) => void;
	/** Time one slice of card writes may take on this thread (see `putInSlices`). */
	sliceBudgetMs?: number;
	/**
	 * The deck's pictures and sounds (a bundled deck's, downloaded already): stored in the same
	 * transaction as the cards, replacing files of the same name, so the deck is in with every file
	 * its cards show, or not at all.
	 */
	media?: readonly MediaInput[];
	/**
	 * Changes to some cards made as the deck is written (a package's answers replayed onto its
	 * cards), inside its transaction: given each card's row as the install leaves it, returns the
	 * rows to write instead and the review logs they bring. The deck goes in with them, or nothing
	 * does; each card is written once.
	 */
	amend?: (
		rowOf: (cardId: string) => CardRow | undefined
	) => Promise<{ cards: readonly CardRow[]; logs: readonly ReviewLogRow[] }>;
	/** A large import: slices of at least `BULK_MIN_SLICE` rows, two in flight (see `putInSlices`). */
	bulk?: boolean;
}

/**
 * Installs a deck, or updates an installed one, in one transaction whose card writes are sliced
 * (see `putInSlices`), so a first visit stays responsive while the bundled decks go in. A card whose id is unchanged keeps
 * its schedule (its text may change); a new card starts as new; a removed card is retired: hidden,
 * its logs kept. The new-card state is the FSRS empty card, due at `now`.
 */
export async function installDeck(
	db: StudyDb,
	deck: Deck,
	options: InstallOptions
): Promise<InstallReport> {
	const now = options.now.getTime();
	const fresh = newCardRow(options.now);
	const report: InstallReport = { added: 0, updated: 0, retired: 0, unchanged: 0 };
	const media = options.media ?? [];
	const tables = [
		db.decks,
		db.cards,
		db.settings,
		...(media.length > 0 ? [db.media] : []),
		...(options.amend ? [db.reviewLogs] : [])
	];
	await db.transaction('rw', tables, async () => {
		const existing = await db.decks.get(deck.id);
		const row: DeckRow = {
			id: deck.id,
			title: deck.title,
			version: deck.version,
			cardCount: deck.cards.length,
			bundled: existing?.bundled ?? options.bundled,
			installedAt: existing?.installedAt ?? now,
			updatedAt: now
		};
		if (deck.description) row.description = deck.description;
		if (deck.source) row.source = deck.source;
		const sourceUrl = options.sourceUrl ?? existing?.sourceUrl;
		if (sourceUrl) row.sourceUrl = sourceUrl;
		await db.decks.put(row);
		if (media.length > 0) await db.media.bulkPut(mediaRows(deck.id, media));

		const old = new Map(
			(await db.cards.where('deckId').equals(deck.id).toArray()).map((c) => [c.cardId, c])
		);
		// Each card's row as this install leaves it (for `amend`), and the rows it writes.
		const rows = options.amend ? new Map<string, CardRow>() : undefined;
		const writes: CardRow[] = [];
		const write = (row: CardRow) => {
			rows?.set(row.cardId, row);
			writes.push(row);
		};
		deck.cards.forEach((content, order) => {
			const prev = old.get(content.id);
			old.delete(content.id);
			if (prev) {
				const same =
					prev.order === order &&
					prev.retired === 0 &&
					JSON.stringify(prev.content) === JSON.stringify(content);
				if (same) {
					report.unchanged++;
					rows?.set(prev.cardId, prev);
					return;
				}
				report.updated++;
				write({
					...prev,
					content,
					note: noteOf(deck.id, content),
					order,
					retired: 0,
					active: activeFlag({ ...prev, retired: 0 })
				});
				return;
			}
			report.added++;
			write({
				uid: cardUid(deck.id, content.id),
				deckId: deck.id,
				cardId: content.id,
				note: noteOf(deck.id, content),
				content,
				order,
				active: 1,
				suspended: 0,
				retired: 0,
				buriedUntil: 0,
				leech: 0,
				lastLogAt: 0,
				createdAt: now,
				...fresh
			});
		});
		for (const gone of old.values()) {
			if (gone.retired) continue;
			report.retired++;
			write({ ...gone, retired: 1, active: 0 });
		}
		for (const gone of old.values()) if (gone.retired) rows?.set(gone.cardId, gone);
		let logs: readonly ReviewLogRow[] = [];
		if (options.amend && rows) {
			const amended = await options.amend((cardId) => rows.get(cardId));
			logs = amended.logs;
			// An amended row replaces the one written; an unchanged card's is written after all.
			// (Its answers' logs are written after the cards, as the page's progress counts cards.)
			const at = new Map(writes.map((row, i) => [row.uid, i]));
			for (const row of amended.cards) {
				const i = at.get(row.uid);
				if (i === undefined) writes.push(row);
				else writes[i] = row;
			}
		}
		// Still one transaction (all or nothing), written in short slices: no long task on the page.
		const slices = {
			...(options.sliceBudgetMs ? { budgetMs: options.sliceBudgetMs } : {}),
			// The next slice is issued while IndexedDB still writes the one before: it never waits for
			// the page, and the page never waits a round trip per slice.
			...(options.bulk ? { minSlice: BULK_MIN_SLICE, inFlight: 2 } : {})
		};
		await putInSlices(db.cards, writes, {
			...slices,
			...(options.onProgress ? { onProgress: options.onProgress } : {})
		});
		if (logs.length > 0) await putInSlices(db.reviewLogs, logs, slices);
		await keepDeckTree(
			db,
			row,
			deck.cards.map((c) => c.subdeck)
		);
		if (writes.length > 0 || media.length > 0 || logs.length > 0) await bumpRevision(db);
	});
	return report;
}

/** One installed deck's row, if it is installed. */
export async function deckRow(db: StudyDb, deckId: string): Promise<DeckRow | undefined> {
	return db.decks.get(deckId);
}

export async function listDecks(db: StudyDb): Promise<DeckRow[]> {
	return db.decks.orderBy('id').toArray();
}

export type { DeckValues };

/** Reads one deck's values (an indexed read, at session start, never per answer). */
export async function deckValues(db: StudyDb, deckId: string): Promise<DeckValues> {
	const values = valueCollector();
	await db.cards
		.where('deckId')
		.equals(deckId)
		.each((row) => {
			if (!row.retired) values.add(row.content);
		});
	return values.done();
}
