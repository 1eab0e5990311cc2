import { describe, expect, it } from 'vitest';
import { createSyncEngine } from '$lib/services/sync/engine';
import { installDeck, pickState, type ReviewLogRow, type StudyDb } from '$lib/storage';
import { applyRemoteDays, pendingReplays, replayPending } from '$lib/storage/sync';
import { DEFAULT_SETTINGS } from '$lib/storage/study-settings';
import { createScheduler } from '$lib/scheduler';
import { answer } from '../../fixtures/answers';
import { freshDb } from '../../fixtures/db';
import { NOW, smallDeck } from '../../fixtures/decks';
import { localPouch } from '../../fixtures/sync-server';

const scheduler = createScheduler(DEFAULT_SETTINGS.scheduler);
const DAY = 86_400_000;

async function device(): Promise<StudyDb> {
	const db = freshDb();
	await installDeck(db, smallDeck(4), { now: NOW, bundled: true });
	return db;
}

const states = async (db: StudyDb) =>
	(await db.cards.orderBy('uid').toArray()).map((c) => [c.uid, c.lastLogAt, pickState(c)]);

/** A phone that answered three cards on six days: its logs, as day documents would carry them. */
async function studiedPhone() {
	const phone = await device();
	for (let d = 0; d < 6; d++)
		for (const uid of ['small|c0', 'small|c1', 'small|c2'])
			await answer(phone, uid, d % 4 === 3 ? 1 : 3, new Date(NOW.getTime() + d * DAY), {
				scheduler
			});
	const logs = await phone.reviewLogs.orderBy('reviewedAt').toArray();
	const days = [0, 1, 2].map((part) => ({
		device: 'phone-0001',
		logs: logs.slice(part * 6, part * 6 + 6) as ReviewLogRow[],
		undone: []
	}));
	return { phone, days };
}

describe('cards changed by pulled logs are rebuilt once, after the logs', () => {
	it('three batches of one history: logs first, then each card replayed once to the phone’s state', async () => {
		const { phone, days } = await studiedPhone();
		const laptop = await device();
		const before = await states(laptop);
		for (const day of days) await applyRemoteDays(laptop, [day]);
		expect(await laptop.reviewLogs.count()).toBe(18);
		// Listed once each however many batches touched them; states wait for the rebuild.
		expect(await pendingReplays(laptop)).toBe(3);
		expect(await states(laptop)).toEqual(before);
		expect(await replayPending(laptop, scheduler)).toBe(3);
		expect(await pendingReplays(laptop)).toBe(0);
		expect(await states(laptop)).toEqual(await states(phone));
	});

	it('a device closed between the logs and the rebuild rebuilds the cards when sync starts again', async () => {
		const { phone, days } = await studiedPhone();
		const laptop = await device();
		await applyRemoteDays(laptop, days);
		// Sync starts again (nothing new to replicate): its first pull finishes the rebuild.
		const engine = createSyncEngine({
			db: laptop,
			local: localPouch(),
			remote: localPouch(),
			device: 'laptop-001',
			now: () => NOW
		});
		await engine.pull();
		expect(await pendingReplays(laptop)).toBe(0);
		expect(await states(laptop)).toEqual(await states(phone));
	});
});
