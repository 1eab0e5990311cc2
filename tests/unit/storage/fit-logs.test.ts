import { describe, expect, it } from 'vitest';
import { answerCard, installDeck, recordAnswer } from '$lib/storage';
import { readFitLogs } from '$lib/storage/fit-logs';
import { createScheduler, trainingItems } from '$lib/scheduler';
import { freshDb } from '../../fixtures/db';
import { NOW, smallDeck } from '../../fixtures/decks';

describe('the optimizer reads the log (issue 16)', () => {
	it('with the mode of each answer, so a right choice that may be a guess is not predicted', async () => {
		const db = freshDb();
		const scheduler = createScheduler({ enableFuzz: false });
		await installDeck(db, smallDeck(1), { now: NOW, bundled: true });
		const uid = 'small|c0';
		const asked = [
			{ mode: 'mcq', days: 0 },
			{ mode: 'typed', days: 3 },
			{ mode: 'mcq', days: 10 }
		] as const;
		for (const { mode, days } of asked) {
			const now = new Date(NOW.getTime() + days * 86_400_000);
			const card = await db.cards.get(uid);
			if (!card) throw new Error('no card');
			await recordAnswer(db, {
				uid,
				seen: card,
				grade: 3,
				now,
				durationMs: 3000,
				mode,
				kind: 'review',
				next: (s) => answerCard(scheduler, s, 3, now, uid)
			});
		}
		const logs = await readFitLogs(db);
		expect(logs.map((l) => l.mode)).toEqual(['mcq', 'typed', 'mcq']);
		// Only the typed answer three days on is predicted; the later choice is not.
		expect(trainingItems(logs, 4).map((i) => i.ratings)).toEqual([[3, 3]]);
	});
});
