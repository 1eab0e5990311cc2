import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { installDeck, setSetting, undoAnswer, type StudyDb } from '$lib/storage';
import { createScheduler } from '$lib/scheduler';
import { rebuildFromHistory } from '$lib/storage/history';
import { saveSettings, DEFAULT_SETTINGS, loadSettings } from '$lib/storage/study-settings';
import { loadAppearance } from '$lib/services/appearance';
import { exportBackup } from '$lib/storage/export-backup';
import {
	MAX_SNAPSHOTS,
	listSnapshots,
	pruneSnapshots,
	restoreSnapshot,
	snapshotText,
	takeDailySnapshot,
	takeSnapshot
} from '$lib/storage/snapshots';
import { noDailySnapshot } from '$lib/storage/snapshot-due';
import { prepareBackup } from '$lib/transfer';
import { freshDb } from '../../fixtures/db';
import { NOW, smallDeck } from '../../fixtures/decks';
import { answer, reset } from '../../fixtures/answers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(NOW.getTime() + ms);
const plain = createScheduler({ enableFuzz: false });
const check = async (text: string) => prepareBackup(text, 'snapshot');

/** The study data, in a stable order, to compare two moments. */
async function studyData(db: StudyDb) {
	return {
		decks: (await db.decks.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
		cards: (await db.cards.toArray()).sort((a, b) => a.uid.localeCompare(b.uid)),
		logs: (await db.reviewLogs.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
		settings: (await db.settings.toArray())
			.filter((s) => s.key !== 'revision')
			.sort((a, b) => a.key.localeCompare(b.key))
	};
}

async function studied(answers: number) {
	const db = freshDb();
	await installDeck(db, smallDeck(6), { now: NOW, bundled: true });
	for (let i = 0; i < answers; i++) await answer(db, `small|c${i % 6}`, 3, at(i * 60_000));
	return db;
}

afterEach(() => vi.unstubAllGlobals());

describe('daily snapshots', () => {
	it('takes none before the first answer', async () => {
		const db = freshDb();
		await installDeck(db, smallDeck(6), { now: NOW, bundled: true });
		expect(await takeDailySnapshot(db, NOW)).toEqual({ taken: false, why: 'no-answers' });
		expect(await db.snapshots.count()).toBe(0);
	});

	it('takes one a study day, and none when nothing changed since the last', async () => {
		const db = await studied(3);
		const first = await takeDailySnapshot(db, at(HOUR));
		expect(first.taken).toBe(true);
		// Same study day, more answers: still one.
		const later = await answer(db, 'small|c4', 3, at(2 * HOUR));
		expect(await takeDailySnapshot(db, at(3 * HOUR))).toEqual({
			taken: false,
			why: 'already-today'
		});
		// The next study day starts at 4 am: a new snapshot, as something changed.
		const next = await takeDailySnapshot(db, at(DAY));
		expect(next.taken && next.snapshot.logs).toBe(4);
		// A day later, nothing changed since: no copy of the same data.
		expect(await takeDailySnapshot(db, at(2 * DAY))).toEqual({ taken: false, why: 'unchanged' });
		// An undo changes the data even though the number of answers goes back.
		await undoAnswer(db, later.log.id);
		expect((await takeDailySnapshot(db, at(3 * DAY))).taken).toBe(true);
		expect((await listSnapshots(db)).map((s) => s.logs)).toEqual([3, 4, 3]);
	});

	it('holds the whole collection, compressed, and reads back as a valid backup', async () => {
		const db = await studied(12);
		const snap = await takeSnapshot(db, at(HOUR), 'manual');
		expect(snap).toMatchObject({
			decks: 1,
			cards: 6,
			logs: 12,
			reason: 'manual',
			day: '2026-11-26'
		});
		expect(snap.bytes).toBeLessThan(snap.rawBytes / 3);
		const stored = await db.snapshotData.get(snap.id!);
		expect(stored?.gzip).toBe(true);
		// Written in pieces, it reads back as exactly the backup of that moment.
		const text = await snapshotText(db, snap.id!);
		expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(await exportBackup(db, at(HOUR)))));
		expect(new TextEncoder().encode(text).byteLength).toBe(snap.rawBytes);
		const parsed = prepareBackup(text);
		expect(parsed.ok).toBe(true);
		if (parsed.ok) expect(parsed.backup.reviewLogs).toHaveLength(12);
	});

	it('stores plain text where the browser cannot compress', async () => {
		vi.stubGlobal('CompressionStream', undefined);
		const db = await studied(2);
		const snap = await takeSnapshot(db, at(HOUR), 'manual');
		expect(snap.bytes).toBe(snap.rawBytes);
		expect((await db.snapshotData.get(snap.id!))?.gzip).toBe(false);
		expect(JSON.parse(await snapshotText(db, snap.id!)).reviewLogs).toHaveLength(2);
	});
});

