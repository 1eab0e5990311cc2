import type { CardRow, DeckRow, ReviewLogRow } from '$lib/storage/rows';
import { listDecks as listInstalled } from '$lib/storage/decks';
import * as view from '$lib/storage/library-view';
import * as removal from '$lib/storage/delete-deck';
import { appDb } from './database';
import { runSnapshot } from './auto-snapshot';

export { cardStatus, type CardStatus, type DeckProgress } from '$lib/storage/library-view';
export type { CardRow, DeckRow, ReviewLogRow } from '$lib/storage/rows';
export type { DeckFootprint, DeleteOutcome } from '$lib/storage/delete-deck';

/** Every installed deck. */
export function listDecks(): Promise<DeckRow[]> {
	return listInstalled(appDb());
}

/** Each deck with its progress, for the library. */
export function loadLibrary(): Promise<view.DeckProgress[]> {
	return view.loadLibrary(appDb());
}

/** Every card of a deck (retired ones last): searched and filtered in memory by the browser. */
export function deckCards(deckId: string): Promise<CardRow[]> {
	return view.deckCards(appDb(), deckId);
}

/** What deleting a deck would take away: its title, cards and answers. */
export function deckFootprint(deckId: string): Promise<removal.DeckFootprint | undefined> {
	return removal.deckFootprint(appDb(), deckId);
}

/**
 * Deletes an imported deck, its cards and its answers, after a snapshot of all study data (taken in
 * the snapshot worker) that can bring it back. Nothing is deleted when the snapshot fails.
 */
export function deleteDeck(deckId: string): Promise<removal.DeleteOutcome> {
	return removal.deleteDeckAfterSnapshot(appDb(), deckId, (title) =>
		runSnapshot('before-delete', title)
	);
}

/** One card's answers, newest first. */
export function cardHistory(uid: string): Promise<ReviewLogRow[]> {
	return view.cardHistory(appDb(), uid);
}

/** Suspends or resumes one card. */
export function setSuspended(uid: string, suspended: boolean): Promise<CardRow> {
	return view.setSuspended(appDb(), uid, suspended, new Date());
}
