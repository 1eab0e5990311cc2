import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { installDeck } from '$lib/storage';
import { ReviewSession } from '$lib/state';
import { freshDb } from '../../fixtures/db';
import { NOW, smallDeck } from '../../fixtures/decks';

async function session(count = 3) {
	const db = freshDb();
	await installDeck(db, smallDeck(count), { now: NOW, bundled: true });
	let now = NOW;
	const s = new ReviewSession(db, { clock: () => now });
	await s.load();
	return { db, s, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('ReviewSession', () => {
	it('shows due cards one at a time, with an interval on each rating', async () => {
		const { s } = await session();
		expect(s.status).toBe('studying');
		expect(s.current?.cardId).toBe('c0');
		expect(s.remaining).toBe(3);
		s.reveal();
		expect(s.choices.map((c) => `${c.name} · ${c.interval}`)).toEqual([
			'Again · 1m',
			'Hard · 6m',
			'Good · 10m',
			expect.stringMatching(/^Easy · \d+d$/)
		]);
	});

	it('records an answer and moves on; Easy removes the card for today', async () => {
		const { db, s } = await session();
		s.reveal();
		await s.rate(4);
		flushSync();
		expect(s.answered).toBe(1);
		expect(s.current?.cardId).toBe('c1');
		expect(s.remaining).toBe(2);
		expect(await db.reviewLogs.count()).toBe(1);
	});

	it('ignores a rating before the answer is shown', async () => {
		const { db, s } = await session();
		await s.rate(3);
		expect(await db.reviewLogs.count()).toBe(0);
	});

	it('brings a card answered Again back after the others', async () => {
		const { s } = await session(2);
		s.reveal();
		await s.rate(1);
		expect(s.current?.cardId).toBe('c1');
		expect(s.remaining).toBe(2);
	});

	it('says when the next card is due once everything is done', async () => {
		const { s } = await session(2);
		for (let i = 0; i < 2; i++) {
			s.reveal();
			await s.rate(4);
		}
		expect(s.status).toBe('done');
		expect(s.nextDue?.getTime()).toBeGreaterThan(NOW.getTime());
	});

	it('undoes the last answers, several levels deep', async () => {
		const { db, s, advance } = await session(2);
		const before = await db.cards.toArray();
		s.reveal();
		await s.rate(4);
		advance(5000);
		s.reveal();
		await s.rate(4);
		expect(s.status).toBe('done');
		await s.undo();
		expect(s.status).toBe('studying');
		expect(s.current?.cardId).toBe('c1');
		await s.undo();
		expect(s.current?.cardId).toBe('c0');
		expect(s.canUndo).toBe(false);
		expect(await db.cards.toArray()).toEqual(before);
		expect(await db.reviewLogs.count()).toBe(0);
	});

	it('refuses a stale answer from a second session and says so', async () => {
		const { db, s } = await session(1);
		const other = new ReviewSession(db, { clock: () => NOW });
		await other.load();
		s.reveal();
		await s.rate(3);
		other.reveal();
		await other.rate(3);
		expect(other.notice).toMatch(/already answered/);
		expect(await db.reviewLogs.count()).toBe(1);
	});
});

describe('ReviewSession when storage is full', () => {
	it('says so, saves nothing half-way, keeps the card, and recovers when space returns', async () => {
		const { appStatus } = await import('$lib/state');
		const { db, s } = await session(2);
		s.reveal();
		const add = db.reviewLogs.add.bind(db.reviewLogs);
		db.reviewLogs.add = (() =>
			Promise.reject(
				new DOMException('The quota has been exceeded.', 'QuotaExceededError')
			)) as unknown as typeof db.reviewLogs.add;
		const before = await db.cards.toArray();
		await s.rate(3);
		expect(s.status).toBe('studying');
		expect(s.notice).toMatch(/Storage on this device is full/);
		expect(appStatus.storageFull).toBe(true);
		expect(s.current?.cardId).toBe('c0');
		expect(await db.cards.toArray()).toEqual(before);
		expect(await db.reviewLogs.count()).toBe(0);
		db.reviewLogs.add = add;
		await s.rate(3);
		expect(appStatus.storageFull).toBe(false);
		expect(await db.reviewLogs.count()).toBe(1);
	});
});
