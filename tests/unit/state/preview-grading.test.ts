import { describe, expect, it } from 'vitest';
import type { Card, Deck } from '$lib/deck';
import { authoredCard, draftDeck } from '$lib/deck/draft';
import { deckValuesOf, gradeShown, withCard } from '$lib/quiz';
import { deckValues, installDeck } from '$lib/storage';
import { loadSettings, saveSettings } from '$lib/storage/study-settings';
import { ReviewSession } from '$lib/state';
import { freshDb } from '../../fixtures/db';
import { NOW } from '../../fixtures/decks';

const person = (id: string, answer: string, extra: Partial<Card> = {}): Card =>
	({
		id,
		kind: 'typed',
		prompt: `Who is ${id}?`,
		answer,
		answerType: 'person',
		source: { quote: answer },
		...extra
	}) as Card;

const CREW: Deck = {
	schemaVersion: 1,
	id: 'crew',
	title: 'Crew',
	version: 1,
	cards: [
		person('first', 'Neil Armstrong'),
		person('pilot', 'Buzz Aldrin'),
		person('orbit', 'Michael Collins'),
		{ ...person('country', 'Gambia'), answerType: 'country' } as Card,
		{ ...person('other-country', 'Zambia'), answerType: 'country' } as Card
	]
};

/** What the review says to `typed` on card `index`, asked as a typed answer. */
async function reviewVerdict(index: number, typed: string) {
	const db = freshDb();
	await installDeck(db, CREW, { now: NOW, bundled: false });
	await saveSettings(db, {
		...(await loadSettings(db)),
		deckModes: { crew: 'typed' },
		newPerDay: 100
	});
	const s = new ReviewSession(db, { clock: () => NOW, deckId: 'crew' });
	await s.load();
	const id = CREW.cards[index]!.id;
	// New cards come in an order of their own: answer the others until this one shows.
	for (let i = 0; i < CREW.cards.length && s.current?.cardId !== id; i++) {
		s.reveal();
		await s.rate(3);
	}
	expect(s.current?.cardId).toBe(id);
	expect(s.mode).toBe('typed');
	s.submit(typed);
	return { feedback: s.feedback, values: await deckValues(db, 'crew') };
}

/** What the studio's preview says: the draft's other cards' values with this card's own added. */
function previewVerdict(index: number, typed: string) {
	const draft = draftDeck(CREW);
	const card = draft.cards[index]!;
	const values = withCard(deckValuesOf(draft.cards.filter((_, i) => i !== index)), card);
	const grading = gradeShown({
		card: authoredCard(card) as unknown as Card,
		mode: 'typed',
		response: typed,
		durationMs: 2000,
		options: [],
		values
	});
	return { grading, values };
}

describe('the studio preview grades as the review does', () => {
	it.each([
		[0, 'Armstrong', 'Accepted: surname alone'],
		[0, 'Neil Amstrong', 'Accepted with a typo'],
		[0, 'Collins', 'That is a different answer'],
		[3, 'Zambia', 'Accepted with a typo']
	])('card %i, typed “%s”: %s', async (index, typed, note) => {
		const review = await reviewVerdict(index, typed);
		const preview = previewVerdict(index, typed);
		expect(review.feedback?.note).toBe(note);
		expect({
			correct: preview.grading.correct,
			note: preview.grading.note,
			proposed: preview.grading.grade
		}).toEqual({
			correct: review.feedback?.correct,
			note: review.feedback?.note,
			proposed: review.feedback?.proposed
		});
		const sorted = (v: typeof preview.values) => ({
			people: [...v.people].sort(),
			types: [...v.byType].map(([t, l]) => [t, [...l].sort()]).sort()
		});
		expect(sorted(preview.values)).toEqual(sorted(review.values));
	});
});
