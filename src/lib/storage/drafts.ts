import type { Deck } from '$lib/deck/schema';
import type { DraftDeck } from '$lib/deck/draft';
import type { StudyDb } from './db';
import { installDeck, type InstallReport } from './decks';
import { copyMedia, deleteMediaOf, draftMediaKey } from './media';

/** A deck being written in the studio: saved as it is edited, valid or not. */
export interface DraftRow {
	id: string;
	/** Counts every save: a save that expected another revision was overwritten by another tab. */
	rev: number;
	updatedAt: number;
	createdAt: number;
	deck: DraftDeck;
	/** Card ids learners may have progress on: they never change. */
	published: string[];
	/** The YAML file the draft was opened from: what did not change is written back as it was. */
	originalYaml?: string;
	/** The installed deck's version when the draft was last installed (or opened from it). */
	installedVersion?: number;
}

/** Another tab saved this draft since this tab read it. */
export class DraftConflictError extends Error {
	constructor(readonly current: DraftRow) {
		super('This draft was changed in another tab.');
		this.name = 'DraftConflictError';
	}
}

/** Every draft, the last changed first, without their cards' text (a summary each). */
export async function listDrafts(
	db: StudyDb
): Promise<{ id: string; title: string; cardCount: number; updatedAt: number }[]> {
	const rows = await db.drafts.orderBy('updatedAt').reverse().toArray();
	return rows.map((r) => ({
		id: r.id,
		title: r.deck.title,
		cardCount: r.deck.cards.length,
		updatedAt: r.updatedAt
	}));
}

export function getDraft(db: StudyDb, id: string): Promise<DraftRow | undefined> {
	return db.drafts.get(id);
}

/** A new draft, saved at revision 1. */
export async function createDraft(
	db: StudyDb,
	row: Omit<DraftRow, 'rev' | 'createdAt' | 'updatedAt'>,
	now: Date
): Promise<DraftRow> {
	const full: DraftRow = { ...row, rev: 1, createdAt: now.getTime(), updatedAt: now.getTime() };
	await db.drafts.add(full);
	return full;
}

/**
 * Saves a draft if nobody else saved it since revision `expected` (another tab, or this one before
 * a reload): then it is written as revision `expected + 1`. Otherwise nothing is written and a
 * `DraftConflictError` carries what is saved now.
 */
export async function saveDraft(
	db: StudyDb,
	row: Omit<DraftRow, 'rev' | 'updatedAt'>,
	expected: number,
	now: Date
): Promise<DraftRow> {
	return db.transaction('rw', db.drafts, async () => {
		const current = await db.drafts.get(row.id);
		if (current && current.rev !== expected) throw new DraftConflictError(current);
		const next: DraftRow = { ...row, rev: expected + 1, updatedAt: now.getTime() };
		await db.drafts.put(next);
		return next;
	});
}

/** Deletes a draft and the pictures and sounds stored with it. */
export async function deleteDraft(db: StudyDb, id: string): Promise<void> {
	await db.transaction('rw', db.drafts, db.media, async () => {
		await db.drafts.delete(id);
		await deleteMediaOf(db, draftMediaKey(id));
	});
}

/** The draft of an installed deck, if one is open in the studio (the latest changed). */
export async function draftOfDeck(db: StudyDb, deckId: string): Promise<DraftRow | undefined> {
	const rows = await db.drafts.filter((r) => r.deck.id === deckId).toArray();
	return rows.sort((a, b) => b.updatedAt - a.updatedAt)[0];
}

/**
 * Installs a valid deck from the studio into this device's collection. A deck already installed is
 * updated by the deck-update rules (progress kept for every unchanged card id) at a version above
 * the installed one; the version used is returned. The media `names` its cards name go with it
 * from the draft `draftId` (before the cards, so no card shows without its picture).
 */
export async function publishDeck(
	db: StudyDb,
	deck: Deck,
	now: Date,
	media?: { draftId: string; names: readonly string[] }
): Promise<InstallReport & { version: number }> {
	if (media && media.names.length > 0)
		await copyMedia(db, draftMediaKey(media.draftId), deck.id, media.names);
	const installed = await db.decks.get(deck.id);
	const version = installed ? Math.max(deck.version, installed.version + 1) : deck.version;
	const report = await installDeck(db, { ...deck, version }, { now, bundled: false });
	return { ...report, version };
}
