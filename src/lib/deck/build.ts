import type { Deck, DeckSummary } from './schema';
import { compileAuthoredDeck } from './authored';
import { generateDeck } from './generate';
import type { DeckError } from './errors';
import type { ReadMedia } from './bundled-media';

/** One authored deck as a loader found it: a YAML/JSON text, or a TypeScript fact module. */
export type DeckEntry =
	| {
			file: string;
			format: 'yaml';
			text: string;
			readSource?: (name: string) => string | undefined;
			/** The media files beside the deck file: checked and listed (see `compileAuthoredDeck`). */
			readMedia?: ReadMedia;
			sourceText?: string;
	  }
	| { file: string; format: 'facts'; spec: unknown; sourceText?: string };

export interface BuiltDecks {
	decks: Deck[];
	errors: DeckError[];
}

/** Compiles every entry and checks that deck ids are unique across them. */
export function buildDecks(entries: DeckEntry[]): BuiltDecks {
	const decks: Deck[] = [];
	const errors: DeckError[] = [];
	const seen = new Map<string, string>();
	for (const entry of entries) {
		const options = {
			file: entry.file,
			...(entry.sourceText === undefined ? {} : { sourceText: entry.sourceText })
		};
		const result =
			entry.format === 'yaml'
				? compileAuthoredDeck({
						...options,
						text: entry.text,
						...(entry.readSource ? { readSource: entry.readSource } : {}),
						...(entry.readMedia ? { readMedia: entry.readMedia } : {})
					})
				: generateDeck(entry.spec, options);
		if (!result.ok) {
			errors.push(...result.errors);
			continue;
		}
		const other = seen.get(result.deck.id);
		if (other) {
			errors.push({
				file: entry.file,
				path: 'id',
				message: `deck id "${result.deck.id}" is also used by ${other}`
			});
			continue;
		}
		seen.set(result.deck.id, entry.file);
		decks.push(result.deck);
	}
	decks.sort((a, b) => a.id.localeCompare(b.id));
	return { decks, errors };
}

/** The entry for /decks/index.json. */
export function summarise(deck: Deck): DeckSummary {
	return {
		id: deck.id,
		title: deck.title,
		...(deck.description ? { description: deck.description } : {}),
		version: deck.version,
		cardCount: deck.cards.length,
		...(deck.source ? { source: deck.source } : {})
	};
}
