import { describe, expect, it } from 'vitest';
import {
	CHUNK_LOGS,
	checkDoc,
	chunkDocId,
	dayDocId,
	dayDocs,
	dayOf,
	type DayDoc
} from '$lib/services/sync/documents';
import { createSyncEngine } from '$lib/services/sync/engine';
import type { Pouch, PouchDoc } from '$lib/services/sync/pouch';
import { installDeck, undoAnswer, type ReviewLogRow, type StudyDb } from '$lib/storage';
import { DEFAULT_SETTINGS } from '$lib/storage/study-settings';
import { createScheduler } from '$lib/scheduler';
import { answer } from '../../fixtures/answers';
import { freshDb } from '../../fixtures/db';
import { NOW, smallDeck } from '../../fixtures/decks';
import { localPouch } from '../../fixtures/sync-server';

// A device's day in chunks of at most 100 answers (issue 17: a push sends the open chunk, not the
// whole day), read next to the whole-day documents earlier apps left on servers.

const T = Date.UTC(2026, 10, 26, 9);
const MIN = 60_000;
const DAY = 86_400_000;
const before = {
	due: T,
	stability: 0,
	difficulty: 0,
	scheduled_days: 0,
	learning_steps: 0,
	reps: 0,
	lapses: 0,
	state: 0 as const,
	last_review: null
};
const log = (i: number): ReviewLogRow => ({
	id: `r${String(i).padStart(5, '0')}`,
	uid: 'small|c1',
	deckId: 'small',
	cardId: 'c1',
	note: 'small|c1',
	kind: 'review',
	grade: 3,
	reviewedAt: T + i * 1000,
	durationMs: 1000,
	mode: 'flashcard',
	before
});
const logs = (n: number) => Array.from({ length: n }, (_, i) => log(i));
/** What the device's replica holds after writing `docs` (each with a revision). */
const stored = (docs: DayDoc[], into = new Map<string, DayDoc>()) => {
	for (const d of docs) into.set(d._id, { ...d, _rev: `${Number(d._rev?.[0] ?? 0) + 1}-x` });
	return into;
};
const DEV = 'phone-0001';

describe('a day in chunks', () => {
	it('250 answers make three chunks; one more answer rewrites only the last', () => {
		const first = dayDocs(DEV, logs(250), new Map());
		expect(first.map((d) => [d._id, d.logs.length])).toEqual([
			['day:phone-0001:2026-11-26:0000', 100],
			['day:phone-0001:2026-11-26:0001', 100],
			['day:phone-0001:2026-11-26:0002', 50]
		]);
		expect(first.every((d) => checkDoc(d).ok)).toBe(true);
		const replica = stored(first);
		const next = dayDocs(DEV, logs(251), replica, ['2026-11-26']);
		expect(next.map((d) => [d._id, d.logs.length, d._rev])).toEqual([
			['day:phone-0001:2026-11-26:0002', 51, '1-x']
		]);
		// Read again with nothing new: nothing written.
		expect(dayDocs(DEV, logs(251), stored(next, replica), ['2026-11-26'])).toEqual([]);
	});

	it('a full last chunk stays as it is: the next answers open a new one', () => {
		const replica = stored(dayDocs(DEV, logs(200), new Map()));
		const next = dayDocs(DEV, logs(230), replica, ['2026-11-26']);
		expect(next.map((d) => [d._id, d.logs.length, d._rev])).toEqual([
			['day:phone-0001:2026-11-26:0002', 30, undefined]
		]);
		expect(next[0]!.logs[0]!.id).toBe('r00200');
	});

	it('an undo of a row in a full chunk is listed in the last one; the full chunk is not rewritten', () => {
		const replica = stored(dayDocs(DEV, logs(150), new Map()));
		const kept = logs(151).filter((l) => l.id !== 'r00042');
		const next = dayDocs(DEV, kept, replica, ['2026-11-26']);
		expect(next.map((d) => d._id)).toEqual(['day:phone-0001:2026-11-26:0001']);
		expect(next[0]!.undone).toEqual(['r00042']);
		expect(next[0]!.logs).toHaveLength(51);
		// Once listed, not listed again in a later chunk.
		stored(next, replica);
		const later = dayDocs(DEV, [...kept, ...logs(260).slice(151)], replica, ['2026-11-26']);
		expect(later.map((d) => [d._id, d.logs.length, d.undone])).toEqual([
			['day:phone-0001:2026-11-26:0001', 100, ['r00042']],
			['day:phone-0001:2026-11-26:0002', 60, []]
		]);
	});

	it("a whole-day document of an earlier app is never rewritten: the day's new rows go in chunks", () => {
		const old: DayDoc = {
			_id: dayDocId(DEV, '2026-11-26'),
			_rev: '3-old',
			type: 'day',
			v: 1,
			device: DEV,
			day: '2026-11-26',
			logs: logs(120),
			undone: []
		};
		expect(checkDoc(old).ok).toBe(true);
		const replica = new Map([[old._id, old]]);
		expect(dayDocs(DEV, logs(120), replica, ['2026-11-26'])).toEqual([]);
		const next = dayDocs(
			DEV,
			logs(125).filter((l) => l.id !== 'r00007'),
			replica,
			['2026-11-26']
		);
		expect(next.map((d) => [d._id, d.logs.map((l) => l.id), d.undone])).toEqual([
			[
				'day:phone-0001:2026-11-26:0000',
				['r00120', 'r00121', 'r00122', 'r00123', 'r00124'],
				['r00007']
			]
		]);
	});
});

