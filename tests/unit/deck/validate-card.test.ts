import { describe, expect, it } from 'vitest';
import { cardOfError, checkDraft, checkDraftCard } from '$lib/deck/check-draft';
import { emptyCard, emptyDeck, type DraftCard } from '$lib/deck/draft';
import { validateCard, validateDeck } from '$lib/deck/validate';

const good = (fields: Partial<DraftCard> = {}, id = 'c'): DraftCard => ({
	...emptyCard(fields.kind ?? 'basic'),
	id,
	prompt: 'Who landed first?',
	answer: 'Neil Armstrong',
	quote: 'Neil Armstrong stepped out first.',
	...fields
});

/** Broken cards of every kind: each field's own problems, and several at once. */
const BROKEN: Partial<DraftCard>[] = [
	{ prompt: '' },
	{ answer: '  ' },
	{ prompt: 'x'.repeat(401) },
	{ answer: 'Paris<script>alert(1)</script>' },
	{ answerType: 'date', answer: '31st of Augustus' },
	{ answerType: 'Date!' },
	{ kind: 'mcq', distractors: ['Neil Armstrong', 'Buzz Aldrin', 'buzz aldrin'] },
	{ kind: 'mcq', distractors: ['Buzz', ''] },
	{ kind: 'mcq', accept: ['Armstrong'], distractors: ['armstrong', 'Buzz', 'Mike'] },
	{ kind: 'cloze', prompt: 'No blank here' },
	{ kind: 'cloze', prompt: '___ and ___' },
	{ kind: 'truefalse', answer: 'Yes' },
	{ quote: '' },
	{ tags: ['Not A Slug'], fact: 'Bad Fact', explanation: '' },
	{ accept: [''] },
	{ prompt: '', answer: '', quote: '', answerType: 'x1' }
];

describe('one card checked on its own (the studio, as you type)', () => {
	it('reports what the deck validator reports for the same card: same paths, messages and order', () => {
		const cards = BROKEN.map((fields, i) => good(fields, `card-${i}`));
		const whole = checkDraft({ ...emptyDeck(), id: 'd', title: 'D', cards });
		expect(whole.length).toBeGreaterThan(BROKEN.length);
		cards.forEach((card, i) => {
			const fromDeck = whole
				.filter((e) => cardOfError(e) === i)
				.map((e) => ({ path: e.path, message: e.message }));
			const alone = checkDraftCard(card, i).map((e) => ({ path: e.path, message: e.message }));
			expect(fromDeck.length, `card ${i + 1}`).toBeGreaterThan(0);
			expect(alone, `card ${i + 1}`).toEqual(fromDeck);
		});
	});

	it('finds nothing in a valid card, and numbers the card as the deck list does', () => {
		expect(checkDraftCard(good(), 4)).toEqual([]);
		const [error] = checkDraftCard(good({ answer: '' }), 4);
		expect(error?.path).toBe('cards[5].answer');
		expect(error?.keys).toEqual(['cards', 4, 'answer']);
	});

	it('checks a raw card with a missing or unknown kind as the deck does', () => {
		for (const raw of [
			{ id: 'a', prompt: '', answer: 'x', source: { quote: 'q' } },
			{ id: 'a', kind: 'essay', prompt: 'p', answer: 'x', colour: 1, source: { quote: 'q' } }
		]) {
			const deck = validateDeck({
				schemaVersion: 1,
				id: 'd',
				title: 'D',
				version: 1,
				cards: [raw]
			});
			expect(deck.ok).toBe(false);
			if (deck.ok) continue;
			const fromDeck = deck.errors.filter((e) => cardOfError(e) === 0);
			expect(validateCard(raw, 0)).toEqual(fromDeck);
		}
	});

	it('leaves the whole-deck checks (duplicate ids, quotes in the source) to the deck', () => {
		const cards = [good({}, 'same'), good({ quote: 'Not in it at all' }, 'same')];
		const whole = checkDraft({
			...emptyDeck(),
			id: 'd',
			title: 'D',
			sourceText: 'Neil Armstrong stepped out first.',
			cards
		});
		expect(whole.map((e) => e.path)).toEqual(['cards[2].id', 'cards[2].source.quote']);
		expect(checkDraftCard(cards[1]!, 1)).toEqual([]);
	});
});
