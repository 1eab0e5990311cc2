import type { DeckSummary } from '$lib/deck';
import type { InstallReport } from '$lib/storage/decks';

/**
 * What the install worker is asked: bring the bundled decks up to date as of `now`. `listed` is
 * the deck list the page has read already, so the worker need not download it again; `first` is
 * the deck the page waits for.
 */
export interface InstallJob {
	now: number;
	listed?: DeckSummary[];
	first?: string | undefined;
}

/** What it answers: progress as the cards go in, then the outcome. */
export type InstallMessage =
	| { type: 'progress'; done: number; total: number }
	| { type: 'installed'; deckId: string }
	| { type: 'done'; reports: Record<string, InstallReport> }
	| { type: 'failed'; error: string; full: boolean };