describe('serialising', () => {
	it('writes empty tables and thousands of rows as valid JSON, gzipped or not', async () => {
		for (const gzip of [true, false]) {
			if (!gzip) vi.stubGlobal('CompressionStream', undefined);
			// Empty tables and more than a thousand rows come out as valid JSON too.
			const empty = freshDb();
			const none = await takeSnapshot(empty, NOW, 'manual');
			expect(JSON.parse(await snapshotText(empty, none.id!))).toMatchObject({
				decks: [],
				cards: []
			});
			const big = freshDb();
			await installDeck(big, smallDeck(2500), { now: NOW, bundled: true });
			const many = await takeSnapshot(big, NOW, 'manual');
			expect(JSON.parse(await snapshotText(big, many.id!)).cards).toHaveLength(2500);
		}
	});
});

describe('keeping seven days', () => {
	it('drops snapshots older than seven days but always keeps the newest', async () => {
		const db = await studied(1);
		for (let d = 0; d < 10; d++) {
			await answer(db, 'small|c1', 3, at(d * DAY + HOUR));
			await takeDailySnapshot(db, at(d * DAY + 2 * HOUR));
		}
		const kept = await listSnapshots(db);
		expect(kept.map((s) => s.day)).toEqual([
			'2026-12-05',
			'2026-12-04',
			'2026-12-03',
			'2026-12-02',
			'2026-12-01',
			'2026-11-30',
			'2026-11-29'
		]);
		expect(await db.snapshotData.count()).toBe(7);
		// A month away: the newest one stays even though it is old.
		expect(await pruneSnapshots(db, at(40 * DAY))).toBe(6);
		expect((await listSnapshots(db)).map((s) => s.day)).toEqual(['2026-12-05']);
		expect(await db.snapshotData.count()).toBe(1);
	});

	it(`keeps at most ${MAX_SNAPSHOTS}, however often the button is pressed`, async () => {
		const db = await studied(1);
		for (let i = 0; i < MAX_SNAPSHOTS + 5; i++) await takeSnapshot(db, at(i * 60_000), 'manual');
		expect(await db.snapshots.count()).toBe(MAX_SNAPSHOTS);
		expect(await db.snapshotData.count()).toBe(MAX_SNAPSHOTS);
	});

	it('makes room by dropping old snapshots when storage is full, and never half-writes one', async () => {
		const db = await studied(3);
		await takeSnapshot(db, at(HOUR), 'manual');
		await takeSnapshot(db, at(2 * HOUR), 'manual');
		const full = () =>
			Object.assign(new Error('full'), { name: 'QuotaExceededError' }) as unknown as never;
		// The first write of the data fails as a full disk would; after dropping the old ones it fits.
		const add = db.snapshotData.add.bind(db.snapshotData);
		let fails = 1;
		const spy = vi.spyOn(db.snapshotData, 'add').mockImplementation((row) => {
			if (fails-- > 0) return Dexie.Promise.reject(full());
			return add(row);
		});
		const snap = await takeSnapshot(db, at(3 * HOUR), 'manual');
		expect((await listSnapshots(db)).map((s) => s.id)).toEqual([snap.id]);
		expect(await db.snapshotData.count()).toBe(1);
		// Still full after making room: the error reaches the caller and nothing is left half-way.
		spy.mockImplementation(() => Dexie.Promise.reject(full()));
		await expect(takeSnapshot(db, at(4 * HOUR), 'manual')).rejects.toMatchObject({
			name: 'QuotaExceededError'
		});
		expect(await db.snapshots.count()).toBe(await db.snapshotData.count());
		expect(await db.reviewLogs.count()).toBe(3);
	});
});

