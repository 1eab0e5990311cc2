import { describe, expect, it } from 'vitest';
import { createSyncEngine, type SyncEngine } from '$lib/services/sync/engine';
import { dayDocId } from '$lib/services/sync/documents';
import { pickState, undoAnswer, type StudyDb } from '$lib/storage';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '$lib/storage/study-settings';
import { createScheduler } from '$lib/scheduler';
import { answer } from '../../fixtures/answers';
import { NOW } from '../../fixtures/decks';
import {
	createUser,
	localPouch,
	rebuilt,
	remotePouch,
	syncDevice,
	until,
	useTestServer
} from '../../fixtures/sync-server';

const server = useTestServer();

let users = 0;
// The scheduler the app answers with (fuzz on, seeded by the card): replay must give the same.
const scheduler = createScheduler(DEFAULT_SETTINGS.scheduler);
const at = (uid: string, grade: 1 | 2 | 3 | 4, db: StudyDb, t: number) =>
	answer(db, uid, grade, new Date(t), { scheduler });
const MIN = 60_000;

const device = (url: string, user: string, name: string, clock: () => Date) =>
	syncDevice(url, user, name, { now: clock });

const logIds = async (db: StudyDb) => (await db.reviewLogs.toArray()).map((l) => l.id).sort();
const states = async (db: StudyDb) =>
	(await db.cards.toArray()).filter((c) => c.lastLogAt > 0).map((c) => [c.uid, pickState(c)]);

describe('two devices of one learner, through the test server', () => {
	let engines: SyncEngine[] = [];
	/** Stops every engine and waits for their replications to wind down before the server closes. */
	const stop = async () => {
		const stopping = engines.splice(0);
		stopping.forEach((e) => e.stop());
		await Promise.all(stopping.map((e) => e.stopped()));
	};

	it('answers given offline on both devices all arrive once, and both end in the same state', async () => {
		const user = `ann${++users}`;
		const url = await createUser(server(), user, 'secret');
		const phone = await device(url, user, 'phone-0001', () => new Date(NOW.getTime() + 30 * MIN));
		// The laptop's clock runs 10 minutes slow.
		const laptop = await device(url, user, 'laptop-001', () => new Date(NOW.getTime() + 20 * MIN));
		await at('small|c1', 3, phone.db, NOW.getTime() + MIN);
		await at('small|c2', 1, phone.db, NOW.getTime() + 2 * MIN);
		await at('small|c1', 1, laptop.db, NOW.getTime() + 3 * MIN);
		await at('small|c3', 4, laptop.db, NOW.getTime() + 4 * MIN);
		engines = [phone.engine, laptop.engine];
		try {
			await Promise.all(engines.map((e) => e.start()));
			await until(
				async () =>
					(await phone.db.reviewLogs.count()) === 4 &&
					(await laptop.db.reviewLogs.count()) === 4 &&
					(await rebuilt(phone.db, laptop.db)),
				'four answers on both devices'
			);
			expect(await logIds(phone.db)).toEqual(await logIds(laptop.db));
			expect(await states(phone.db)).toEqual(await states(laptop.db));
			// Card 1 was answered on both: both answers kept, replayed in time order (Good, then Again).
			const c1 = (
				await phone.db.reviewLogs.where('uid').equals('small|c1').sortBy('reviewedAt')
			).map((l) => l.grade);
			expect(c1).toEqual([3, 1]);
			expect((await phone.db.cards.get('small|c1'))?.reps).toBe(2);

			// Undo on the laptop takes the answer back on the phone too.
			const last = (await laptop.db.reviewLogs.where('uid').equals('small|c3').first())!;
			await undoAnswer(laptop.db, last.id);
			await laptop.engine.push();
			await until(
				async () => (await phone.db.reviewLogs.count()) === 3 && (await rebuilt(phone.db)),
				'the undo on the phone'
			);
			expect((await phone.db.cards.get('small|c3'))?.reps).toBe(0);
			expect(await states(phone.db)).toEqual(await states(laptop.db));
		} finally {
			await stop();
		}
	}, 60_000);

	it('settings: the newest change of a key wins on every device', async () => {
		const user = `ann${++users}`;
		const url = await createUser(server(), user, 'secret');
		let t = NOW.getTime();
		const clock = () => new Date(t);
		const a = await device(url, user, 'aaaa-0001', clock);
		const b = await device(url, user, 'bbbb-0001', clock);
		engines = [a.engine, b.engine];
		try {
			await saveSettings(a.db, { ...(await loadSettings(a.db)), newPerDay: 7 });
			await a.engine.start();
			t += MIN;
			await saveSettings(b.db, { ...(await loadSettings(b.db)), newPerDay: 12 });
			await b.engine.start();
			await until(async () => (await loadSettings(a.db)).newPerDay === 12, 'the newer value on a');
			expect((await loadSettings(b.db)).newPerDay).toBe(12);
		} finally {
			await stop();
		}
	}, 60_000);

	it('a hostile day document is refused by name and nothing of it is written', async () => {
		const user = `ann${++users}`;
		const url = await createUser(server(), user, 'secret');
		const remote = remotePouch(url, user, 'secret');
		const id = dayDocId('evil-0001', '2026-11-26');
		await remote.put({
			_id: id,
			type: 'day',
			v: 1,
			device: 'evil-0001',
			day: '2026-11-26',
			logs: [{ id: 'x', uid: 'small|c1', deckId: 'small', cardId: 'c1', grade: 9 }],
			undone: []
		});
		let refused: string[] = [];
		const b = await device(url, user, 'bbbb-0002', () => NOW);
		const engine = createSyncEngine({
			db: b.db,
			local: localPouch(),
			remote,
			device: 'bbbb-0002',
			now: () => NOW,
			onStatus: (s) => (refused = s.refused.map((r) => `${r.id} ${r.errors.join('; ')}`))
		});
		engines = [engine];
		try {
			await engine.start();
			await until(async () => refused.length > 0, 'the refusal');
			expect(refused[0]).toContain(id);
			expect(refused[0]).toContain('logs[0].grade');
			expect(await b.db.reviewLogs.count()).toBe(0);
		} finally {
			await stop();
		}
	}, 60_000);
});
