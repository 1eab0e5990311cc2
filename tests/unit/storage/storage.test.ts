import { describe, expect, it } from 'vitest';
import {
	buildQueue,
	historyOf,
	installDeck,
	recordAnswer,
	rowToState,
	StaleAnswerError,
	undoAnswer
} from '$lib/storage';
import { studyDayEnd, studyDayStart } from '$lib/scheduler';
import { freshDb } from '../../fixtures/db';
import { NOW, basicCard, smallDeck } from '../../fixtures/decks';
import { answer } from '../../fixtures/answers';

const queueOptions = (now: Date, extra = {}) => ({
	now,
	dayStart: studyDayStart(now),
	dayEnd: studyDayEnd(now),
	newPerDay: 20,
	reviewsPerDay: 200,
	...extra
});

describe('installDeck', () => {
	it('adds every card as new', async () => {
		const db = freshDb();
		const report = await installDeck(db, smallDeck(5), { now: NOW, bundled: true });
		expect(report).toEqual({ added: 5, updated: 0, retired: 0, unchanged: 0 });
		expect(await db.cards.count()).toBe(5);
		expect((await db.cards.get('small|c0'))?.state).toBe(0);
	});

	it('keeps progress of unchanged ids, adds new cards and retires removed ones', async () => {
		const db = freshDb();
		await installDeck(db, smallDeck(3), { now: NOW, bundled: true });
		await answer(db, 'small|c0', 3, NOW);
		await answer(db, 'small|c1', 3, NOW);
		const before = await db.cards.get('small|c0');
		const v2 = smallDeck(3, 2);
		v2.cards[0] = basicCard('c0', { answer: 'Corrected answer' });
		v2.cards.splice(1, 1); // c1 removed
		v2.cards.push(basicCard('c9'));
		const report = await installDeck(db, v2, { now: NOW, bundled: true });
		expect(report).toEqual({ added: 1, updated: 2, retired: 1, unchanged: 0 });
		const after = await db.cards.get('small|c0');
		expect(after?.content.answer).toBe('Corrected answer');
		expect(after && rowToState(after)).toEqual(before && rowToState(before));
		expect((await db.cards.get('small|c1'))?.retired).toBe(1);
		expect(await historyOf(db, 'small|c1')).toHaveLength(1);
		expect((await db.cards.get('small|c9'))?.state).toBe(0);
		expect((await db.decks.get('small'))?.version).toBe(2);
	});
});

describe('recordAnswer', () => {
	it('writes the new state and one log row together', async () => {
		const db = freshDb();
		await installDeck(db, smallDeck(2), { now: NOW, bundled: true });
		const { card, log } = await answer(db, 'small|c0', 3, NOW);
		expect(card.reps).toBe(1);
		expect(log).toMatchObject({ uid: 'small|c0', grade: 3, mode: 'flashcard', durationMs: 4000 });
		expect(log.before.state).toBe(0);
		expect(await db.reviewLogs.count()).toBe(1);
		expect(await db.cards.get('small|c0')).toEqual(card);
	});

	it('writes nothing when computing the state fails (no half-written answer)', async () => {
		const db = freshDb();
		await installDeck(db, smallDeck(1), { now: NOW, bundled: true });
		const card = await db.cards.get('small|c0');
		await expect(
			recordAnswer(db, {
				uid: 'small|c0',
				seen: card!,
				grade: 3,
				now: NOW,
				durationMs: 1,
				mode: 'flashcard',
				next: () => {
					throw new Error('boom');
				}
			})
		).rejects.toThrow('boom');
		expect(await db.reviewLogs.count()).toBe(0);
		expect(await db.cards.get('small|c0')).toEqual(card);
	});

	it('refuses an answer to a card that moved on since it was shown', async () => {
		const db = freshDb();
		await installDeck(db, smallDeck(1), { now: NOW, bundled: true });
		const shown = (await db.cards.get('small|c0'))!;
		await answer(db, 'small|c0', 3, NOW);
		await expect(
			recordAnswer(db, {
				uid: 'small|c0',
				seen: shown,
				grade: 3,
				now: NOW,
				durationMs: 1,
				mode: 'flashcard',
				next: (s) => s
			})
		).rejects.toBeInstanceOf(StaleAnswerError);
		expect(await db.reviewLogs.count()).toBe(1);
	});
});

