import type { DeckSummary } from '$lib/deck';
import { bundledDeckList } from '$lib/services/bundled-decks';
import type { PageLoad } from './$types';

/**
 * The bundled decks as the build lists them. Read while the page is prerendered, so the first
 * paint already shows the decks (titles and descriptions) that the database is being opened for;
 * Kit inlines the response, so hydration does not ask for it again.
 */
export const load: PageLoad = async ({ fetch }) => {
	const bundled: DeckSummary[] = await bundledDeckList(fetch).catch(() => []);
	return { bundled };
};
