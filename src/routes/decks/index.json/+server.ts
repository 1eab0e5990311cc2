import { json } from '@sveltejs/kit';
import { loadBundledDecks } from '$lib/server/decks';

export const prerender = true;

export function GET() {
	return json({ decks: loadBundledDecks().index });
}
