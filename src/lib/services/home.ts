import { backupReminder } from '$lib/storage/backup-reminder';
import { loadOverview, type Overview } from '$lib/storage/overview';
import { HOME_FOLDED, loadDeckTrees } from '$lib/storage/deck-tree';
import type { SubdeckNode } from '$lib/deck/subdecks';
import type { DeckRow } from '$lib/storage/rows';
import { getSetting, setSetting } from '$lib/storage/settings';
import { watchRevision } from '$lib/storage/revision';
import { appDb } from './database';

export type { DeckOverview, DueCounts, Overview } from '$lib/storage/overview';
export type { SubdeckNode } from '$lib/deck/subdecks';

/** Today's counts, per deck and in all, for the home screen. */
export function loadHomeOverview(now: Date): Promise<Overview> {
	return loadOverview(appDb(), now);
}

/** Days since the last saved backup when a reminder is due, otherwise undefined. */
export function backupDue(now: Date): Promise<number | undefined> {
	return backupReminder(appDb(), now);
}

/** The sub-deck tree of each deck that has one (read after the counts are on screen). */
export function loadHomeTrees(decks: readonly DeckRow[]): Promise<Record<string, SubdeckNode[]>> {
	return loadDeckTrees(appDb(), decks);
}

/**
 * Calls `changed` after each change to what is due made from now on, in this tab or another (an
 * answer in another tab, an import, a sync): the database's revision counter. Returns the stop.
 */
export function watchStudyChanges(changed: () => void): () => void {
	let first = true;
	return watchRevision(appDb(), () => {
		// The first call is the revision as it is now, not a change.
		if (first) first = false;
		else changed();
	});
}

/** The decks and sub-decks folded on home (`subdeckLimitKey`s), kept across visits. */
export async function loadFolded(): Promise<string[]> {
	const saved = await getSetting<unknown>(appDb(), HOME_FOLDED, []);
	return Array.isArray(saved) ? saved.filter((k): k is string => typeof k === 'string') : [];
}

export async function saveFolded(keys: readonly string[]): Promise<void> {
	await setSetting(appDb(), HOME_FOLDED, [...keys]);
}
