/**
 * Forgiving card search for the card browser: word by word, each word must be found in some field
 * of the card (prompt, answer, accepted answers, tags, quote), with case, accents and punctuation
 * ignored as the quiz matcher ignores them, and a small typo forgiven per word. Cards whose own
 * text has the words come before cards that only quote them.
 *
 * Pure and in memory: the browser indexes a deck's cards once, then every keystroke searches that
 * index instead of reading the database again.
 */
import type { Card } from '$lib/deck';
import { damerauLevenshtein, normaliseAnswer } from '$lib/quiz/match';

/** A searchable card: anything that carries the card's content. */
export interface HasCard {
	content: Card;
}

/** Where a word was found: the card's own text (prompt, answers, tags) or only its quote. */
const OWN = 2;
const QUOTE = 1;

export interface CardIndex<T extends HasCard> {
	items: readonly T[];
	/** Each item's own text and its quote, normalised, fields joined by a separator no word has. */
	own: readonly string[];
	quotes: readonly string[];
	/** Every distinct word of the deck, with the items it occurs in and where (OWN or QUOTE). */
	words: ReadonlyMap<string, ReadonlyMap<number, number>>;
}

/** The card's own text that a search looks in; its quote is looked in too, ranked lower. */
function ownFields(card: Card): string[] {
	return [card.prompt, card.answer, ...(card.accept ?? []), ...(card.tags ?? [])];
}

/**
 * Reads the cards once: their normalised text and the deck's vocabulary. Text is normalised word by
 * word through a memo: a deck repeats its words, and the matcher's normaliser is thorough rather
 * than quick, so thousands of cards index in a fraction of the time.
 * @example searchCards(indexCards(rows), 'lavrov minster')
 */
export function indexCards<T extends HasCard>(items: readonly T[]): CardIndex<T> {
	const memo = new Map<string, string>();
	const normalise = (field: string) =>
		field
			.split(/\s+/)
			.map((token) => {
				let norm = memo.get(token);
				if (norm === undefined) memo.set(token, (norm = normaliseAnswer(token)));
				return norm;
			})
			.filter(Boolean)
			.join(' ');
	const own: string[] = [];
	const quotes: string[] = [];
	const words = new Map<string, Map<number, number>>();
	const note = (text: string, i: number, where: number) => {
		for (const word of text.split(' ')) {
			if (!word || word === '|') continue;
			const at = words.get(word) ?? new Map<number, number>();
			at.set(i, Math.max(at.get(i) ?? 0, where));
			words.set(word, at);
		}
	};
	items.forEach((item, i) => {
		own.push(ownFields(item.content).map(normalise).join(' | '));
		quotes.push(normalise(item.content.source.quote));
		note(own[i]!, i, OWN);
		note(quotes[i]!, i, QUOTE);
	});
	return { items, own, quotes, words };
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

/** The items a normalised search word finds, each with where: inside a text, or a typo away. */
function itemsFor<T extends HasCard>(index: CardIndex<T>, word: string): Map<number, number> {
	const found = new Map<number, number>();
	const add = (i: number, where: number) => found.set(i, Math.max(found.get(i) ?? 0, where));
	index.own.forEach((text, i) => {
		if (text.includes(word)) add(i, OWN);
		else if (index.quotes[i]?.includes(word)) add(i, QUOTE);
	});
	const max = typosAllowed(word);
	if (max === 0) return found;
	const length = Array.from(word).length;
	for (const [known, at] of index.words) {
		if (nearWord(word, length, known, max)) for (const [i, where] of at) add(i, where);
	}
	return found;
}

/**
 * The items whose card matches every word of `query`: those with the words in their own text
 * first, then those that only quote some of them, each in their order. An empty query finds all.
 * @example searchCards(index, 'LAVROV') // Lavrov's cards, whatever the case
 * @example searchCards(index, 'lavrov minster') // his "foreign minister" cards, typo forgiven
 */
export function searchCards<T extends HasCard>(index: CardIndex<T>, query: string): T[] {
	const words = [...new Set(normaliseAnswer(query).split(' ').filter(Boolean))];
	if (words.length === 0) return [...index.items];
	let score: Map<number, number> | undefined;
	// Longest words first: they usually find the fewest items, so an empty result shows up soonest.
	for (const word of words.sort((a, b) => b.length - a.length)) {
		const found = itemsFor(index, word);
		const next = new Map<number, number>();
		for (const [i, where] of found) {
			const before = score ? score.get(i) : 0;
			if (before !== undefined) next.set(i, before + where);
		}
		score = next;
		if (score.size === 0) return [];
	}
	const ranked = [...(score ?? new Map<number, number>())];
	ranked.sort(([a, sa], [b, sb]) => sb - sa || a - b);
	return ranked.map(([i]) => index.items[i]!);
}
