import { describe, expect, it } from 'vitest';
import { buildQueue, installDeck } from '$lib/storage';
import { studyDayEnd, studyDayStart } from '$lib/scheduler';
import { limitChain, type Deck } from '$lib/deck';
import { freshDb } from '../../fixtures/db';
import { NOW, basicCard } from '../../fixtures/decks';
import { answer } from '../../fixtures/answers';

const options = (extra = {}) => ({
	now: NOW,
	dayStart: studyDayStart(NOW),
	dayEnd: studyDayEnd(NOW),
	newPerDay: 50,
	reviewsPerDay: 200,
	deckId: 'spanish',
	...extra
});

/** Spanish: 2 cards of its own, Verbs (3) with Verbs::Irregular (2), Nouns (3); all new. */
function treeDeck(): Deck {
	const cards = [
		...['root1', 'root2'].map((id) => basicCard(id)),
		...['verb1', 'verb2', 'verb3'].map((id) => basicCard(id, { subdeck: 'Verbs' })),
		...['irr1', 'irr2'].map((id) => basicCard(id, { subdeck: 'Verbs::Irregular' })),
		...['noun1', 'noun2', 'noun3'].map((id) => basicCard(id, { subdeck: 'Nouns' }))
	];
	return { schemaVersion: 1, id: 'spanish', title: 'Spanish', version: 1, cards };
}

async function installed() {
	const db = freshDb();
	await installDeck(db, treeDeck(), { now: NOW, bundled: false });
	return db;
}

/** How many of the queue's cards are in each sub-deck (`-` for the deck's own). */
async function bySubdeck(db: Awaited<ReturnType<typeof installed>>, extra = {}) {
	const queue = await buildQueue(db, options(extra));
	const out: Record<string, number> = {};
	for (const c of queue.cards) {
		const key = c.content.subdeck ?? '-';
		out[key] = (out[key] ?? 0) + 1;
	}
	return { total: queue.cards.length, out };
}

describe('daily limits in a deck tree (Anki’s rule)', () => {
	it('gives a sub-deck its parent’s limits unless it has its own, from the studied scope down', () => {
		const limits = { spanish: { newPerDay: 4 }, 'spanish::Verbs': { newPerDay: 1 } };
		expect(limitChain(limits, 'spanish', 'Verbs::Irregular', undefined, 'newPerDay')).toEqual([
			{ key: 'spanish', limit: 4 },
			{ key: 'spanish::Verbs', limit: 1 },
			{ key: 'spanish::Verbs::Irregular', limit: 1 }
		]);
		// Studying Verbs: the deck's limit above it does not apply, Verbs' own does.
		expect(limitChain(limits, 'spanish', 'Verbs::Irregular', 'Verbs', 'newPerDay')).toEqual([
			{ key: 'spanish::Verbs', limit: 1 },
			{ key: 'spanish::Verbs::Irregular', limit: 1 }
		]);
		expect(limitChain({}, 'spanish', 'Nouns', undefined, 'reviewsPerDay')).toEqual([
			{ key: 'spanish', limit: undefined },
			{ key: 'spanish::Nouns', limit: undefined }
		]);
	});

	it('caps each sub-deck by its own limit when its parent is studied, and the total by the parent’s', async () => {
		const db = await installed();
		const deckLimits = { spanish: { newPerDay: 6 }, 'spanish::Verbs': { newPerDay: 1 } };
		const whole = await bySubdeck(db, { deckLimits });
		expect(whole.total).toBe(6);
		// Verbs and the Irregular verbs below it share Verbs' one new card.
		expect((whole.out['Verbs'] ?? 0) + (whole.out['Verbs::Irregular'] ?? 0)).toBe(1);
		expect(whole.out['Nouns']).toBe(3);
		expect((await bySubdeck(db, { deckLimits, subdeck: 'Verbs' })).total).toBe(1);
		// Without a limit of its own, Nouns has the deck's 6: all 3 of its cards.
		expect((await bySubdeck(db, { deckLimits, subdeck: 'Nouns' })).total).toBe(3);
	});

	it('counts a sub-deck’s own answers when it is studied, the whole tree’s when the deck is', async () => {
		const db = await installed();
		const deckLimits = { spanish: { newPerDay: 2 } };
		await answer(db, 'spanish|noun1', 3, NOW);
		await answer(db, 'spanish|noun2', 3, NOW);
		// Two new Nouns today: the deck's 2 are used up, so studying the deck brings no new card…
		expect((await bySubdeck(db, { deckLimits })).total).toBe(0);
		expect((await bySubdeck(db, { deckLimits, subdeck: 'Nouns' })).total).toBe(0);
		// …but Verbs studied on its own still has its 2, counted on its own answers.
		expect((await bySubdeck(db, { deckLimits, subdeck: 'Verbs' })).total).toBe(2);
		// The limit for all decks together still caps everything.
		expect((await bySubdeck(db, { deckLimits, subdeck: 'Verbs', newPerDay: 2 })).total).toBe(0);
	});
});
