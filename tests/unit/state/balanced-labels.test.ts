import { describe, expect, it } from 'vitest';
import { installDeck, type StudyDb } from '$lib/storage';
import { createScheduler, type Grade } from '$lib/scheduler';
import { ReviewSession } from '$lib/state';
import { freshDb } from '../../fixtures/db';
import { NOW, smallDeck } from '../../fixtures/decks';
import { answer } from '../../fixtures/answers';

const DAY = 86_400_000;
const scheduler = createScheduler();

/** The days on a rating button ("Good · 12d"), or undefined when it shows minutes or hours. */
function shownDays(s: ReviewSession, grade: Grade): number | undefined {
	const label = s.choices.find((c) => c.grade === grade)?.interval ?? '';
	const m = /^(\d+)d$/.exec(label);
	return m ? Number(m[1]) : undefined;
}

/** Whole days from `now` to the card's recorded due time. */
async function recordedDays(db: StudyDb, uid: string, now: Date): Promise<number> {
	const card = await db.cards.get(uid);
	if (!card) throw new Error(`no ${uid}`);
	return Math.round((card.due - now.getTime()) / DAY);
}

/**
 * A collection part-way through: 120 cards learned over four days (Good at both learning steps,
 * recorded as the review screen records them, balanced), so that a few days on many are due and
 * the days ahead hold uneven counts.
 */
async function collection() {
	const db = freshDb();
	await installDeck(db, smallDeck(120), { now: NOW, bundled: true });
	for (let i = 0; i < 120; i++) {
		const at = NOW.getTime() + Math.floor(i / 30) * DAY + i * 60_000;
		await answer(db, `small|c${i}`, 3, new Date(at), { scheduler, balance: true });
		await answer(db, `small|c${i}`, 3, new Date(at + 11 * 60_000), { scheduler, balance: true });
	}
	return db;
}

describe('rating buttons with load balancing (issue 16)', () => {
	it('show the interval the answer records, for every review in a session', async () => {
		const db = await collection();
		const now = new Date(NOW.getTime() + 5 * DAY);
		const s = new ReviewSession(db, { clock: () => now });
		await s.load();
		const seen = new Set<number>();
		let checked = 0;
		while (s.status === 'studying' && s.current && s.current.state === 2 && checked < 60) {
			const uid = s.current.uid;
			s.reveal();
			const grade: Grade = checked % 3 === 0 ? 2 : 3;
			const shown = shownDays(s, grade);
			expect(shown, s.choices.map((c) => c.interval).join(' ')).toBeDefined();
			await s.rate(grade);
			expect(await recordedDays(db, uid, now)).toBe(shown);
			seen.add(shown ?? 0);
			checked++;
		}
		// Enough reviews, over several intervals, for the counts kept in memory to have moved.
		expect(checked).toBeGreaterThan(15);
		expect(seen.size).toBeGreaterThan(3);
	});

	it('show the balanced interval of a card graduating from learning, and record it', async () => {
		const db = freshDb();
		await installDeck(db, smallDeck(30), { now: NOW, bundled: true });
		const s = new ReviewSession(db, { clock: () => NOW });
		await s.load();
		for (let i = 0; i < 10; i++) {
			const uid = s.current?.uid ?? '';
			s.reveal();
			const shown = shownDays(s, 4);
			await s.rate(4);
			expect(await recordedDays(db, uid, NOW)).toBe(shown);
		}
		// Easy on a new card graduates it with a range to choose from: the choice is in the log.
		const logs = await db.reviewLogs.toArray();
		expect(logs.filter((l) => l.scheduledDays !== undefined).length).toBe(10);
	});
});
