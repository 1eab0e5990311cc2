import { describe, expect, it } from 'vitest';
import { activeFlag, installDeck, type CardRow, type LogKind, type StudyDb } from '$lib/storage';
import { loadStats, MASTERY_STABILITY_DAYS } from '$lib/storage/stats';
import { freshDb } from '../../fixtures/db';
import { NOW, smallDeck } from '../../fixtures/decks';
import { answer } from '../../fixtures/answers';

// Every moment is built with local-time constructors, so the figures are the same in any time zone.
// NOW is Thursday 26 November 2026, 09:00 local time.
const at = (day: number, hour = 9, minute = 0) => new Date(2026, 10, day, hour, minute).getTime();
const FOUR_AM = { dayStartHour: 4 };

async function deck(count: number, id = 'small') {
	const db = freshDb();
	await installDeck(db, smallDeck(count, 1, id), { now: new Date(at(1)), bundled: true });
	return db;
}

let logs = 0;
/** One log row written straight to the table: a hand-built history. */
async function log(
	db: StudyDb,
	reviewedAt: number,
	fields: { grade?: 0 | 1 | 2 | 3 | 4; before?: 0 | 1 | 2 | 3; kind?: LogKind; card?: string } = {}
) {
	const card = (await db.cards.get(`small|${fields.card ?? 'c0'}`)) as CardRow;
	await db.reviewLogs.add({
		id: `log-${++logs}`,
		uid: card.uid,
		deckId: card.deckId,
		cardId: card.cardId,
		note: card.note,
		kind: fields.kind ?? 'review',
		grade: fields.grade ?? 3,
		reviewedAt,
		durationMs: 3000,
		mode: 'flashcard',
		before: { ...card, state: fields.before ?? 2 }
	});
}

/** Changes a card's stored state, keeping the indexed `active` flag right. */
async function setCard(db: StudyDb, uid: string, change: Partial<CardRow>) {
	const card = { ...((await db.cards.get(uid)) as CardRow), ...change };
	card.active = activeFlag(card);
	await db.cards.put(card);
}

const countOn = (days: { key: string; count: number }[], key: string) =>
	days.find((d) => d.key === key)?.count;

describe('review heatmap', () => {
	it('counts scheduling answers per study day, a 1 am answer on the day before', async () => {
		const db = await deck(1);
		await log(db, at(26, 8, 30));
		await log(db, at(26, 4, 0)); // the first moment of the 26th's study day
		await log(db, at(26, 3, 59)); // still the 25th
		await log(db, at(26, 1, 0)); // the 25th
		await log(db, at(26, 8, 0), { kind: 'practice' }); // changes no schedule: not counted
		await log(db, at(26, 8, 1), { kind: 'forget', grade: 0 });
		await log(db, new Date(2026, 5, 3, 12).getTime());
		// 04:30 in summer time: its study day began at 04:00 summer time, not 24-hour steps from now.
		await log(db, new Date(2026, 5, 3, 4, 30).getTime());
		await log(db, new Date(2025, 9, 1, 12).getTime()); // more than a year ago
		const { heatmap } = await loadStats(db, NOW, FOUR_AM);
		expect(countOn(heatmap.days, '2026-11-26')).toBe(2);
		expect(countOn(heatmap.days, '2026-11-25')).toBe(2);
		expect(countOn(heatmap.days, '2026-06-03')).toBe(2);
		expect(heatmap).toMatchObject({ today: 2, total: 6, activeDays: 3, max: 2 });
	});

	it('follows the study-day start hour from the settings', async () => {
		const db = await deck(1);
		await log(db, at(26, 1, 0));
		const midnight = await loadStats(db, NOW, { dayStartHour: 0 });
		expect(midnight.heatmap.today).toBe(1);
		const four = await loadStats(db, NOW, FOUR_AM);
		expect(four.heatmap.today).toBe(0);
		expect(countOn(four.heatmap.days, '2026-11-25')).toBe(1);
	});

	it('covers whole weeks from a Monday a year ago to today, each calendar day once', async () => {
		const { heatmap } = await loadStats(await deck(1), NOW, FOUR_AM);
		// Thursday is weekday 3: 52 whole weeks and this week's Monday to Thursday.
		expect(heatmap.days).toHaveLength(52 * 7 + 4);
		expect(heatmap.days[0]).toMatchObject({ key: '2025-11-24', weekday: 0 });
		expect(heatmap.days.at(-1)).toMatchObject({ key: '2026-11-26', weekday: 3 });
		// Consecutive dates across both daylight-saving changes, wherever the test runs.
		heatmap.days.forEach((d, i) => {
			const date = new Date(2025, 10, 24 + i);
			const key = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
			expect(d).toMatchObject({ key, weekday: i % 7 });
		});
	});

	it('reads zeros from an empty history', async () => {
		const { heatmap } = await loadStats(await deck(1), NOW, FOUR_AM);
		expect(heatmap).toMatchObject({ today: 0, total: 0, activeDays: 0, max: 0 });
	});
});

