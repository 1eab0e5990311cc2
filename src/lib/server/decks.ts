import { dirname, resolve } from 'node:path';
import { buildDecks, formatError, summarise, type DeckEntry } from '$lib/deck';
import { mediaBeside } from './media-files';

// Vite reads every authored deck at build time; nothing here reaches the browser.
const yamlFiles = import.meta.glob<string>('/decks/**/*.{yaml,yml}', {
	query: '?raw',
	import: 'default',
	eager: true
});
const textFiles = import.meta.glob<string>('/decks/**/*.txt', {
	query: '?raw',
	import: 'default',
	eager: true
});
const factFiles = import.meta.glob<unknown>('/decks/**/deck.ts', {
	import: 'default',
	eager: true
});

const dirOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);

function entries(): DeckEntry[] {
	const list: DeckEntry[] = [];
	for (const [path, spec] of Object.entries(factFiles)) {
		const sourceText = textFiles[`${dirOf(path)}source.txt`];
		list.push({
			file: path.slice(1),
			format: 'facts',
			spec,
			...(sourceText ? { sourceText } : {})
		});
	}
	for (const [path, text] of Object.entries(yamlFiles)) {
		list.push({
			file: path.slice(1),
			format: 'yaml',
			text,
			readSource: (name) => textFiles[`${dirOf(path)}${name}`],
			// The build runs from the project root, where the glob's `/decks/…` paths start.
			readMedia: mediaBeside(resolve(process.cwd(), dirname(path.slice(1))))
		});
	}
	return list;
}

/** Every bundled deck, compiled; a malformed deck stops the build with every error and its place. */
export function loadBundledDecks() {
	const { decks, errors } = buildDecks(entries());
	if (errors.length > 0)
		throw new Error(`Deck errors:\n${errors.map((e) => `  ${formatError(e)}`).join('\n')}`);
	return { decks, index: decks.map(summarise) };
}

/** One media file the build serves for a bundled deck, and where it is on disk. */
export interface BundledMediaFile {
	deckId: string;
	file: string;
	type: string;
	path: string;
}

/**
 * Every bundled deck's media files, served at `/decks/media/<deck id>/<file>` (see
 * `listBundledMedia`): the pictures and sounds beside the deck files that the compiled decks list.
 */
export function bundledMediaFiles(): BundledMediaFile[] {
	// Once per build: prerendering asks for every file, and each answer needs the whole list.
	return (mediaFiles ??= listMediaFiles());
}

let mediaFiles: BundledMediaFile[] | undefined;

function listMediaFiles(): BundledMediaFile[] {
	// Stops the build on any deck error, as the deck routes do.
	loadBundledDecks();
	const files: BundledMediaFile[] = [];
	for (const entry of entries()) {
		if (entry.format !== 'yaml') continue;
		const deck = buildDecks([entry]).decks[0];
		if (!deck) continue;
		for (const m of deck.media ?? [])
			files.push({
				deckId: deck.id,
				file: m.file,
				type: m.type,
				path: resolve(process.cwd(), dirname(entry.file), m.name)
			});
	}
	return files;
}
