import type { Card } from '../deck/schema';

/** A deck's answers by answer type, and the people it names: for choices and grading. */
export interface DeckValues {
	byType: Map<string, string[]>;
	people: string[];
}

/** The fields of a card that give the deck's values. */
export type ValueCard = Pick<Card, 'kind' | 'answer' | 'answerType'> & {
	distractors?: readonly string[];
};

/**
 * Reads a deck's values one card at a time (a stored deck is read as a stream): the answers and
 * distractors of every card with an answer type; true/false answers say nothing about the type.
 * @example const values = valueCollector(); values.add(card); values.done().byType.get('person')
 */
export function valueCollector(): { add(card: ValueCard): void; done(): DeckValues } {
	const byType = new Map<string, Set<string>>();
	return {
		add(card) {
			if (!card.answerType || card.kind === 'truefalse') return;
			const set = byType.get(card.answerType) ?? new Set<string>();
			// A blank (a field not written yet, in a draft) is no value.
			if (card.answer.trim()) set.add(card.answer);
			if (card.kind === 'mcq') for (const d of card.distractors ?? []) if (d.trim()) set.add(d);
			byType.set(card.answerType, set);
		},
		done: () => ({
			byType: new Map([...byType].map(([type, set]) => [type, [...set]])),
			people: [...(byType.get('person') ?? [])]
		})
	};
}

/** The values of a list of cards (see `valueCollector`). */
export function deckValuesOf(cards: Iterable<ValueCard>): DeckValues {
	const values = valueCollector();
	for (const card of cards) values.add(card);
	return values.done();
}

/** The values of the card's own type: where its choices come from. */
export function poolFor(card: Pick<Card, 'answerType'>, values: DeckValues | undefined): string[] {
	return values?.byType.get(card.answerType ?? '') ?? [];
}

/**
 * The values of a deck of `values` with one card more (the card being edited in the studio, whose
 * deck's other values are read once): the same sets `deckValuesOf` gives for the whole deck.
 */
export function withCard(values: DeckValues, card: ValueCard): DeckValues {
	const own = deckValuesOf([card]);
	if (own.byType.size === 0) return values;
	const byType = new Map(values.byType);
	for (const [type, list] of own.byType)
		byType.set(type, [...new Set([...(byType.get(type) ?? []), ...list])]);
	return { byType, people: byType.get('person') ?? [] };
}