describe('undoAnswer', () => {
	it('restores the card state exactly and removes the log', async () => {
		const db = freshDb();
		await installDeck(db, smallDeck(1), { now: NOW, bundled: true });
		const before = await db.cards.get('small|c0');
		const { log } = await answer(db, 'small|c0', 1, NOW);
		await undoAnswer(db, log.id);
		expect(await db.cards.get('small|c0')).toEqual(before);
		expect(await db.reviewLogs.count()).toBe(0);
	});

	it('undoes several answers in reverse order', async () => {
		const db = freshDb();
		await installDeck(db, smallDeck(1), { now: NOW, bundled: true });
		const start = await db.cards.get('small|c0');
		const a = await answer(db, 'small|c0', 3, NOW);
		const mid = await db.cards.get('small|c0');
		const b = await answer(db, 'small|c0', 3, new Date(NOW.getTime() + 600_000));
		await expect(undoAnswer(db, a.log.id)).rejects.toThrow(/later answer/);
		await undoAnswer(db, b.log.id);
		expect(await db.cards.get('small|c0')).toEqual(mid);
		await undoAnswer(db, a.log.id);
		expect(await db.cards.get('small|c0')).toEqual(start);
	});
});

describe('buildQueue', () => {
	it('puts due learning cards first and limits new cards per day', async () => {
		const db = freshDb();
		await installDeck(db, smallDeck(30), { now: NOW, bundled: true });
		await answer(db, 'small|c5', 1, NOW); // learning, due in 1 minute
		const later = new Date(NOW.getTime() + 2 * 60_000);
		const queue = await buildQueue(db, queueOptions(later));
		expect(queue.cards[0]?.uid).toBe('small|c5');
		expect(queue.counts).toEqual({ learning: 1, review: 0, new: 19 });
		expect(queue.cards.slice(1, 4).map((c) => c.cardId)).toEqual(['c0', 'c1', 'c2']);
	});

	it('keeps learning cards apart until their step is over, and says when the first one is', async () => {
		const db = freshDb();
		await installDeck(db, smallDeck(3), { now: NOW, bundled: true });
		const a = await answer(db, 'small|c0', 3, NOW); // learning, due in 10 minutes
		const b = await answer(db, 'small|c1', 1, NOW); // learning, due in 1 minute
		const at = (ms: number) => buildQueue(db, queueOptions(new Date(NOW.getTime() + ms)));
		const first = await at(0);
		expect(first.cards.map((c) => c.cardId)).toEqual(['c2']);
		expect(first.waiting.map((c) => c.cardId)).toEqual(['c1', 'c0']);
		expect(first.waitingCount).toBe(2);
		// A 1-minute step may come 6 s early, no sooner.
		expect(first.learningLater).toBe(b.card.due - 6_000);
		expect((await at(53_000)).cards.map((c) => c.cardId)).toEqual(['c2']);
		const one = await at(54_000);
		expect(one.cards.map((c) => c.cardId)).toEqual(['c1', 'c2']);
		expect(one.waiting.map((c) => c.cardId)).toEqual(['c0']);
		// A 10-minute step may come a minute early: not after 7 seconds, nor after 8 minutes.
		expect(one.learningLater).toBe(a.card.due - 60_000);
		expect((await at(8 * 60_000)).cards.map((c) => c.cardId)).not.toContain('c0');
		const both = await at(9 * 60_000);
		expect(both.cards.map((c) => c.cardId)).toEqual(['c1', 'c0', 'c2']);
		expect(both.waiting).toEqual([]);
		expect(both.learningLater).toBeUndefined();
	});

	it('does not count a learning card due after the study day ends as waiting today', async () => {
		const db = freshDb();
		await installDeck(db, smallDeck(1), { now: NOW, bundled: true });
		await db.cards.toCollection().modify({ state: 3, due: studyDayEnd(NOW).getTime() + 60_000 });
		const queue = await buildQueue(db, queueOptions(NOW));
		expect(queue.cards).toEqual([]);
		expect(queue.waitingCount).toBe(0);
		expect(queue.learningLater).toBeUndefined();
	});

	it('reads at most 200 learning cards of a state and says it left the others out', async () => {
		const db = freshDb();
		await installDeck(db, smallDeck(201), { now: NOW, bundled: true });
		await db.cards.toCollection().modify({ state: 1, due: NOW.getTime() - 60_000 });
		const queue = await buildQueue(db, queueOptions(NOW));
		expect(queue.counts.learning).toBe(200);
		expect(queue.truncated).toBe(true);
	});

	it('shows nothing new once the daily new limit is used, and again the next study day', async () => {
		const db = freshDb();
		await installDeck(db, smallDeck(3), { now: NOW, bundled: true });
		for (const id of ['c0', 'c1']) await answer(db, `small|${id}`, 4, NOW);
		const limited = await buildQueue(db, queueOptions(NOW, { newPerDay: 2 }));
		expect(limited.cards).toHaveLength(0);
		const tomorrow = new Date(NOW.getTime() + 86_400_000);
		const next = await buildQueue(db, queueOptions(tomorrow, { newPerDay: 2 }));
		expect(next.counts.new).toBe(1);
	});

	it('introduces one card of a fact a day, never two siblings back to back', async () => {
		const db = freshDb();
		const deck = smallDeck(6);
		deck.cards = deck.cards.map((c, i) => ({ ...c, fact: `f${Math.floor(i / 2)}` }));
		await installDeck(db, deck, { now: NOW, bundled: true });
		const queue = await buildQueue(db, queueOptions(NOW));
		expect(queue.cards.map((c) => c.cardId)).toEqual(['c0', 'c2', 'c4']);
		await answer(db, 'small|c0', 4, NOW);
		const after = await buildQueue(db, queueOptions(NOW));
		expect(after.cards.map((c) => c.cardId)).toEqual(['c2', 'c4']);
		const tomorrow = await buildQueue(db, queueOptions(new Date(NOW.getTime() + 86_400_000)));
		expect(tomorrow.cards.map((c) => c.cardId)).toEqual(['c1', 'c2', 'c4']);
	});

	it('reads on past a run of siblings longer than its first read (issue 18)', async () => {
		const db = freshDb();
		const deck = smallDeck(12);
		// Ten cards of one fact, then two of their own: the first read (limit and spare) is all siblings.
		deck.cards = deck.cards.map((c, i) => ({ ...c, fact: i < 10 ? 'same' : `f${i}` }));
		await installDeck(db, deck, { now: NOW, bundled: true });
		const queue = await buildQueue(db, queueOptions(NOW, { newPerDay: 3 }));
		expect(queue.cards.map((c) => c.cardId)).toEqual(['c0', 'c10', 'c11']);
	});

	it('counts the daily limits across decks, and a deck limit caps that deck', async () => {
		const db = freshDb();
		await installDeck(db, smallDeck(10, 1, 'one'), { now: NOW, bundled: true });
		await installDeck(db, smallDeck(10, 1, 'two'), { now: NOW, bundled: true });
		for (const id of ['c0', 'c1', 'c2']) await answer(db, `one|${id}`, 4, NOW);
		const options = queueOptions(NOW, { newPerDay: 5, deckLimits: { two: { newPerDay: 1 } } });
		const all = await buildQueue(db, options);
		// New cards of several decks come by position in their deck, so decks are mixed.
		expect(all.cards.map((c) => c.uid)).toEqual(['two|c0', 'one|c3']);
		const all2 = await buildQueue(db, { ...options, newPerDay: 8 });
		expect(all2.cards.map((c) => c.uid)).toEqual([
			'two|c0',
			'one|c3',
			'one|c4',
			'one|c5',
			'one|c6'
		]);
		expect((await buildQueue(db, { ...options, deckId: 'two' })).counts.new).toBe(1);
		expect((await buildQueue(db, { ...options, deckId: 'one' })).counts.new).toBe(2);
	});

	it('filters by deck', async () => {
		const db = freshDb();
		await installDeck(db, smallDeck(2, 1, 'one'), { now: NOW, bundled: true });
		await installDeck(db, smallDeck(3, 1, 'two'), { now: NOW, bundled: true });
		expect((await buildQueue(db, queueOptions(NOW, { deckId: 'two' }))).cards).toHaveLength(3);
		expect((await buildQueue(db, queueOptions(NOW))).cards).toHaveLength(5);
	});
});
