import type { InstallReport } from '$lib/storage/decks';

/** What the install worker is asked: bring the bundled decks up to date as of `now`. */
export interface InstallJob {
	now: number;
}

/** What it answers: progress as the cards go in, then the outcome. */
export type InstallMessage =
	| { type: 'progress'; done: number; total: number }
	| { type: 'done'; reports: Record<string, InstallReport> }
	| { type: 'failed'; error: string; full: boolean };
