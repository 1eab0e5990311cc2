import { afterAll, expect, it } from 'vitest';
import type { DayDoc } from '$lib/services/sync/documents';
import { pickState, type StudyDb } from '$lib/storage';
import { DEFAULT_SETTINGS } from '$lib/storage/study-settings';
import { createScheduler } from '$lib/scheduler';
import { startSyncServer, type SyncServer } from '../../../scripts/sync/server';
import { answer } from '../../fixtures/answers';
import { NOW } from '../../fixtures/decks';
import {
	adminFetch,
	createUser,
	rebuilt,
	syncDevice,
	until,
	userDbName
} from '../../fixtures/sync-server';

// The server stops in the middle of sync and comes back on the same data: every answer given
// before, during and after arrives on the other device exactly once, and the server holds each
// once, without conflicts.
let server: SyncServer | undefined;
afterAll(async () => {
	await server?.close();
});

const scheduler = createScheduler(DEFAULT_SETTINGS.scheduler);
const MIN = 60_000;
/** Replication after a restart waits for its retries: longer than the other sync tests wait. */
const WAIT = 30_000;

// Retry quickly: the test waits for the server to come back, not for a long back-off.
const device = (url: string, name: string) =>
	syncDevice(url, 'finn', name, {
		cards: 30,
		now: () => new Date(NOW.getTime() + 60 * MIN),
		backOff: () => 200
	});

const answerCards = async (db: StudyDb, from: number, to: number) => {
	for (let i = from; i < to; i++)
		await answer(db, `small|c${i}`, 3, new Date(NOW.getTime() + i * MIN), { scheduler });
};
const states = async (db: StudyDb) =>
	(await db.cards.orderBy('uid').toArray()).map((c) => [c.uid, pickState(c)]);

it('server stopped mid-sync and restarted: every answer arrives exactly once', async () => {
	server = await startSyncServer({ port: 0 });
	const url = await createUser(server, 'finn', 'secret');
	const phone = await device(url, 'phone-0009');
	const laptop = await device(url, 'laptop-009');
	const engines = [phone.engine, laptop.engine];
	try {
		await Promise.all(engines.map((e) => e.start()));
		await answerCards(phone.db, 0, 10);
		await phone.engine.push();
		await until(async () => (await laptop.db.reviewLogs.count()) === 10, 'the first ten', WAIT);

		// The server goes away while the phone keeps answering and pushing.
		const { port, prefix } = server;
		const stopping = server.close();
		await answerCards(phone.db, 10, 20);
		await phone.engine.push();
		await stopping;
		server = undefined;
		await answerCards(phone.db, 20, 25);
		await phone.engine.push();
		await answerCards(laptop.db, 25, 28);
		await laptop.engine.push();

		// Back on the same port with the same data: replication resumes from its checkpoints.
		server = await startSyncServer({ port, prefix });
		await until(
			async () =>
				(await laptop.db.reviewLogs.count()) === 28 &&
				(await phone.db.reviewLogs.count()) === 28 &&
				(await rebuilt(laptop.db, phone.db)),
			'all 28 answers on both devices',
			WAIT
		);
		expect(await states(laptop.db)).toEqual(await states(phone.db));

		const all = (await adminFetch(
			server,
			`/${userDbName('finn')}/_all_docs?include_docs=true&conflicts=true&startkey="day:"&endkey="day:\\uffff"`
		)) as { rows: { doc: DayDoc & { _conflicts?: string[] } }[] };
		const ids = all.rows.flatMap((r) => r.doc.logs.map((l) => l.id));
		expect(ids).toHaveLength(28);
		expect(new Set(ids).size).toBe(28);
		expect(all.rows.filter((r) => r.doc._conflicts?.length)).toEqual([]);
	} finally {
		engines.forEach((e) => e.stop());
		await Promise.all(engines.map((e) => e.stopped()));
	}
}, 90_000);
