import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { freshQueue, installDeck, newDeckCards, valuesOfRows } from '$lib/storage';
import { queueOptions, withDefaults } from '$lib/storage/study-settings';
import { ReviewSession } from '$lib/state';
import { freshDb } from '../../fixtures/db';
import { articleDeck, NOW, smallDeck } from '../../fixtures/decks';
import type { Deck } from '$lib/deck';

/** A session on a new device showing `deck`'s queue before the deck is written, as a first visit. */
async function previewed(deck: Deck) {
	const db = freshDb();
	const s = new ReviewSession(db, { clock: () => NOW });
	const settings = withDefaults({});
	const rows = newDeckCards(deck, NOW);
	await s.preview(
		freshQueue(rows, queueOptions(settings, NOW)) ?? [],
		settings,
		valuesOfRows(rows)
	);
	return { db, s };
}

describe('ReviewSession on a first visit, before its first deck is written', () => {
	it('shows the first card at once; an answer waits for the install and is recorded', async () => {
		const deck = smallDeck(3);
		const { db, s } = await previewed(deck);
		expect(s.status).toBe('studying');
		expect(s.current?.cardId).toBe('c0');
		expect(s.remaining).toBe(3);
		expect(await db.cards.count()).toBe(0);
		s.reveal();
		expect(s.choices.map((c) => c.name)).toEqual(['Again', 'Hard', 'Good', 'Easy']);
		let rated = false;
		const rating = s.rate(3).then(() => (rated = true));
		await new Promise((r) => setTimeout(r, 20));
		expect(rated).toBe(false);
		expect(await db.reviewLogs.count()).toBe(0);
		await installDeck(db, deck, { now: NOW, bundled: true });
		await s.load();
		await rating;
		flushSync();
		expect(s.answered).toBe(1);
		expect(s.answeredToday).toBe(1);
		expect(s.current?.cardId).toBe('c1');
		const logs = await db.reviewLogs.toArray();
		expect(logs.map((l) => [l.cardId, l.grade])).toEqual([['c0', 3]]);
		expect((await db.cards.get('small|c0'))?.reps).toBe(1);
	});

	it('keeps the card as shown when the database gives the same card: revealed, its choices kept', async () => {
		const deck = articleDeck();
		const { db, s } = await previewed(deck);
		const shown = { uid: s.current?.uid, mode: s.mode, options: s.options };
		if (s.mode === 'flashcard') s.reveal();
		else s.submit(s.mode === 'mcq' ? (s.options[0] ?? '') : 'a guess');
		const choices = s.choices;
		await installDeck(db, deck, { now: NOW, bundled: true });
		await s.load();
		flushSync();
		expect({ uid: s.current?.uid, mode: s.mode, options: s.options }).toEqual(shown);
		expect(s.revealed).toBe(true);
		expect(s.choices).toEqual(choices);
		expect(s.notice).toBeUndefined();
		// The same session read from the database alone shows the same card, asked the same way.
		const read = new ReviewSession(db, { clock: () => NOW });
		await read.load();
		expect([read.current, read.mode, read.remaining]).toEqual([s.current, s.mode, s.remaining]);
	});

	it('says nothing of another tab when the install did not happen: the queue read is shown', async () => {
		const { s } = await previewed(smallDeck(2));
		await s.load();
		flushSync();
		expect(s.status).toBe('done');
		expect(s.notice).toBeUndefined();
	});
});
