import { error, json } from '@sveltejs/kit';
import { loadBundledDecks } from '$lib/server/decks';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => loadBundledDecks().decks.map((d) => ({ id: d.id }));

export const GET: RequestHandler = ({ params }) => {
	const deck = loadBundledDecks().decks.find((d) => d.id === params.id);
	if (!deck) error(404, `No deck "${params.id}"`);
	return json(deck);
};
