import type { Card } from '../deck/schema';

/** What the feedback under an answered card shows: each text once. */
export interface FeedbackTexts {
	answer: string;
	explanation?: string;
	/** The source quote, unless it only repeats the answer (or the explanation). */
	quote?: string;
}

/** Case, spacing and a closing full stop do not make two texts different to a reader. */
const same = (a: string, b: string) => {
	const fold = (t: string) =>
		t
			.replace(/\s+/g, ' ')
			.replace(/[.!?。]+$/u, '')
			.trim()
			.toLocaleLowerCase();
	return fold(a) === fold(b);
};

/**
 * The texts to show once a card is answered. An imported question-and-answer card has no source
 * text of its own, so its quote is its back: shown again under the answer it would say the same
 * thing twice. The quote is shown when it adds something (the sentence an authored card comes from,
 * or the whole text of an answer shortened to fit).
 * @example feedbackTexts({ ...card, answer: 'Paris', source: { quote: 'Paris' } }).quote // undefined
 */
export function feedbackTexts(card: Card): FeedbackTexts {
	const out: FeedbackTexts = { answer: card.answer };
	const explanation = card.explanation;
	if (explanation && !same(explanation, card.prompt) && !same(explanation, card.answer))
		out.explanation = explanation;
	const quote = card.source.quote;
	if (!same(quote, card.answer) && !(out.explanation && same(quote, out.explanation)))
		out.quote = quote;
	return out;
}
