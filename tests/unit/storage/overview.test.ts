import { describe, expect, it } from 'vitest';
import { installDeck } from '$lib/storage';
import { createScheduler } from '$lib/scheduler';
import { loadOverview, studyStreak } from '$lib/storage/overview';
import { freshDb } from '../../fixtures/db';
import { NOW, smallDeck } from '../../fixtures/decks';
import { answer } from '../../fixtures/answers';

const DAY = 86_400_000;

const answerAt = (db: ReturnType<typeof freshDb>, uid: string, at: Date) =>
	answer(db, uid, 3, at, { scheduler: createScheduler() });

describe('home overview', () => {
	it('counts study days in a row, ending today or yesterday', async () => {
		const db = freshDb();
		await installDeck(db, smallDeck(10), {
			now: new Date(NOW.getTime() - 10 * DAY),
			bundled: true
		});
		expect(await studyStreak(db, NOW, 4)).toBe(0);
		// Three days in a row up to yesterday; a gap before them.
		for (const [i, days] of [1, 2, 3, 5].entries())
			await answerAt(db, `small|c${i}`, new Date(NOW.getTime() - days * DAY));
		expect(await studyStreak(db, NOW, 4)).toBe(3);
		await answerAt(db, 'small|c7', NOW);
		expect(await studyStreak(db, NOW, 4)).toBe(4);
		// 01:00 belongs to the day before when the day starts at 04:00.
		const oneAm = new Date(2026, 10, 27, 1, 0);
		expect(await studyStreak(db, oneAm, 4)).toBe(4);
	});

	it('gives today’s counts for all decks and for each deck', async () => {
		const db = freshDb();
		await installDeck(db, smallDeck(3, 1, 'one'), { now: NOW, bundled: true });
		await installDeck(db, smallDeck(30, 1, 'two'), { now: NOW, bundled: true });
		const overview = await loadOverview(db, NOW);
		expect(overview.today).toEqual({ learning: 0, review: 0, new: 20 });
		expect(overview.decks.map((d) => [d.deck.id, d.due.new, d.alone.new])).toEqual([
			['one', 3, 3],
			['two', 17, 20]
		]);
		expect(overview.streak).toBe(0);
	});

	it('gives per-deck counts that add up to today’s totals under the shared limits (issue 13)', async () => {
		const db = freshDb();
		for (const id of ['a', 'b', 'c'])
			await installDeck(db, smallDeck(15, 1, id), {
				now: new Date(NOW.getTime() - DAY),
				bundled: true
			});
		// Yesterday's answers: reviews due today in two decks; one card still learning in deck c.
		for (const uid of ['a|c0', 'a|c1', 'b|c0'])
			await answer(db, uid, 4, new Date(NOW.getTime() - 9 * DAY));
		await answer(db, 'c|c0', 1, new Date(NOW.getTime() - 60_000));
		const overview = await loadOverview(db, NOW);
		const total = (key: 'new' | 'learning' | 'review') =>
			overview.decks.reduce((n, d) => n + d.due[key], 0);
		expect(overview.today.new).toBe(19); // the limit of 20, less c's card introduced today
		expect(total('new')).toBe(overview.today.new);
		expect(total('learning')).toBe(overview.today.learning);
		expect(total('review')).toBe(overview.today.review);
		expect(overview.today.learning).toBe(1);
		expect(overview.today.review).toBe(3);
		// Each deck alone could take up to the whole limit: that is said apart, not added in.
		expect(overview.decks.map((d) => d.alone.new)).toEqual([13, 14, 14]);
	});

	it('counts learning cards that come back later today, and when the next one does', async () => {
		const db = freshDb();
		await installDeck(db, smallDeck(2), { now: NOW, bundled: true });
		const before = await loadOverview(db, NOW);
		expect(before.laterToday).toBe(0);
		const at = new Date(NOW.getTime() - 60_000);
		for (const uid of ['small|c0', 'small|c1']) await answer(db, uid, 3, at);
		const overview = await loadOverview(db, NOW);
		// Both are on their 10-minute step: nothing to study now, but the day is not done.
		expect(overview.today).toEqual({ learning: 0, review: 0, new: 0 });
		expect(overview.laterToday).toBe(2);
		// When the review would ask the first again: a minute before its 10-minute step is over.
		expect(overview.nextDue?.getTime()).toBe(at.getTime() + 9 * 60_000);
	});
});
