import { fieldOfError } from './check-draft';
import type { DraftCard } from './draft';
import type { DeckError } from './errors';

/**
 * The field of a card a problem waits on before it is shown on a new card: `prompt`, `answer`,
 * `distractors[1]` (each wrong answer on its own), `quote` (the card's `source.quote`); the id is
 * made from the prompt, so its problems wait on the prompt.
 * @example touchKey({ path: 'cards[2].source.quote', message: '' }) // 'quote'
 */
export function touchKey(error: DeckError): string {
	const field = fieldOfError(error);
	const m = /^(\w+)(\[\d+\])?/.exec(field);
	const name = m?.[1] ?? field;
	if (name === 'source') return 'quote';
	if (name === 'id') return 'prompt';
	return name === 'distractors' && m?.[2] ? `distractors${m[2]}` : name;
}

/** The keys (see `touchKey`) an edit of `key` from `before` to `after` touches. */
export function touchedBy<K extends keyof DraftCard>(
	key: K,
	before: DraftCard[K],
	after: DraftCard[K]
): string[] {
	if (key !== 'distractors' || !Array.isArray(before) || !Array.isArray(after)) return [key];
	const changed: string[] = [];
	for (let i = 0; i < Math.max(before.length, after.length); i++)
		// A slot added empty (a card made multiple choice gets three) is not touched.
		if ((before[i] ?? '') !== (after[i] ?? '')) changed.push(`distractors[${i}]`);
	return changed;
}

/**
 * The problems of a new card to show now: those of the fields in `touched`, and a wrong-answer
 * list's own (two the same) once any wrong answer was touched. The others wait: an empty card
 * does not open with a row of "must not be empty".
 */
export function shownProblems(errors: DeckError[], touched: ReadonlySet<string>): DeckError[] {
	const anyDistractor = [...touched].some((k) => k.startsWith('distractors'));
	const shown = errors.filter((e) => {
		const key = touchKey(e);
		return touched.has(key) || (key === 'distractors' && anyDistractor);
	});
	return shown.length === errors.length ? errors : shown;
}

/** A new set of touched keys: `touched` and `keys` (sets are replaced, never changed in place). */
export function withTouched(
	touched: Iterable<string>,
	keys: Iterable<string>
): ReadonlySet<string> {
	return new Set([...touched, ...keys]);
}
