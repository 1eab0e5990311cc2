import { describe, expect, it } from 'vitest';
import { answerBalance, answerCard, installDeck, recordAnswer, rowToState } from '$lib/storage';
import { createScheduler, DueCounts, NORMAL_WEEK, studyDayStart, type Grade } from '$lib/scheduler';
import { rebuildFromHistory } from '$lib/storage/history';
import { freshDb } from '../../fixtures/db';
import { NOW, smallDeck } from '../../fixtures/decks';
import { answer } from '../../fixtures/answers';
import { seeded } from '$lib/scheduler/random';

const DAY = 86_400_000;

describe('load-balanced answers (issue 16)', () => {
	it('keep the chosen interval in the log, so a replay gives the same due dates', async () => {
		const db = freshDb();
		const scheduler = createScheduler();
		await installDeck(db, smallDeck(40), { now: NOW, bundled: true });
		const random = seeded(16);
		// Each day, every card due is answered (mostly Good), for 60 days.
		for (let day = 0; day < 60; day++) {
			const now = NOW.getTime() + day * DAY;
			const due = await db.cards.filter((c) => c.due <= now + 12 * 3_600_000).toArray();
			for (const [i, card] of due.entries()) {
				const grade = (random() < 0.1 ? 1 : 3) as Grade;
				await answer(db, card.uid, grade, new Date(now + i * 60_000), { scheduler, balance: true });
			}
		}
		const logs = await db.reviewLogs.toArray();
		const balanced = logs.filter((l) => l.scheduledDays !== undefined);
		expect(balanced.length).toBeGreaterThan(20);
		const report = await rebuildFromHistory(db, scheduler, { repair: false });
		expect(report.differing).toEqual([]);
		// Without the logged choice, a replay would have moved some of them.
		const plain = {
			...scheduler,
			answer: (...a: Parameters<typeof scheduler.answer>) =>
				scheduler.answer(a[0], a[1], a[2], a[3])
		};
		expect(
			(await rebuildFromHistory(db, plain, { repair: false })).differing.length
		).toBeGreaterThan(0);
	});
});

describe('load balancing from counts kept in memory (issue 16)', () => {
	it('chooses the day by the counts the review session keeps, not by reading the index', async () => {
		const db = freshDb();
		const scheduler = createScheduler();
		await installDeck(db, smallDeck(1), { now: NOW, bundled: true });
		const uid = 'small|c0';
		await answer(db, uid, 4, NOW, { scheduler });
		const card = await db.cards.get(uid);
		if (!card) throw new Error('no card');
		const now = new Date(card.due + 3_600_000);
		const settings = { dayStartHour: 4, easyDays: NORMAL_WEEK };
		const range = scheduler.fuzzRange(rowToState(card), 3, now);
		if (!range) throw new Error('a review of a week has a fuzz range');
		// The index holds no other card: by it, every day is as empty as the next.
		const byIndex = answerBalance(scheduler, 3, now, uid, settings).choose(range, () => 0);
		const target = byIndex === range.min ? range.max : range.min;
		const dayStart = studyDayStart(now, 4).getTime();
		const full = [];
		for (let d = range.min; d <= range.max; d++)
			if (d !== target) for (let k = 0; k < 5; k++) full.push(dayStart + d * DAY + 7_200_000);
		const counts = new DueCounts(dayStart, full);
		const result = await recordAnswer(db, {
			uid,
			seen: card,
			grade: 3,
			now,
			durationMs: 3000,
			mode: 'flashcard',
			next: (s) => answerCard(scheduler, s, 3, now, uid),
			balance: answerBalance(scheduler, 3, now, uid, settings, counts)
		});
		expect(result.log.scheduledDays).toBe(target);
		expect(Math.round((result.card.due - now.getTime()) / DAY)).toBe(target);
	});
});
