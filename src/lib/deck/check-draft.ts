import { authoredCard, authoredDeck, type DraftCard, type DraftDeck } from './draft';
import { authoredDeckSchema } from './schema';
import { checkDeck, validateCard } from './validate';
import type { DeckError, PathKey } from './errors';

/**
 * Every problem of a draft, through the same schema and checks as `npm run decks:check` gives the
 * file the studio writes (`checkDeck` with the authored deck schema: the deck's own fields, its
 * source file's name and every card), with paths such as `cards[3].prompt`. Quotes are checked
 * when the draft has a source text.
 */
export function checkDraft(draft: DraftDeck): DeckError[] {
	const sourceText = draft.sourceText.trim() ? draft.sourceText : undefined;
	const result = checkDeck(
		authoredDeckSchema,
		authoredDeck(draft),
		sourceText === undefined ? {} : { sourceText }
	);
	return result.ok ? [] : result.errors;
}

/**
 * One card's own problems (its shape, its distractors, its blank, its date), as `checkDraft`
 * reports them for the card at `index`: what the studio shows beside a field as it is typed. The
 * problems that need the whole deck (duplicate ids, quotes against the source) come from `checkDraft`.
 */
export function checkDraftCard(card: DraftCard, index: number): DeckError[] {
	return validateCard(authoredCard(card), index);
}

/** Where a problem is, for code: list indexes from 0 (`keys`, or read from the 1-based `path`). */
function placeOf(error: DeckError): PathKey[] {
	if (error.keys) return error.keys;
	const keys: PathKey[] = [];
	for (const m of error.path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
		keys.push(m[2] === undefined ? (m[1] ?? '') : Number(m[2]) - 1);
	return keys;
}

/** The card a problem belongs to (0-based: `cards[3].prompt` -> 2), or undefined for the deck's own fields. */
export function cardOfError(error: DeckError): number | undefined {
	const [list, index] = placeOf(error);
	return list === 'cards' && typeof index === 'number' ? index : undefined;
}

/** The field of a card or deck a problem is about, indexes from 0: `cards[3].distractors[1]` -> `distractors[0]`. */
export function fieldOfError(error: DeckError): string {
	const keys = placeOf(error);
	const rest = keys[0] === 'cards' && typeof keys[1] === 'number' ? keys.slice(2) : keys;
	return rest.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}
