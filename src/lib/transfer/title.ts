import { hasMarkup, LIMITS } from '$lib/deck/schema';
import { toPlainText } from './html-text';
import { shorten } from './text-cards';

/**
 * Words that say nothing about what a file holds: Quizlet's export has no title, so people save it
 * as `quizlet-export.txt`, `Untitled.txt` or `flashcards (2).csv`, and such a name is no deck name.
 */
const GENERIC = new Set(
	(
		'anki quizlet export exported untitled download downloads new text document file files ' +
		'flashcard flashcards card cards set sets deck decks study list notes note terms words vocab ' +
		'vocabulary data import my copy of txt csv tsv'
	).split(' ')
);

/**
 * A title from a file name: no extension, no copy number, `_` and `-` as spaces, the first
 * letter upper case when the first word is all lower case (`iPhone` stays as it is).
 * @example titleFromName('spanish_verbs-2 (1).txt') // 'Spanish verbs 2'
 */
export function titleFromName(name: string): string {
	const words = toPlainText(
		name
			.replace(/\.[a-z0-9]+$/i, '')
			.replace(/\s*\(\d+\)$/, '')
			.replace(/[_-]+/g, ' ')
	).text.slice(0, LIMITS.title);
	return /^\p{Ll}+(?:\s|$)/u.test(words) ? words.charAt(0).toUpperCase() + words.slice(1) : words;
}

/** Whether a file name says nothing of its content (`quizlet-export.txt`, `Untitled (3).csv`). */
export function isGenericName(name: string): boolean {
	const words = titleFromName(name)
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w && !/^\d+$/.test(w));
	return words.every((w) => GENERIC.has(w));
}

/**
 * The name a text import is offered under, which the learner can change before importing: the
 * deck the file names (Anki's header or deck column); else the file's name, made readable; else,
 * for a name like `quizlet-export.txt`, the first questions (`der Hund, die Katze, das Haus…`).
 * @example suggestTitle('quizlet-export.txt', undefined, ['der Hund', 'die Katze']) // 'der Hund, die Katze'
 */
export function suggestTitle(
	fileName: string,
	deckName: string | undefined,
	prompts: readonly string[]
): string {
	const given = deckName && toPlainText(deckName).text.slice(0, LIMITS.title);
	if (given) return given;
	if (!isGenericName(fileName)) return titleFromName(fileName);
	// A prompt kept literally (`#html:false`) may read as markup; a deck's title may not.
	const firsts = [
		...new Set(prompts.map((p) => p.split('\n')[0]?.trim() ?? '').filter((p) => p && !hasMarkup(p)))
	];
	if (firsts.length === 0) return titleFromName(fileName) || 'Imported deck';
	const joined = shorten(
		firsts
			.slice(0, 3)
			.map((p) => shorten(p, 30))
			.join(', '),
		60
	);
	return firsts.length > 3 && !joined.endsWith('…') ? `${joined}…` : joined;
}
