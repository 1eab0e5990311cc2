import { compiledDeck, type DraftDeck } from './draft';
import { validateDeck } from './validate';
import type { DeckError } from './errors';

/**
 * Every problem of a draft, through the same validator as `npm run decks:check` and the Import
 * page (`validateDeck`), with paths such as `cards[3].prompt`. Quotes are checked when the draft
 * has a source text.
 */
export function checkDraft(draft: DraftDeck): DeckError[] {
	const sourceText = draft.sourceText.trim() ? draft.sourceText : undefined;
	const result = validateDeck(compiledDeck(draft), sourceText === undefined ? {} : { sourceText });
	return result.ok ? [] : result.errors;
}

/** The card a problem belongs to (`cards[3].prompt` -> 3), or undefined for the deck's own fields. */
export function cardOfError(error: DeckError): number | undefined {
	const m = /^cards\[(\d+)\]/.exec(error.path);
	return m ? Number(m[1]) : undefined;
}

/** The field of a card or deck a problem is about: `cards[3].source.quote` -> `source.quote`. */
export function fieldOfError(error: DeckError): string {
	return error.path.replace(/^cards\[\d+\]\.?/, '');
}
