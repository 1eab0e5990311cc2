import { ReviewSession, type SessionOptions } from '$lib/state/review.svelte';
import { ImportFlow } from '$lib/state/import.svelte';
import { BackupFlow } from '$lib/state/backup.svelte';
import type { Deck } from '$lib/deck';
import { databaseMissing } from '$lib/storage/db';
import { newDeckCards, valuesOfRows } from '$lib/storage/decks';
import { freshQueue } from '$lib/storage/queue';
import { queueOptions, withDefaults } from '$lib/storage/study-settings';
import { appDb } from './database';
import { tabUndoStore } from './undo-store';
import { afterPaint } from './idle';
import { earlyDeckFile } from './library';

/**
 * A review (or, with `practice`, a practice test) over this device's cards. A review keeps its undo
 * list in this tab, so a reload keeps Undo; an answer is written after the next card is painted.
 */
export function openSession(options: SessionOptions = {}): ReviewSession {
	return new ReviewSession(appDb(), { undoStore: tabUndoStore, afterShow: afterPaint, ...options });
}

/**
 * A first visit to a review: on a device with no database yet, whose first bundled deck (`deckId`,
 * its file asked for with `downloadDeckEarly`) is installed at `now` before anything else, the
 * review's queue is known before the deck is written: that deck's new cards, in order, within the
 * daily limits of a device with no settings saved. Puts it on screen (`ReviewSession.preview`), so
 * the first card does not wait for the database to be created, the deck written and the queue read
 * back; answering it waits for those. `scope`: the deck the review is limited to, if any.
 * Returns whether it did; it does not when the database exists already (a returning visit, or
 * another tab), when the browser cannot tell without creating it, or when the deck has pictures or
 * sounds (read from the database).
 */
export async function previewFirstVisit(
	session: ReviewSession,
	deckId: string,
	scope: string | undefined,
	now: Date
): Promise<boolean> {
	const file = earlyDeckFile(deckId);
	if (!file || (scope !== undefined && scope !== deckId)) return false;
	if ((await databaseMissing()) !== true) return false;
	const deck = JSON.parse(new TextDecoder().decode(await file)) as Deck;
	if (deck.id !== deckId || (deck.media?.length ?? 0) > 0) return false;
	const settings = withDefaults({});
	const rows = newDeckCards(deck, now);
	const cards = freshQueue(rows, queueOptions(settings, now, scope));
	if (!cards || cards.length === 0) return false;
	await session.preview(cards, settings, valuesOfRows(rows));
	return session.status === 'studying';
}

/** The import page's flow, writing to this device. */
export function openImport(): ImportFlow {
	return new ImportFlow(appDb());
}

/** The backup restore flow, merging into this device's data. */
export function openBackup(): BackupFlow {
	return new BackupFlow(appDb());
}
