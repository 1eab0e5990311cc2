import { describe, expect, it } from 'vitest';
import {
	buryCard,
	installDeck,
	recordAnswer,
	suspendCard,
	unburyDue,
	undoAnswer,
	unsuspendCard,
	type CardRow
} from '$lib/storage';
import { createScheduler, type Grade } from '$lib/scheduler';
import { rebuildFromHistory } from '$lib/storage/history';
import { freshDb } from '../../fixtures/db';
import { NOW, smallDeck } from '../../fixtures/decks';
import { answer, reset } from '../../fixtures/answers';
// Seeded, so a failing run can be replayed exactly.
import { seeded as random } from '../../../src/lib/scheduler/random';

describe('rebuild from history', () => {
	it('after 1,000 random answers over 100 cards, with undo, suspend, bury, reset and day changes, replay equals the stored states', async () => {
		const db = freshDb();
		const scheduler = createScheduler(); // fuzz on: seeded per card
		await installDeck(db, smallDeck(100), { now: NOW, bundled: true });
		const rand = random(42);
		const undoable: string[] = [];
		let now = NOW.getTime();
		const counts = { answers: 0, undos: 0, suspends: 0, buries: 0, resets: 0, days: 0 };
		while (counts.answers < 1000) {
			now += Math.floor(rand() * 20 * 60_000);
			const roll = rand();
			if (roll < 0.02) {
				now += 86_400_000 * (1 + Math.floor(rand() * 5)); // a few days pass
				counts.days++;
				await unburyDue(db, new Date(now));
				continue;
			}
			const uid = `small|c${Math.floor(rand() * 100)}`;
			const card = (await db.cards.get(uid)) as CardRow;
			if (roll < 0.08 && undoable.length > 0) {
				const id = undoable.pop()!;
				await undoAnswer(db, id);
				counts.undos++;
			} else if (roll < 0.1) {
				await (card.suspended ? unsuspendCard(db, uid) : suspendCard(db, uid));
				counts.suspends++;
			} else if (roll < 0.12) {
				await buryCard(db, uid, new Date(now + 86_400_000));
				counts.buries++;
			} else if (roll < 0.13) {
				const at = new Date(now);
				const { log } = await reset(db, uid, at, scheduler);
				undoable.push(log.id);
				counts.resets++;
			} else {
				const grade = (1 + Math.floor(rand() * 4)) as Grade;
				const at = new Date(now);
				const { log } = await answer(db, uid, grade, at, { scheduler, leechThreshold: 8 });
				// Undo only ever takes back the latest answer of a card, as the session does.
				undoable.length = 0;
				undoable.push(log.id);
				counts.answers++;
			}
		}
		const logs = await db.reviewLogs.count();
		const report = await rebuildFromHistory(db, scheduler, { repair: false });
		expect(report.cards).toBe(100);
		expect(report.logs).toBe(logs);
		expect(report.differing).toEqual([]);
		expect(counts.undos).toBeGreaterThan(10);
		expect(counts.days).toBeGreaterThan(5);
		console.log('replay run', { ...counts, logs, rebuilt: report.cards, differing: 0 });
	}, 60_000);

	it('finds and repairs a card whose stored state was corrupted', async () => {
		const db = freshDb();
		const scheduler = createScheduler();
		await installDeck(db, smallDeck(3), { now: NOW, bundled: true });
		await answer(db, 'small|c1', 3, NOW, { scheduler });
		const good = await db.cards.get('small|c1');
		await db.cards.update('small|c1', { stability: 999, due: 0 });
		const check = await rebuildFromHistory(db, scheduler, { repair: true });
		expect(check.differing).toEqual(['small|c1']);
		expect(await db.cards.get('small|c1')).toEqual(good);
		expect((await rebuildFromHistory(db, scheduler, { repair: false })).differing).toEqual([]);
	});

	it('reschedules existing cards for a new desired retention by replaying their history', async () => {
		const db = freshDb();
		const loose = createScheduler({ desiredRetention: 0.8 });
		await installDeck(db, smallDeck(1), { now: NOW, bundled: true });
		let at = NOW;
		for (let i = 0; i < 4; i++) {
			await answer(db, 'small|c0', 3, at, { scheduler: loose });
			at = new Date((await db.cards.get('small|c0'))!.due);
		}
		const before = (await db.cards.get('small|c0'))!;
		const strict = createScheduler({ desiredRetention: 0.95 });
		const report = await rebuildFromHistory(db, strict, { repair: true });
		const after = (await db.cards.get('small|c0'))!;
		expect(report.differing).toEqual(['small|c0']);
		expect(after.scheduled_days).toBeLessThan(before.scheduled_days);
		expect(after.reps).toBe(before.reps);
	});
});

