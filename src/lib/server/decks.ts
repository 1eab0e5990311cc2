import { buildDecks, formatError, summarise, type DeckEntry } from '$lib/deck';

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
			readSource: (name) => textFiles[`${dirOf(path)}${name}`]
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
