import { describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { installDeck, type StudyDb } from '$lib/storage';
import type { Grade } from '$lib/scheduler';
import { ReviewSession } from '$lib/state';
import { DEFAULT_SETTINGS, saveSettings } from '$lib/storage/study-settings';
import { freshDb } from '../../fixtures/db';
import { NOW, smallDeck } from '../../fixtures/decks';
import { answer } from '../../fixtures/answers';

const MINUTE = 60_000;

async function session(
	count = 3,
	options: { learnAheadMinutes?: number; before?: (db: StudyDb) => Promise<unknown> } = {}
) {
	const db = freshDb();
	await installDeck(db, smallDeck(count), { now: NOW, bundled: true });
	if (options.learnAheadMinutes !== undefined)
		await saveSettings(db, { ...DEFAULT_SETTINGS, learnAheadMinutes: options.learnAheadMinutes });
	await options.before?.(db);
	let now = NOW;
	const s = new ReviewSession(db, { clock: () => now });
	await s.load();
	return { db, s, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

/** Reveals the card on screen and rates it; returns its card id. */
async function rateShown(s: ReviewSession, grade: Grade): Promise<string | undefined> {
	const id = s.current?.cardId;
	s.reveal();
	await s.rate(grade);
	return id;
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

// The queue is read again only when something can have changed it, not every few answers (a read
// costs more than a frame on a slow phone and delayed the next card): these say what still must
// come in.
describe('ReviewSession reading its queue again', () => {
	it('brings back a learning card answered here once it is due, outside the learn-ahead window', async () => {
		const { s, advance } = await session(5, { learnAheadMinutes: 0 });
		expect(await rateShown(s, 1)).toBe('c0'); // due again in a minute: not in the queue yet
		expect(s.remaining).toBe(4);
		advance(2 * MINUTE);
		expect(await rateShown(s, 3)).toBe('c1');
		// c0 came due meanwhile: it comes right after the card already on screen.
		expect(s.current?.cardId).toBe('c2');
		expect(await rateShown(s, 4)).toBe('c2');
		expect(s.current?.cardId).toBe('c0');
	});

	it('brings in a learning card from an earlier session once it comes within the window', async () => {
		const { s, advance } = await session(5, {
			learnAheadMinutes: 5,
			before: (db) => answer(db, 'small|c4', 3, NOW) // due in ten minutes
		});
		expect(s.remaining).toBe(4);
		expect(await rateShown(s, 4)).toBe('c0');
		expect(s.remaining).toBe(3);
		advance(6 * MINUTE);
		expect(await rateShown(s, 4)).toBe('c1');
		// c4 is due within five minutes now: it waits behind the others, as learn-ahead cards do.
		expect(s.remaining).toBe(3);
		await rateShown(s, 4);
		await rateShown(s, 4);
		expect(s.current?.cardId).toBe('c4');
	});

	it('wakes from the done screen by itself when a learning card comes due', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			const { s, advance } = await session(1, { learnAheadMinutes: 0 });
			expect(await rateShown(s, 1)).toBe('c0'); // Again: back in a minute
			expect(s.status).toBe('done');
			expect(s.nextDue?.getTime()).toBe(NOW.getTime() + MINUTE);
			advance(30_000);
			await vi.advanceTimersByTimeAsync(30_000);
			expect(s.status).toBe('done');
			advance(31_000);
			await vi.advanceTimersByTimeAsync(31_000);
			await vi.waitFor(() => expect(s.status).toBe('studying'));
			expect(s.current?.cardId).toBe('c0');
			// Closed (the learner left the page): no wake-up is left behind.
			s.reveal();
			await s.rate(1);
			expect(s.status).toBe('done');
			s.close();
			expect(vi.getTimerCount()).toBe(0);
		} finally {
			vi.useRealTimers();
		}
	});

	it('reads it again when the study day ends: a buried card comes back', async () => {
		const { s, advance } = await session(5);
		await s.act('bury');
		expect(s.current?.cardId).toBe('c1');
		advance(24 * 60 * MINUTE);
		expect(await rateShown(s, 4)).toBe('c1');
		expect(s.current?.cardId).toBe('c2');
		expect(s.remaining).toBe(4);
		expect(await rateShown(s, 4)).toBe('c2');
		expect(s.current?.cardId).toBe('c0');
	});

	it('follows a write made elsewhere while it was answering', async () => {
		const { db, s } = await session(5);
		await answer(db, 'small|c3', 4, NOW); // another tab: c3 is done for today
		await rateShown(s, 4);
		expect(s.remaining).toBe(3);
		const left: (string | undefined)[] = [];
		while (s.current) left.push(await rateShown(s, 4));
		expect(left).toEqual(['c1', 'c2', 'c4']);
	});

	it('does not read the queue again while nothing changed it', async () => {
		const { db, s } = await session(20);
		const reads = vi.spyOn(db.reviewLogs, 'where');
		for (let i = 0; i < 15; i++) await rateShown(s, i % 2 ? 4 : 3);
		expect(s.answered).toBe(15);
		// Building a queue reads today's answers; answering never does.
		expect(reads).not.toHaveBeenCalled();
	});
});

describe('ReviewSession when storage is full', () => {
	it('says so, saves nothing half-way, keeps the card, and recovers when space returns', async () => {
		const { appStatus } = await import('$lib/state/app.svelte');
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
