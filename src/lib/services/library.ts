import type { Deck, DeckSummary } from '$lib/deck';
import {
	installDeck,
	installedVersions,
	isQuotaError,
	type InstallReport,
	type StudyDb
} from '$lib/storage';
import { appDb } from './database';
import { appStatus } from '$lib/state/app.svelte';

type Fetch = typeof fetch;

/**
 * Installs every bundled deck that is new or has a newer version than the installed one. Bundled
 * decks come from our own build, precached by the service worker, so they are trusted as compiled.
 */
export async function syncBundledDecks(
	db: StudyDb,
	fetcher: Fetch,
	now: Date
): Promise<Record<string, InstallReport>> {
	const res = await fetcher('/decks/index.json');
	if (!res.ok) throw new Error(`Could not load the deck list (${res.status})`);
	const { decks } = (await res.json()) as { decks: DeckSummary[] };
	const installed = await installedVersions(db);
	const reports: Record<string, InstallReport> = {};
	for (const summary of decks) {
		const have = installed.get(summary.id);
		if (have !== undefined && have >= summary.version) continue;
		const deckRes = await fetcher(`/decks/${summary.id}.json`);
		if (!deckRes.ok) throw new Error(`Could not load deck ${summary.id} (${deckRes.status})`);
		const deck = (await deckRes.json()) as Deck;
		try {
			reports[summary.id] = await installDeck(db, deck, { now, bundled: true });
		} catch (e) {
			if (isQuotaError(e)) appStatus.storageFull = true;
			throw e;
		}
	}
	return reports;
}

/** Brings the bundled decks on this device up to date (see `syncBundledDecks`). */
export function syncAppDecks(now: Date): Promise<Record<string, InstallReport>> {
	return syncBundledDecks(appDb(), fetch, now);
}
