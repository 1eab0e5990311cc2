import { describe, expect, it } from 'vitest';
import { buildQueue, installDeck, nextDueAt, practicePool } from '$lib/storage';
import { studyDayEnd, studyDayStart } from '$lib/scheduler';
import { inSubdeck, subdeckTree, validateDeck, type Deck } from '$lib/deck';
import { freshDb } from '../../fixtures/db';
import { NOW, basicCard } from '../../fixtures/decks';
import { answer } from '../../fixtures/answers';

const options = (now: Date, extra = {}) => ({
	now,
	dayStart: studyDayStart(now),
	dayEnd: studyDayEnd(now),
	newPerDay: 50,
	reviewsPerDay: 200,
	...extra
});

/** Spanish (2 cards of its own) › Verbs (2) › Irregular (1); Spanish › Verbsy (1), a near name. */
function treeDeck(): Deck {
	return {
		schemaVersion: 1,
		id: 'spanish',
		title: 'Spanish',
		version: 1,
		cards: [
			basicCard('root1'),
			basicCard('root2'),
			basicCard('verb1', { subdeck: 'Verbs' }),
			basicCard('verb2', { subdeck: 'Verbs' }),
			basicCard('irr1', { subdeck: 'Verbs::Irregular' }),
			basicCard('near1', { subdeck: 'Verbsy' })
		]
	};
}

const ids = (cards: { cardId: string }[]) => cards.map((c) => c.cardId).sort();

describe('the sub-deck rule', () => {
	it('puts a card in its own sub-deck and every one above it, never in a sibling', () => {
		expect(inSubdeck('Verbs::Irregular', 'Verbs')).toBe(true);
		expect(inSubdeck('Verbs::Irregular', 'Verbs::Irregular')).toBe(true);
		expect(inSubdeck('Verbs', 'Verbs::Irregular')).toBe(false);
		expect(inSubdeck('Verbsy', 'Verbs')).toBe(false);
		expect(inSubdeck(undefined, 'Verbs')).toBe(false);
		expect(inSubdeck(undefined, undefined)).toBe(true);
	});

	it('lists the tree with each sub-deck’s own cards and those below it', () => {
		const tree = subdeckTree(treeDeck().cards.map((c) => c.subdeck));
		expect(tree.map((n) => [n.path, n.depth, n.own, n.total])).toEqual([
			['Verbs', 0, 2, 3],
			['Verbs::Irregular', 1, 1, 1],
			['Verbsy', 0, 1, 1]
		]);
	});

	it('refuses an empty level in a written deck', () => {
		const bad = treeDeck();
		bad.cards[2] = basicCard('verb1', { subdeck: 'Verbs::' });
		const checked = validateDeck(bad, { file: 'spanish.json' });
		expect(checked.ok).toBe(false);
		expect(validateDeck(treeDeck(), { file: 'spanish.json' }).ok).toBe(true);
	});
});

describe('studying a deck tree', () => {
	it('studies the whole deck with its sub-decks, a parent with its children, a child alone', async () => {
		const db = freshDb();
		await installDeck(db, treeDeck(), { now: NOW, bundled: false });
		const whole = await buildQueue(db, options(NOW, { deckId: 'spanish' }));
		expect(whole.cards).toHaveLength(6);
		const verbs = await buildQueue(db, options(NOW, { deckId: 'spanish', subdeck: 'Verbs' }));
		expect(ids(verbs.cards)).toEqual(['irr1', 'verb1', 'verb2']);
		const irregular = await buildQueue(
			db,
			options(NOW, { deckId: 'spanish', subdeck: 'Verbs::Irregular' })
		);
		expect(ids(irregular.cards)).toEqual(['irr1']);
		expect(ids(await practicePool(db, 'spanish', 'Verbs'))).toEqual(['irr1', 'verb1', 'verb2']);
	});

	it('keeps learning and review cards of other sub-decks out, and says when the next one is due', async () => {
		const db = freshDb();
		await installDeck(db, treeDeck(), { now: NOW, bundled: false });
		await answer(db, 'spanish|near1', 1, NOW); // learning, in Verbsy
		await answer(db, 'spanish|irr1', 1, NOW); // learning, in Verbs::Irregular
		const later = new Date(NOW.getTime() + 5 * 60_000);
		const verbs = await buildQueue(db, options(later, { deckId: 'spanish', subdeck: 'Verbs' }));
		expect(verbs.counts.learning).toBe(1);
		expect(verbs.cards[0]?.cardId).toBe('irr1');
		expect(ids(verbs.cards)).not.toContain('near1');
		// Once Irregular's one card is answered, its next due time is that card's, not Verbsy's.
		await answer(db, 'spanish|irr1', 4, later);
		const scope = options(later, { deckId: 'spanish', subdeck: 'Verbs::Irregular' });
		const empty = await buildQueue(db, scope);
		expect(empty.cards).toHaveLength(0);
		const irr = await db.cards.get('spanish|irr1');
		expect((await nextDueAt(db, scope))?.getTime()).toBe(irr?.due);
	});
});
