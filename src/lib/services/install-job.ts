import type { DeckSummary } from '$lib/deck';
import type { InstallReport } from '$lib/storage/decks';

/**
 * What the install worker is asked: bring the bundled decks up to date as of `now`. `listed` is
 * the deck list the page has read already, so the worker need not download it again; `first` is
 * the deck the page waits for.
 */
export interface InstallJob {
	type: 'job';
	now: number;
	listed?: DeckSummary[];
	first?: string | undefined;
	/** Deck files the page is downloading itself: each arrives as a `deck-file` message. */
	coming?: string[];
}

/**
 * A deck file the page downloaded (a screen waiting for cards starts the download before the
 * worker's script has even arrived), handed over without a copy; `bytes` missing when the download
 * failed, and the worker then asks for the file itself.
 */
export interface InstallDeckFile {
	type: 'deck-file';
	deckId: string;
	bytes?: ArrayBuffer;
}

/**
 * The page has read what the last installed deck made readable (its first card is on screen): the
 * next deck may go in. Its write transaction would make the page's reads wait until it commits.
 */
export interface InstallGoOn {
	type: 'go-on';
}

/** How long the worker waits for `go-on` at most: a page that never answers slows it, no more. */
export const GO_ON_WAIT_MS = 5000;

/** What it answers: progress as the cards go in, then the outcome. */
export type InstallMessage =
	| { type: 'progress'; done: number; total: number }
	| { type: 'installed'; deckId: string } // answered by `go-on`
	| { type: 'done'; reports: Record<string, InstallReport> }
	| { type: 'failed'; error: string; full: boolean };
