import { describe, expect, it } from 'vitest';
import { installDeck } from '$lib/storage';
import { createScheduler, type Grade } from '$lib/scheduler';
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
