import type { CardRow, DeckRow, ReviewLogRow } from '$lib/storage/rows';
import { listDecks as listInstalled } from '$lib/storage/decks';
import * as view from '$lib/storage/library-view';
import { appDb } from './database';

export { cardStatus, type CardStatus, type DeckProgress } from '$lib/storage/library-view';
export type { CardRow, DeckRow, ReviewLogRow } from '$lib/storage/rows';

/** Every installed deck. */
export function listDecks(): Promise<DeckRow[]> {
	return listInstalled(appDb());
}

/** Each deck with its progress, for the library. */
export function loadLibrary(): Promise<view.DeckProgress[]> {
	return view.loadLibrary(appDb());
}

/** A deck's cards, filtered by the search text. */
export function browseCards(deckId: string, search = ''): Promise<CardRow[]> {
	return view.browseCards(appDb(), deckId, search);
}

/** One card's answers, newest first. */
export function cardHistory(uid: string): Promise<ReviewLogRow[]> {
	return view.cardHistory(appDb(), uid);
}

/** Suspends or resumes one card. */
export function setSuspended(uid: string, suspended: boolean): Promise<CardRow> {
	return view.setSuspended(appDb(), uid, suspended);
}
