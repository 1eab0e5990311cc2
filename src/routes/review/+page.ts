import { bundledDeckList, bundledDeckUrl, installOrder } from '$lib/services/bundled-decks';
import type { PageLoad } from './$types';

/**
 * The deck a first visit installs first (the smallest bundled deck), read while the page is
 * prerendered: the page preloads its file with the HTML, so the first card does not wait for the
 * database to open before the deck is even asked for.
 */
export const load: PageLoad = async ({ fetch }) => {
	const bundled = await bundledDeckList(fetch).catch(() => []);
	const first = installOrder(bundled)[0]?.id;
	return { firstDeck: first === undefined ? undefined : { id: first, url: bundledDeckUrl(first) } };
};
