import { readFileSync } from 'node:fs';
import { error } from '@sveltejs/kit';
import { bundledMediaFiles } from '$lib/server/decks';
import type { EntryGenerator, RequestHandler } from './$types';

// Each picture and sound of a bundled deck becomes a static file of the build, precached by the
// service worker (vite.config.ts), which the app downloads into IndexedDB when it installs the deck.
export const prerender = true;

export const entries: EntryGenerator = () =>
	bundledMediaFiles().map((m) => ({ deck: m.deckId, file: m.file }));

export const GET: RequestHandler = ({ params }) => {
	const media = bundledMediaFiles().find((m) => m.deckId === params.deck && m.file === params.file);
	if (!media) error(404, `No media "${params.file}" in deck "${params.deck}"`);
	return new Response(readFileSync(media.path), { headers: { 'content-type': media.type } });
};