describe('due forecast', () => {
	it('buckets active learning and review cards by the study day they fall due', async () => {
		const db = await deck(10);
		const due = (i: number, state: 1 | 2 | 3, when: number, extra: Partial<CardRow> = {}) =>
			setCard(db, `small|c${i}`, { state, due: when, ...extra });
		await due(0, 2, at(20)); // overdue: counted today
		await due(1, 1, at(26, 9, 10)); // learning, later today
		await due(2, 2, at(27, 3, 0)); // before 4 am tomorrow: still today's study day
		await due(3, 2, at(27, 4, 0)); // tomorrow
		await due(4, 3, at(28, 12)); // relearning, in two days
		await due(5, 2, new Date(2026, 11, 25, 12).getTime()); // day 29, the last one shown
		await due(6, 2, new Date(2026, 11, 26, 12).getTime()); // day 30: beyond the forecast
		await due(7, 2, at(27, 12), { suspended: 1 }); // suspended: not due
		await due(8, 2, at(27, 12), { retired: 1 }); // retired: not due
		// c9 stays new: new cards are introduced, not due.
		const { forecast } = await loadStats(db, NOW, FOUR_AM);
		expect(forecast.days).toHaveLength(30);
		expect(forecast.days[0]).toMatchObject({ key: '2026-11-26', count: 3 });
		expect(forecast.days[1]).toMatchObject({ key: '2026-11-27', count: 1 });
		expect(forecast.days[2]).toMatchObject({ key: '2026-11-28', count: 1 });
		expect(forecast.days[29]).toMatchObject({ key: '2026-12-25', count: 1 });
		expect(forecast).toMatchObject({ overdue: 1, total: 6 });
	});

	it('shows a card answered just now as due again later today', async () => {
		const db = await deck(2);
		await answer(db, 'small|c0', 3, NOW);
		const stats = await loadStats(db, NOW, FOUR_AM);
		expect(stats.forecast.days[0]?.count).toBe(1);
		expect(stats.heatmap.today).toBe(1);
		expect(stats.counts).toMatchObject({ new: 1, learning: 1, review: 0 });
		// A first answer to a new card is not a review: retention ignores it.
		expect(stats.retention.total).toBe(0);
	});
});

describe('true retention', () => {
	it('is the share of answers to cards in review that were not Again, over 30 study days', async () => {
		const db = await deck(1);
		const grades = [3, 3, 4, 2, 3, 1, 3, 1, 4, 3, 1, 3] as const;
		for (const [i, grade] of grades.entries()) await log(db, at(26 - i, 8), { grade });
		await log(db, at(26, 8), { grade: 3, before: 1 }); // a learning step: not retention
		await log(db, at(26, 8, 5), { grade: 1, before: 3 }); // relearning: not retention
		await log(db, at(26, 8, 10), { grade: 1, kind: 'practice' });
		await log(db, new Date(2026, 9, 28, 12).getTime(), { grade: 1 }); // study day 29 ago: counted
		await log(db, new Date(2026, 9, 28, 3).getTime(), { grade: 1 }); // study day 30 ago: not
		const { retention } = await loadStats(db, NOW, FOUR_AM);
		expect(retention).toEqual({ total: 13, right: 9, enough: true });
	});

	it('is not enough with fewer than 10 answers', async () => {
		const db = await deck(1);
		for (let i = 0; i < 9; i++) await log(db, at(18 + i, 8));
		const { retention } = await loadStats(db, NOW, FOUR_AM);
		expect(retention).toEqual({ total: 9, right: 9, enough: false });
	});
});

describe('cards and mastery', () => {
	it('counts new, learning, review, suspended and leeches; retired cards not at all', async () => {
		const db = await deck(10);
		const review = { state: 2, due: at(30), stability: 5 } as const;
		await setCard(db, 'small|c0', { state: 1, due: at(26, 10) });
		await setCard(db, 'small|c1', { state: 3, due: at(26, 10) });
		await setCard(db, 'small|c2', review);
		await setCard(db, 'small|c3', { ...review, buriedUntil: at(27, 4) }); // back tomorrow
		await setCard(db, 'small|c4', { ...review, suspended: 1 });
		await setCard(db, 'small|c5', { ...review, suspended: 1, leech: 1, lapses: 8 });
		await setCard(db, 'small|c6', { ...review, retired: 1 });
		await setCard(db, 'small|c7', { buriedUntil: at(27, 4) }); // a buried new card
		const { counts } = await loadStats(db, NOW, FOUR_AM);
		expect(counts).toEqual({ new: 3, learning: 2, review: 2, suspended: 2, leeches: 1 });
	});

	it('calls a card mastered once its stability reaches 21 days, per deck', async () => {
		const db = await deck(6);
		await installDeck(db, smallDeck(2, 1, 'other'), { now: new Date(at(1)), bundled: true });
		const review = (stability: number) => ({ state: 2, due: at(30), stability }) as const;
		await setCard(db, 'small|c0', review(MASTERY_STABILITY_DAYS));
		await setCard(db, 'small|c1', review(80));
		await setCard(db, 'small|c2', review(20.9));
		await setCard(db, 'small|c3', { ...review(50), buriedUntil: at(27, 4) });
		await setCard(db, 'small|c4', { ...review(50), suspended: 1 }); // out of study
		await setCard(db, 'small|c5', { ...review(50), retired: 1 });
		await setCard(db, 'other|c0', { state: 1, due: at(26, 10), stability: 30 }); // learning
		const { mastery } = await loadStats(db, NOW, FOUR_AM);
		expect(mastery).toEqual([
			{ deckId: 'other', title: 'Small deck other', cards: 2, review: 0, mastered: 0 },
			{ deckId: 'small', title: 'Small deck small', cards: 4, review: 4, mastered: 3 }
		]);
	});
});
