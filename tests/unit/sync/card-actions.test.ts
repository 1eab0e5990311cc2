import { describe, expect, it } from 'vitest';
import type { SyncEngine } from '$lib/services/sync/engine';
import {
	buryCard,
	pickState,
	suspendCard,
	undoAnswer,
	unsuspendCard,
	type StudyDb
} from '$lib/storage';
import { DEFAULT_SETTINGS } from '$lib/storage/study-settings';
import { createScheduler } from '$lib/scheduler';
import { answer, reset } from '../../fixtures/answers';
import { NOW } from '../../fixtures/decks';
import { createUser, rebuilt, syncDevice, until, useTestServer } from '../../fixtures/sync-server';

// Card actions (suspend, unsuspend, bury, reset, undo, a leech) taken on one device of a learner
// show the same on the other after a pull: two in-memory devices through the test server.
const server = useTestServer();

const scheduler = createScheduler(DEFAULT_SETTINGS.scheduler);
const MIN = 60_000;
const HOUR = 60 * MIN;
const t = (minutes: number) => new Date(NOW.getTime() + minutes * MIN);
let users = 0;

const device = (url: string, user: string, name: string) =>
	syncDevice(url, user, name, { now: () => t(60) });

/** What a learner sees of every card: its schedule and whether it is suspended, buried, a leech. */
const cardsOf = async (db: StudyDb) =>
	(await db.cards.orderBy('uid').toArray()).map((c) => ({
		uid: c.uid,
		...pickState(c),
		suspended: c.suspended,
		leech: c.leech,
		buriedUntil: c.buriedUntil,
		active: c.active
	}));
const flags = async (db: StudyDb, uid: string) => {
	const c = (await db.cards.get(uid))!;
	return { suspended: c.suspended, leech: c.leech, buriedUntil: c.buriedUntil, active: c.active };
};

describe('card actions reach the learner’s other device', () => {
	let engines: SyncEngine[] = [];
	const pair = async () => {
		const user = `cara${++users}`;
		const url = await createUser(server(), user, 'secret');
		const phone = await device(url, user, 'phone-0001');
		const laptop = await device(url, user, 'laptop-001');
		engines = [phone.engine, laptop.engine];
		await Promise.all(engines.map((e) => e.start()));
		return { phone, laptop };
	};
	/** Stops every engine and waits for their replications to wind down before the server closes. */
	const stop = async () => {
		const stopping = engines.splice(0);
		stopping.forEach((e) => e.stop());
		await Promise.all(stopping.map((e) => e.stopped()));
	};

	it('suspend, bury, reset and undo on the phone give the same cards on the laptop', async () => {
		const { phone, laptop } = await pair();
		try {
			await answer(phone.db, 'small|c3', 3, t(1), { scheduler });
			await answer(phone.db, 'small|c4', 3, t(2), { scheduler });
			const undone = await answer(phone.db, 'small|c4', 1, t(3), { scheduler });
			await suspendCard(phone.db, 'small|c1', t(4));
			await buryCard(phone.db, 'small|c2', t(24 * 60), t(5));
			await reset(phone.db, 'small|c3', t(6), scheduler);
			await undoAnswer(phone.db, undone.log.id);
			await phone.engine.push();
			await until(
				async () => (await laptop.db.cards.get('small|c2'))?.buriedUntil === t(24 * 60).getTime(),
				'the burial on the laptop'
			);
			await until(
				async () => (await laptop.db.reviewLogs.count()) === 3 && (await rebuilt(laptop.db)),
				'answer, answer, reset (the undone answer gone)'
			);
			expect(await flags(laptop.db, 'small|c1')).toEqual({
				suspended: 1,
				leech: 0,
				buriedUntil: 0,
				active: 0
			});
			expect((await laptop.db.cards.get('small|c3'))?.state).toBe(0);
			expect((await laptop.db.cards.get('small|c4'))?.reps).toBe(1);
			expect(await cardsOf(laptop.db)).toEqual(await cardsOf(phone.db));

			// Unsuspending on the laptop reaches the phone the same way back.
			await unsuspendCard(laptop.db, 'small|c1', t(7));
			await laptop.engine.push();
			await until(
				async () =>
					(await phone.db.cards.get('small|c1'))?.suspended === 0 && (await rebuilt(phone.db)),
				'the unsuspend on the phone'
			);
			expect(await cardsOf(phone.db)).toEqual(await cardsOf(laptop.db));
		} finally {
			await stop();
		}
	}, 60_000);

	it('a leech made on one device is suspended on both, and its undo lifts it on both', async () => {
		const { phone, laptop } = await pair();
		try {
			const leech = { scheduler, leechThreshold: 1 };
			await answer(phone.db, 'small|c0', 3, t(1), leech);
			await answer(phone.db, 'small|c0', 3, new Date(NOW.getTime() + 3 * 86_400_000), leech);
			const lapse = await answer(
				phone.db,
				'small|c0',
				1,
				new Date(NOW.getTime() + 20 * 86_400_000),
				leech
			);
			expect(lapse.becameLeech).toBe(true);
			await phone.engine.push();
			await until(
				async () =>
					(await laptop.db.cards.get('small|c0'))?.leech === 1 && (await rebuilt(laptop.db)),
				'the leech on the laptop'
			);
			expect(await flags(laptop.db, 'small|c0')).toMatchObject({ suspended: 1, active: 0 });
			expect(await cardsOf(laptop.db)).toEqual(await cardsOf(phone.db));

			await undoAnswer(phone.db, lapse.log.id);
			await phone.engine.push();
			await until(
				async () =>
					(await laptop.db.cards.get('small|c0'))?.suspended === 0 && (await rebuilt(laptop.db)),
				'the undo on the laptop'
			);
			expect(await flags(laptop.db, 'small|c0')).toEqual({
				suspended: 0,
				leech: 0,
				buriedUntil: 0,
				active: 1
			});
			expect(await cardsOf(laptop.db)).toEqual(await cardsOf(phone.db));
		} finally {
			await stop();
		}
	}, 60_000);

	it('offline on both, a suspend and a later unsuspend of one card: the later wins on both', async () => {
		const user = `cara${++users}`;
		const url = await createUser(server(), user, 'secret');
		const phone = await device(url, user, 'phone-0002');
		const laptop = await device(url, user, 'laptop-002');
		// Taken before either device syncs: neither knows of the other's action.
		await unsuspendCard(laptop.db, 'small|c1', t((2 * HOUR) / MIN));
		await suspendCard(phone.db, 'small|c1', t(1));
		await buryCard(phone.db, 'small|c2', t(24 * 60), t(3));
		engines = [phone.engine, laptop.engine];
		try {
			await Promise.all(engines.map((e) => e.start()));
			await until(
				async () =>
					(await laptop.db.cardActions.count()) === 3 && (await phone.db.cardActions.count()) === 3,
				'every action on both devices'
			);
			await until(
				async () =>
					(await phone.db.cards.get('small|c1'))?.suspended === 0 &&
					(await rebuilt(phone.db, laptop.db)),
				'the later unsuspend on the phone'
			);
			expect((await laptop.db.cards.get('small|c1'))?.suspended).toBe(0);
			expect((await laptop.db.cards.get('small|c2'))?.buriedUntil).toBe(t(24 * 60).getTime());
			expect(await cardsOf(laptop.db)).toEqual(await cardsOf(phone.db));
		} finally {
			await stop();
		}
	}, 60_000);
});