describe('incoming chunks', () => {
	const good = dayDocs(DEV, logs(3), new Map())[0]!;
	it.each([
		[
			'more rows than a chunk holds',
			{ ...good, logs: logs(CHUNK_LOGS + 1) },
			'logs: a chunk holds'
		],
		[
			'a number that is not its id',
			{ ...good, chunk: 1 },
			'_id: must be day:<device>:<day>:<chunk>'
		],
		['no number', { ...good, chunk: undefined }, 'chunk: a chunk needs its number'],
		['a negative number', { ...good, chunk: -1 }, 'chunk'],
		['a row twice', { ...good, logs: [log(1), log(1)] }, 'logs[1].id: appears twice'],
		[
			'a whole-day document with a number',
			{ ...good, v: 1, _id: dayDocId(DEV, '2026-11-26') },
			'chunk: only a chunk'
		],
		['a newer format', { ...good, v: 3 }, 'v: must be 1 or 2']
	])('refuses %s, naming what is wrong', (_, raw, problem) => {
		const checked = checkDoc(raw);
		expect(checked).toMatchObject({ ok: false, id: raw._id ?? '(no id)' });
		if (!checked.ok) expect(checked.errors.join(' ')).toContain(problem);
	});
});

const scheduler = createScheduler(DEFAULT_SETTINGS.scheduler);

async function device() {
	const db = freshDb();
	await installDeck(db, smallDeck(5), { now: NOW, bundled: true });
	return db;
}
const dayDocsIn = async (pouch: Pouch) =>
	(await pouch.allDocs({ startkey: 'day:', endkey: 'day:\uffff', include_docs: true })).rows.map(
		(r) => r.doc as unknown as DayDoc
	);

