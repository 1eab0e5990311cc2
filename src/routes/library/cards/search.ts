/**
 * Forgiving card search for the card browser: word by word, each word must be found in some field
 * of the card (prompt, answer, accepted answers, tags, quote), with case, accents and punctuation
 * ignored as the quiz matcher ignores them, and a small typo forgiven per word.
 *
 * Pure and in memory: the browser indexes a deck's cards once when it loads them, then every
 * keystroke searches that index instead of reading the database again.
 */
import type { Card } from '$lib/deck';
import { damerauLevenshtein, normaliseAnswer } from '$lib/quiz/match';

/** A searchable card: anything that carries the card's content. */
export interface HasCard {
	content: Card;
}

export interface CardIndex<T extends HasCard> {
	items: readonly T[];
	/** Each item's fields, normalised and joined by a separator no word contains. */
	texts: readonly string[];
	/** Every distinct word of the deck, with the items it occurs in. */
	words: ReadonlyMap<string, readonly number[]>;
}

/** The text of a card that a search looks in. */
function fields(card: Card): string[] {
	return [
		card.prompt,
		card.answer,
		...(card.accept ?? []),
		...(card.tags ?? []),
		card.source.quote
	];
}

/**
 * Reads the cards once: their normalised text and the deck's vocabulary. Text is normalised word by
 * word through a memo: a deck repeats its words, and the matcher's normaliser is thorough rather
 * than quick, so thousands of cards index in a fraction of the time.
 * @example searchCards(indexCards(rows), 'lavrov minster')
 */
export function indexCards<T extends HasCard>(items: readonly T[]): CardIndex<T> {
	const memo = new Map<string, string>();
	const normalise = (token: string) => {
		let norm = memo.get(token);
		if (norm === undefined) memo.set(token, (norm = normaliseAnswer(token)));
		return norm;
	};
	const texts: string[] = [];
	const words = new Map<string, number[]>();
	items.forEach((item, i) => {
		const normal = fields(item.content).map((field) =>
			field.split(/\s+/).map(normalise).filter(Boolean).join(' ')
		);
		texts.push(normal.join(' | '));
		for (const word of new Set(normal.join(' ').split(' '))) {
			if (!word) continue;
			const at = words.get(word);
			if (at) at.push(i);
			else words.set(word, [i]);
		}
	});
	return { items, texts, words };
}

/**
 * Edits forgiven in a search word: none in a short word (three letters are often another word),
 * one from four letters, two from eight.
 */
export const typosAllowed = (word: string): number => {
	const length = Array.from(word).length;
	return length >= 8 ? 2 : length >= 4 ? 1 : 0;
};

/**
 * Whether a search word is at most `max` edits from a word of the deck, or from its beginning: a
 * word is found by its start ("minist" finds "ministers"), typo and all ("minst" too). Beginnings one
 * letter shorter or longer than the search word cover a letter missed or doubled.
 */
function nearWord(word: string, length: number, known: string, max: number): boolean {
	if (damerauLevenshtein(word, known, max) <= max) return true;
	const letters = Array.from(known);
	for (let cut = length - 1; cut <= length + 1; cut++) {
		if (cut < 1 || cut >= letters.length) continue;
		if (damerauLevenshtein(word, letters.slice(0, cut).join(''), max) <= max) return true;
	}
	return false;
}

/** The items a single normalised search word finds: inside some text, or a deck word a typo away. */
function itemsFor<T extends HasCard>(index: CardIndex<T>, word: string): Set<number> {
	const found = new Set<number>();
	index.texts.forEach((text, i) => {
		if (text.includes(word)) found.add(i);
	});
	const max = typosAllowed(word);
	if (max === 0) return found;
	const length = Array.from(word).length;
	for (const [known, at] of index.words) {
		if (nearWord(word, length, known, max)) for (const i of at) found.add(i);
	}
	return found;
}

/**
 * The items whose card matches every word of `query`, in their order. An empty query finds all.
 * @example searchCards(index, 'LAVROV') // Lavrov's cards, whatever the case
 * @example searchCards(index, 'lavrov minster') // his "foreign minister" cards, typo forgiven
 */
export function searchCards<T extends HasCard>(index: CardIndex<T>, query: string): T[] {
	const words = [...new Set(normaliseAnswer(query).split(' ').filter(Boolean))];
	if (words.length === 0) return [...index.items];
	let hits: Set<number> | undefined;
	// Longest words first: they usually find the fewest items, so an empty result shows up soonest.
	for (const word of words.sort((a, b) => b.length - a.length)) {
		const found = itemsFor(index, word);
		hits = hits ? new Set([...hits].filter((i) => found.has(i))) : found;
		if (hits.size === 0) return [];
	}
	return index.items.filter((_, i) => hits?.has(i));
}
