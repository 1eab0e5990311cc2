import { describe, expect, it } from 'vitest';
import { importDeck } from '$lib/storage/transfer';
import { createScheduler, type Grade } from '$lib/scheduler';
import { loadSettings } from '$lib/storage/study-settings';
import { readPackage, type PackageDeck } from '$lib/transfer/apkg/read-package';
import { dayStartOf } from '$lib/transfer/apkg/collection';
import { freshDb } from '../../fixtures/db';
import { BASIC, loadSqlite, makePackage, type Layout } from '../../fixtures/anki-packages';

const HOUR = 3_600_000;
const NOW = new Date('2026-02-01T12:00:00Z');
/** Anki day 0 of the test, midnight UTC. */
const D0 = Date.UTC(2026, 0, 5);

describe('Anki’s study day', () => {
	it('starts at the rollover hour in the collection’s time zone, or at its creation time of day', () => {
		expect(dayStartOf({ rollover: 4, localOffset: 0 }, 0)).toBe(4 * HOUR);
		// UTC+1 (60 minutes east): 4 a.m. there is 3 a.m. UTC.
		expect(dayStartOf({ rollover: 4, localOffset: -60 }, 0)).toBe(3 * HOUR);
		// UTC-5, rollover at 2: 7 a.m. UTC; without localOffset, the creation offset.
		expect(dayStartOf({ rollover: 2, creationOffset: 300 }, 0)).toBe(7 * HOUR);
		// UTC+10 at 4 a.m. is 18:00 UTC the day before.
		expect(dayStartOf({ rollover: 4, localOffset: -600 }, 0)).toBe(18 * HOUR);
		// An old collection: days counted from its creation, 9:30 UTC.
		expect(dayStartOf({}, D0 / 1000 + 9.5 * 3600)).toBe(9.5 * HOUR);
	});

	it.each<[Layout, Record<string, unknown>, number]>([
		['anki2', {}, 5 * HOUR],
		['anki21', { rollover: 4, localOffset: -120 }, 2 * HOUR],
		['anki21b', { rollover: 6, localOffset: 0 }, 6 * HOUR]
	])('is read from a %s collection', async (layout, conf, expected) => {
		const r = await readPackage({
			name: 'day.apkg',
			chunks: [
				await makePackage({
					layout,
					notetypes: [BASIC],
					decks: [{ id: 2, name: 'Days' }],
					notes: [{ id: 1, guid: 'n1', mid: BASIC.id, fields: ['Q?', 'A'], did: 2, ords: [0] }],
					crt: D0 / 1000 + 5 * 3600,
					conf
				})
			],
			loadSqlite
		});
		if (!r.ok) throw new Error(r.errors[0]?.message);
		expect(r.dayStartMs).toBe(expected);
	});
});

describe('replaying Anki answers on Anki’s study days', () => {
	/** One card learnt on day 0 (two Good), then a Good review at `last`. */
	async function replayed(last: number, dayStartMs: number) {
		const db = freshDb();
		const deck: PackageDeck['deck'] = {
			schemaVersion: 1,
			id: 'days',
			title: 'Days',
			version: 1,
			cards: [{ id: 'c', kind: 'basic', prompt: 'Q?', answer: 'A', source: { quote: 'A' } }]
		};
		const at = [D0 + 12 * HOUR, D0 + 12 * HOUR + 10 * 60_000, last];
		const entries = [
			{
				cardId: 'c',
				reviews: at.map((t) => ({ at: t, rating: 3 as const, ms: 4000 })),
				suspended: false,
				buried: false
			}
		];
		await importDeck(db, deck, { now: NOW, named: true, history: { entries, dayStartMs } });
		const card = await db.cards.get('days|c');
		const logs = await db.reviewLogs.where('uid').equals('days|c').sortBy('reviewedAt');
		return { card, logs, settings: await loadSettings(db) };
	}

	/** The card as the scheduler makes it when the last answer is on day `day` (noon, no doubt). */
	async function onDay(day: number) {
		const { settings } = await replayed(D0 + 2 * 86_400_000, 0);
		const scheduler = createScheduler(settings.scheduler);
		let card = scheduler.newCard(new Date(D0));
		for (const t of [
			D0 + 12 * HOUR,
			D0 + 12 * HOUR + 10 * 60_000,
			D0 + day * 86_400_000 + 12 * HOUR
		])
			card = scheduler.answer(card, 3 as Grade, new Date(t), 'days|c');
		return card;
	}

	it('puts an answer just before the 4 a.m. rollover on the day before, one just after on its own day', async () => {
		const before = await replayed(D0 + 2 * 86_400_000 + 3.5 * HOUR, 4 * HOUR);
		const after = await replayed(D0 + 2 * 86_400_000 + 4.5 * HOUR, 4 * HOUR);
		const day1 = await onDay(1);
		const day2 = await onDay(2);
		// Stability grows with the days since the last answer: 1 day before the rollover, 2 after.
		expect(day1.stability).not.toBeCloseTo(day2.stability, 3);
		expect(before.card?.stability).toBeCloseTo(day1.stability, 6);
		expect(after.card?.stability).toBeCloseTo(day2.stability, 6);
		// Without Anki's rollover (UTC days) both would count 2 days.
		const utc = await replayed(D0 + 2 * 86_400_000 + 3.5 * HOUR, 0);
		expect(utc.card?.stability).toBeCloseTo(day2.stability, 6);
	});

	it('keeps every stored time real: logs at the answer times, the last review the last answer', async () => {
		const last = D0 + 2 * 86_400_000 + 3.5 * HOUR;
		const { card, logs } = await replayed(last, 4 * HOUR);
		expect(logs.map((l) => l.reviewedAt)).toEqual([
			D0 + 12 * HOUR,
			D0 + 12 * HOUR + 10 * 60_000,
			last
		]);
		expect(card?.last_review).toBe(last);
		expect(card?.due).toBe(last + (card?.scheduled_days ?? 0) * 86_400_000);
		// The second answer's state before it is the first answer's learning step, due 10 min later.
		expect(logs[1]?.before.last_review).toBe(D0 + 12 * HOUR);
	});
});