describe('through the engine', () => {
	it('a push two days later reads whole days: rows of the first day are not taken for undone', async () => {
		const db = await device();
		const local = localPouch();
		const day1 = Date.parse(`${dayOf(NOW.getTime())}T00:00:00Z`);
		let t = day1 + 9 * 60 * MIN;
		const engine = createSyncEngine({
			db,
			local,
			remote: localPouch(),
			device: DEV,
			now: () => new Date(t)
		});
		await answer(db, 'small|c0', 3, new Date(t), { scheduler });
		t += 30 * MIN;
		await engine.push();
		t = day1 + 2 * DAY + 12 * 60 * MIN;
		await answer(db, 'small|c1', 3, new Date(t), { scheduler });
		t += 30 * MIN;
		await engine.push();
		t += 30 * MIN;
		await answer(db, 'small|c2', 3, new Date(t), { scheduler });
		await engine.push();
		const docs = await dayDocsIn(local);
		expect(docs.flatMap((d) => d.undone)).toEqual([]);
		expect(docs.flatMap((d) => d.logs)).toHaveLength(3);
	});

	it('whole-day documents and chunks of another device merge: every row once, undos applied', async () => {
		const phone = await device();
		let t = NOW.getTime();
		for (let i = 0; i < 130; i++)
			await answer(phone, `small|c${i % 5}`, 3, new Date((t += MIN)), { scheduler });
		const rows = await phone.reviewLogs.orderBy('reviewedAt').toArray();
		const day = dayOf(rows[0]!.reviewedAt);
		expect(rows.every((r) => dayOf(r.reviewedAt) === day)).toBe(true);
		// An earlier app wrote the first 40 rows as a whole day; this one wrote the rest in chunks.
		const old: DayDoc = {
			_id: dayDocId(DEV, day),
			type: 'day',
			v: 1,
			device: DEV,
			day,
			logs: rows.slice(0, 40),
			undone: []
		};
		const replica = new Map([[old._id, old]]);
		stored(dayDocs(DEV, rows, replica, [day]), replica);
		// The last answer is taken back: the last chunk says so.
		await undoAnswer(phone, rows.at(-1)!.id);
		const kept = await phone.reviewLogs.toArray();
		stored(dayDocs(DEV, kept, replica, [day]), replica);
		const docs = [...replica.values()].map(({ _rev: _, ...d }) => d);
		expect(docs.map((d) => [d._id, d.logs.length])).toEqual([
			[old._id, 40],
			[chunkDocId(DEV, day, 0), 89]
		]);

		// The laptop's replica holds them, newest first (the order must not matter).
		const laptop = await device();
		const local = localPouch();
		for (const d of [...docs].reverse()) await local.put(d as unknown as PouchDoc);
		const engine = createSyncEngine({
			db: laptop,
			local,
			remote: localPouch(),
			device: 'laptop-001',
			now: () => new Date(t)
		});
		await engine.pull();
		expect(engine.status.refused).toEqual([]);
		const ids = (await laptop.reviewLogs.toArray()).map((l) => l.id).sort();
		expect(ids).toEqual(kept.map((l) => l.id).sort());
		expect(ids).toHaveLength(129);
		const state = async (db: StudyDb) =>
			(await db.cards.orderBy('uid').toArray()).map((c) => [c.uid, c.reps, c.lastLogAt]);
		expect(await state(laptop)).toEqual(await state(phone));
	});

	it('the undo of a row and the row itself in one batch, undo first: the row is not kept', async () => {
		const phone = await device();
		let t = NOW.getTime();
		for (let i = 0; i < 101; i++)
			await answer(phone, `small|c${i % 5}`, 3, new Date((t += MIN)), { scheduler });
		const rows = await phone.reviewLogs.orderBy('reviewedAt').toArray();
		const day = dayOf(rows[0]!.reviewedAt);
		const replica = stored(dayDocs(DEV, rows, new Map()));
		// Undo of the 100th answer (in the full first chunk) after the 101st was pushed.
		const gone = rows[99]!;
		await undoAnswer(phone, gone.id);
		stored(dayDocs(DEV, await phone.reviewLogs.toArray(), replica, [day]), replica);
		expect(replica.get(chunkDocId(DEV, day, 1))!.undone).toEqual([gone.id]);
		const laptop = await device();
		const local = localPouch();
		const docs = [...replica.values()].map(({ _rev: _, ...d }) => d).reverse();
		for (const d of docs) await local.put(d as unknown as PouchDoc);
		const engine = createSyncEngine({
			db: laptop,
			local,
			remote: localPouch(),
			device: 'laptop-001',
			now: () => new Date(t)
		});
		await engine.pull();
		expect(await laptop.reviewLogs.count()).toBe(100);
		expect(await laptop.reviewLogs.get(gone.id)).toBeUndefined();
	});
});