describe('card actions', () => {
	it('suspends and buries cards out of the queue and brings them back', async () => {
		const db = freshDb();
		await installDeck(db, smallDeck(2), { now: NOW, bundled: true });
		await suspendCard(db, 'small|c0');
		await buryCard(db, 'small|c1', new Date(NOW.getTime() + 3600_000));
		expect((await db.cards.toArray()).map((c) => c.active)).toEqual([0, 0]);
		expect(await unburyDue(db, NOW)).toBe(0);
		expect(await unburyDue(db, new Date(NOW.getTime() + 3600_000))).toBe(1);
		expect((await db.cards.get('small|c1'))?.active).toBe(1);
		await unsuspendCard(db, 'small|c0');
		expect((await db.cards.get('small|c0'))?.active).toBe(1);
	});

	it('tags and suspends a leech at the lapse threshold, and undo lifts it', async () => {
		const db = freshDb();
		const scheduler = createScheduler({ enableFuzz: false });
		await installDeck(db, smallDeck(1), { now: NOW, bundled: true });
		let at = NOW.getTime();
		let last: Awaited<ReturnType<typeof recordAnswer>> | undefined;
		for (let i = 0; i < 40 && !last?.becameLeech; i++) {
			const card = (await db.cards.get('small|c0'))!;
			const grade: Grade = card.state === 2 ? 1 : 4;
			const when = new Date(Math.max(at, card.due));
			last = await answer(db, card.uid, grade, when, { scheduler, leechThreshold: 3 });
			at = when.getTime() + 1000;
		}
		expect(last?.becameLeech).toBe(true);
		expect(last?.card).toMatchObject({ lapses: 3, leech: 1, suspended: 1, active: 0 });
		await undoAnswer(db, last!.log.id);
		expect(await db.cards.get('small|c0')).toMatchObject({ lapses: 2, leech: 0, active: 1 });
	});

	it('resets a card to new with a log row, and undo restores it', async () => {
		const db = freshDb();
		const scheduler = createScheduler();
		await installDeck(db, smallDeck(1), { now: NOW, bundled: true });
		await answer(db, 'small|c0', 4, NOW, { scheduler });
		const learned = (await db.cards.get('small|c0'))!;
		const later = new Date(NOW.getTime() + 60_000);
		const { log } = await reset(db, 'small|c0', later, scheduler);
		expect(await db.cards.get('small|c0')).toMatchObject({ state: 0, reps: 0, lapses: 0 });
		expect(log).toMatchObject({ kind: 'forget', grade: 0 });
		expect((await rebuildFromHistory(db, scheduler, { repair: false })).differing).toEqual([]);
		await undoAnswer(db, log.id);
		expect(await db.cards.get('small|c0')).toEqual(learned);
	});
});

describe('check database', () => {
	it('repairs states and flags, keeps every log, and reports what it did', async () => {
		const { checkDatabase } = await import('$lib/storage/history');
		const db = freshDb();
		const scheduler = createScheduler();
		await installDeck(db, smallDeck(3), { now: NOW, bundled: true });
		await answer(db, 'small|c0', 3, NOW, { scheduler });
		const good = await db.cards.get('small|c0');
		await db.cards.update('small|c0', { reps: 7 }); // a torn or corrupted state
		await db.cards.update('small|c1', { suspended: 1 }); // flag written without `active`
		await db.reviewLogs.add({ ...(await db.reviewLogs.toArray())[0]!, id: 'x', uid: 'gone|c9' });
		const report = await checkDatabase(db, scheduler);
		expect(report).toMatchObject({ cards: 3, logs: 1, flagsFixed: 1, orphanLogs: 1 });
		expect(report.differing).toEqual(['small|c0']);
		expect(await db.cards.get('small|c0')).toEqual(good);
		expect((await db.cards.get('small|c1'))?.active).toBe(0);
		expect(await db.reviewLogs.count()).toBe(2);
		const again = await checkDatabase(db, scheduler);
		expect(again).toMatchObject({ differing: [], flagsFixed: 0 });
	});
});
