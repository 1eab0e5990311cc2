import type { DraftCard } from './draft';

const fold = (s: string) => s.trim().toLowerCase();

/**
 * Wrong answers to offer for a card: the answers (and distractors) of the deck's other cards with
 * the same answer type, as the generator picks them; never the card's answer, an accepted answer
 * or one it already lists. In deck order, at most `limit`.
 */
export function suggestDistractors(
	cards: readonly DraftCard[],
	index: number,
	limit = 6
): string[] {
	const card = cards[index];
	if (!card || card.kind === 'truefalse') return [];
	const type = card.answerType.trim();
	const skip = new Set([card.answer, ...card.accept, ...card.distractors].map(fold));
	const out: string[] = [];
	for (let i = 0; i < cards.length && out.length < limit; i++) {
		const other = cards[i];
		if (i === index || !other || other.kind === 'truefalse') continue;
		if (other.answerType.trim() !== type) continue;
		for (const value of [other.answer, ...other.distractors]) {
			const key = fold(value);
			if (!key || skip.has(key)) continue;
			skip.add(key);
			out.push(value.trim());
			if (out.length >= limit) break;
		}
	}
	return out;
}

/**
 * Warnings for a card's distractors, by position: one that equals the answer or an accepted answer
 * would mark a right answer wrong.
 */
export function distractorWarnings(card: DraftCard): (string | undefined)[] {
	const answer = fold(card.answer);
	const accepted = new Set(card.accept.map(fold));
	return card.distractors.map((d) => {
		const key = fold(d);
		if (!key) return undefined;
		if (key === answer) return 'is the answer';
		if (accepted.has(key)) return 'is an accepted answer';
		return undefined;
	});
}