describe('restoring a snapshot', () => {
	it('puts cards, answers and study settings back as they were, and keeps now to go back to', async () => {
		const db = await studied(4);
		await saveSettings(db, { ...DEFAULT_SETTINGS, newPerDay: 7 });
		const snap = await takeSnapshot(db, at(HOUR), 'daily');
		const then = await studyData(db);

		// Later: more answers, a reset card, other settings and a new theme.
		for (let i = 0; i < 5; i++) await answer(db, `small|c${i}`, 1, at(2 * HOUR + i * 60_000));
		await reset(db, 'small|c0', at(3 * HOUR));
		await saveSettings(db, { ...DEFAULT_SETTINGS, newPerDay: 30 });
		await setSetting(db, 'appearance', { theme: 'dark', reduceMotion: true });
		const now = await studyData(db);

		const report = await restoreSnapshot(db, snap.id!, at(4 * HOUR), check);
		expect(report).toMatchObject({ decks: 1, cards: 6, logs: 4 });
		const restored = await studyData(db);
		expect(restored.decks).toEqual(then.decks);
		expect(restored.cards).toEqual(then.cards);
		expect(restored.logs).toEqual(then.logs);
		expect((await loadSettings(db)).newPerDay).toBe(7);
		// The theme belongs to the device, not to the study data.
		expect((await loadAppearance(db)).theme).toBe('dark');
		// Every card state is the replay of its logs.
		const check2 = await rebuildFromHistory(db, plain, {
			repair: false
		});
		expect(check2.differing).toEqual([]);

		// The restore can be undone from the snapshot it took first.
		expect(report.before).toMatchObject({ reason: 'before-restore', logs: 10 });
		await restoreSnapshot(db, report.before.id!, at(5 * HOUR), check);
		const back = await studyData(db);
		expect(back.cards).toEqual(now.cards);
		expect(back.logs).toEqual(now.logs);
	});

	it('refuses a damaged snapshot with the reason, and changes nothing', async () => {
		const db = await studied(4);
		const snap = await takeSnapshot(db, at(HOUR), 'daily');
		const text = await snapshotText(db, snap.id!);
		const broken = JSON.parse(text);
		broken.reviewLogs[1].grade = 9;
		await db.snapshotData.put({ id: snap.id!, gzip: false, data: JSON.stringify(broken) });
		await answer(db, 'small|c5', 3, at(2 * HOUR));
		const before = await studyData(db);
		await expect(restoreSnapshot(db, snap.id!, at(3 * HOUR), check)).rejects.toThrow(
			/cannot be restored: reviewLogs\[1\]\.grade: must be 0 to 4/
		);
		expect(await studyData(db)).toEqual(before);
		expect(await db.snapshots.count()).toBe(1);
	});

	it('is all or nothing: a failure while writing leaves the data as it was', async () => {
		const db = await studied(4);
		const snap = await takeSnapshot(db, at(HOUR), 'daily');
		await answer(db, 'small|c5', 3, at(2 * HOUR));
		const before = await studyData(db);
		vi.spyOn(db.reviewLogs, 'bulkPut').mockImplementation(() =>
			Dexie.Promise.reject(Object.assign(new Error('disk'), { name: 'QuotaExceededError' }))
		);
		await expect(restoreSnapshot(db, snap.id!, at(3 * HOUR), check)).rejects.toMatchObject({
			name: 'QuotaExceededError'
		});
		expect(await studyData(db)).toEqual(before);
	});

	it('keeps no second copy of data that the newest snapshot already holds', async () => {
		const db = await studied(3);
		const first = await takeSnapshot(db, at(HOUR), 'daily');
		await answer(db, 'small|c4', 3, at(2 * HOUR));
		const now = await takeSnapshot(db, at(3 * HOUR), 'manual');
		const report = await restoreSnapshot(db, first.id!, at(4 * HOUR), check);
		expect(report.before.id).toBe(now.id);
		expect(await db.snapshots.count()).toBe(2);
		// Restoring the newest itself: the data before it differs, so it is kept.
		const again = await restoreSnapshot(db, now.id!, at(5 * HOUR), check);
		expect(again.before).toMatchObject({ reason: 'before-restore', logs: 3 });
		expect(await db.reviewLogs.count()).toBe(4);
	});

	it('says so when the snapshot is gone', async () => {
		const db = await studied(1);
		await expect(restoreSnapshot(db, 99, NOW, check)).rejects.toThrow(/no longer on this device/);
	});
});

describe('whether the snapshot worker needs to start', () => {
	it('says no before any answer and after the day’s snapshot, and yes in between', async () => {
		const db = freshDb();
		await installDeck(db, smallDeck(6), { now: NOW, bundled: true });
		expect(await noDailySnapshot(db, NOW)).toBe('no-answers');
		await answer(db, 'small|c0', 3, NOW);
		expect(await noDailySnapshot(db, at(HOUR))).toBeUndefined();
		await takeDailySnapshot(db, at(HOUR));
		expect(await noDailySnapshot(db, at(2 * HOUR))).toBe('already-today');
		expect(await noDailySnapshot(db, at(DAY))).toBeUndefined();
	});
});
