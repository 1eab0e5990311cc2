import type { Deck, DeckSummary } from '$lib/deck';
import { installDeck, installedVersions, type InstallReport, type StudyDb } from '$lib/storage';

type Fetch = typeof fetch;

/** Cards written so far of all the decks being installed, for a progress bar. */
export type SyncProgress = (done: number, total: number) => void;

/** The bundled decks that are missing here or have a newer version than the installed one. */
export async function bundledDecksToInstall(db: StudyDb, fetcher: Fetch): Promise<DeckSummary[]> {
	const res = await fetcher('/decks/index.json');
	if (!res.ok) throw new Error(`Could not load the deck list (${res.status})`);
	const { decks } = (await res.json()) as { decks: DeckSummary[] };
	const installed = await installedVersions(db);
	return decks.filter((summary) => {
		const have = installed.get(summary.id);
		return have === undefined || have < summary.version;
	});
}

/**
 * Installs every bundled deck that is new or has a newer version than the installed one, each in
 * one transaction (all or nothing) whose card writes are sliced (see `installDeck`). Bundled decks
 * come from our own build, precached by the service worker, so they are trusted as compiled.
 * Runs in the install worker, or on the page where there are no workers.
 */
export async function syncBundledDecks(
	db: StudyDb,
	fetcher: Fetch,
	now: Date,
	options: { onProgress?: SyncProgress; sliceBudgetMs?: number } = {}
): Promise<Record<string, InstallReport>> {
	const pending = await bundledDecksToInstall(db, fetcher);
	const total = pending.reduce((sum, d) => sum + d.cardCount, 0);
	let before = 0;
	const reports: Record<string, InstallReport> = {};
	for (const summary of pending) {
		const deckRes = await fetcher(`/decks/${summary.id}.json`);
		if (!deckRes.ok) throw new Error(`Could not load deck ${summary.id} (${deckRes.status})`);
		const deck = (await deckRes.json()) as Deck;
		reports[summary.id] = await installDeck(db, deck, {
			now,
			bundled: true,
			onProgress: (done) => options.onProgress?.(Math.min(before + done, total), total),
			...(options.sliceBudgetMs ? { sliceBudgetMs: options.sliceBudgetMs } : {})
		});
		before += summary.cardCount;
		options.onProgress?.(Math.min(before, total), total);
	}
	return reports;
}
