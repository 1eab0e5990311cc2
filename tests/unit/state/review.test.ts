import { describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { installDeck, undoAnswer, type StudyDb } from '$lib/storage';
import type { Grade } from '$lib/scheduler';
import { ReviewSession, type UndoEntry, type UndoStore } from '$lib/state';
import { freshDb } from '../../fixtures/db';
import { NOW, smallDeck } from '../../fixtures/decks';
import { answer } from '../../fixtures/answers';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

async function session(
	count = 3,
	options: {
		before?: (db: StudyDb) => Promise<unknown>;
		/** Follow writes from elsewhere, as the review page does. */
		watch?: boolean;
	} = {}
) {
	const db = freshDb();
	await installDeck(db, smallDeck(count), { now: NOW, bundled: true });
	await options.before?.(db);
	let now = NOW;
	const s = new ReviewSession(db, { clock: () => now });
	if (options.watch) s.watch();
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

	it('shows the next card before writing the answer, and counts it once written (issue 18)', async () => {
		const db = freshDb();
		await installDeck(db, smallDeck(3), { now: NOW, bundled: true });
		let painted = () => {};
		const s = new ReviewSession(db, {
			clock: () => NOW,
			// The page's paint, held until the test has looked at the screen.
			afterShow: () => new Promise<void>((resolve) => (painted = resolve))
		});
		await s.load();
		s.reveal();
		const rated = s.rate(3);
		await vi.waitFor(() => expect(s.current?.cardId).toBe('c1'));
		expect(await db.reviewLogs.count()).toBe(0);
		expect(s.answered).toBe(0);
		expect(s.saving).toBe(true);
		painted();
		await rated;
		expect(await db.reviewLogs.count()).toBe(1);
		expect(s.answered).toBe(1);
		expect(s.saving).toBe(false);
	});

	it('ignores a rating before the answer is shown', async () => {
		const { db, s } = await session();
		await s.rate(3);
		expect(await db.reviewLogs.count()).toBe(0);
	});

	it('keeps a card answered Again apart until its step is over, and counts it as later today', async () => {
		const { s } = await session(2);
		s.reveal();
		await s.rate(1);
		expect(s.current?.cardId).toBe('c1');
		expect(s.remaining).toBe(1);
		expect(s.laterToday).toBe(1);
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

// Issue 16: a 10-card deck answered all right was "done for today" in 10 seconds, each "Good · 10m"
// card asked again seconds later. A step means what it says, unless the learner asks.
describe('ReviewSession waiting for learning steps', () => {
	it('waits for cards on a 10-minute step instead of asking them again at once', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			const { db, s, advance } = await session(3);
			for (const id of ['c0', 'c1', 'c2']) expect(await rateShown(s, 3)).toBe(id);
			expect(s.status).toBe('done');
			expect(s.remaining).toBe(0);
			expect(s.laterToday).toBe(3);
			expect(s.wait).toEqual({ until: NOW.getTime() + 9 * MINUTE, count: 3 });
			advance(8 * MINUTE);
			await vi.advanceTimersByTimeAsync(8 * MINUTE);
			expect(s.status).toBe('done');
			expect(await db.reviewLogs.count()).toBe(3);
			advance(MINUTE);
			await vi.advanceTimersByTimeAsync(MINUTE);
			await vi.waitFor(() => expect(s.status).toBe('studying'));
			expect(s.current?.cardId).toBe('c0');
			expect(s.remaining).toBe(3);
			expect(s.laterToday).toBe(0);
			s.close();
		} finally {
			vi.useRealTimers();
		}
	});

	it('asks the waiting cards at once when the learner chooses to study ahead, each once', async () => {
		const { s } = await session(2);
		await rateShown(s, 3);
		await rateShown(s, 1);
		expect(s.wait?.count).toBe(2);
		await s.studyAhead();
		expect(s.status).toBe('studying');
		expect(s.wait).toBeUndefined();
		// Soonest due first: c1 (Again, 1 minute) before c0 (Good, 10 minutes).
		expect(s.current?.cardId).toBe('c1');
		expect(s.remaining).toBe(2);
		expect(s.laterToday).toBe(0);
		expect(await rateShown(s, 3)).toBe('c1'); // now on its 10-minute step: it waits again
		expect(s.current?.cardId).toBe('c0');
		expect(await rateShown(s, 3)).toBe('c0'); // graduates
		expect(s.status).toBe('done');
		expect(s.wait?.count).toBe(1);
		expect(s.laterToday).toBe(1);
	});
});

// The queue is read again only when something can have changed it, not every few answers (a read
// costs more than a frame on a slow phone and delayed the next card): these say what still must
// come in.
describe('ReviewSession reading its queue again', () => {
	it('brings back a learning card answered here once its step is over', async () => {
		const { s, advance } = await session(5);
		expect(await rateShown(s, 1)).toBe('c0'); // due again in a minute: not in the queue yet
		expect(s.remaining).toBe(4);
		advance(2 * MINUTE);
		expect(await rateShown(s, 3)).toBe('c1');
		// c0 came due meanwhile: it comes right after the card already on screen.
		expect(s.current?.cardId).toBe('c2');
		expect(await rateShown(s, 4)).toBe('c2');
		expect(s.current?.cardId).toBe('c0');
	});

	it('brings in a learning card from an earlier session only when its step is over', async () => {
		const { s, advance } = await session(5, {
			before: (db) => answer(db, 'small|c4', 3, NOW) // Good: due in ten minutes
		});
		expect(s.remaining).toBe(4);
		expect(s.laterToday).toBe(1);
		expect(await rateShown(s, 4)).toBe('c0');
		advance(8 * MINUTE);
		expect(await rateShown(s, 4)).toBe('c1');
		expect(s.remaining).toBe(2);
		advance(MINUTE);
		expect(await rateShown(s, 4)).toBe('c2');
		// Nine minutes on, c4 is ready: it comes after the card already on screen.
		expect(s.current?.cardId).toBe('c3');
		expect(s.remaining).toBe(2);
		expect(s.laterToday).toBe(0);
		await rateShown(s, 4);
		expect(s.current?.cardId).toBe('c4');
	});

	it('wakes from the done screen by itself when a learning card comes due', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			const { s, advance } = await session(1);
			expect(await rateShown(s, 1)).toBe('c0'); // Again: back in a minute
			expect(s.status).toBe('done');
			expect(s.wait).toEqual({ until: NOW.getTime() + 54_000, count: 1 });
			advance(30_000);
			await vi.advanceTimersByTimeAsync(30_000);
			expect(s.status).toBe('done');
			advance(31_000);
			await vi.advanceTimersByTimeAsync(31_000);
			await vi.waitFor(() => expect(s.status).toBe('studying'));
			expect(s.current?.cardId).toBe('c0');
			expect(s.wait).toBeUndefined();
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

describe('ReviewSession when another tab upgrades the database', () => {
	it('leaves the reload banner as the one message, writes nothing and keeps the card', async () => {
		const { appStatus } = await import('$lib/state/app.svelte');
		appStatus.reloadNeeded = undefined;
		const { db, s } = await session(2);
		s.reveal();
		// What the versionchange handler does: close this tab's connection.
		db.close();
		await s.rate(3);
		expect(s.status).toBe('studying');
		expect(s.error).toBeUndefined();
		expect(s.current?.cardId).toBe('c0');
		expect(appStatus.reloadNeeded).toMatch(/Reload to keep studying/);
		await db.open();
		expect(await db.reviewLogs.count()).toBe(0);
		appStatus.reloadNeeded = undefined;
	});

	it('still reports any other failure as an error', async () => {
		const { db, s } = await session(2);
		s.reveal();
		db.reviewLogs.add = (() =>
			Promise.reject(new Error('disk on fire'))) as unknown as typeof db.reviewLogs.add;
		await s.rate(3);
		expect(s.status).toBe('error');
		expect(s.error).toBe('disk on fire');
	});
});

/** Answers every card left with Easy and returns their ids in the order shown. */
async function drain(s: ReviewSession): Promise<(string | undefined)[]> {
	const shown: (string | undefined)[] = [];
	for (let i = 0; i < 30 && s.current; i++) shown.push(await rateShown(s, 4));
	return shown;
}

describe('ReviewSession undo (issue 13: undo showed the card twice)', () => {
	it('takes back an answer still being saved when Undo is pressed at once, and shows that card once', async () => {
		const { db, s } = await session(3);
		const before = await db.cards.get('small|c0');
		s.reveal();
		const rated = s.rate(3); // c1 is painted while c0's answer is written
		await s.undo(); // it used to be dropped while the answer was being saved
		await rated;
		expect(await db.reviewLogs.count()).toBe(0);
		expect(await db.cards.get('small|c0')).toEqual(before);
		expect(s.current?.cardId).toBe('c0');
		expect(s.remaining).toBe(3);
		expect(await drain(s)).toEqual(['c0', 'c1', 'c2']);
	});

	it('shows the undone card once, also after a write from another tab', async () => {
		const { db, s } = await session(5, { watch: true });
		expect(await rateShown(s, 1)).toBe('c0'); // Again: c0 waits at the back of the queue
		await answer(db, 'small|c3', 4, NOW); // another tab
		await s.undo();
		await vi.waitFor(() => expect(s.notice).toBe('Answer undone.'));
		expect(s.current?.cardId).toBe('c0');
		expect(await drain(s)).toEqual(['c0', 'c1', 'c2', 'c4']);
		s.close();
	});
});

/** An undo store in memory, standing in for the tab's sessionStorage across a reload. */
function memoryStore(): UndoStore & { saved: Map<string, UndoEntry[]> } {
	const saved = new Map<string, UndoEntry[]>();
	return {
		saved,
		read: (key) => saved.get(key) ?? [],
		write: (key, entries) => void saved.set(key, entries)
	};
}

describe('ReviewSession counter (issue 13: "0 / 20" grew to "24 / 42" and reset on reload)', () => {
	it('counts the answers given today in its scope from the log, so a reload keeps them', async () => {
		const { db } = await session(3);
		await installDeck(db, smallDeck(2, 1, 'other'), { now: NOW, bundled: true });
		const s = new ReviewSession(db, { clock: () => NOW, deckId: 'small' });
		await s.load();
		expect(s.answeredToday).toBe(0);
		await answer(db, 'other|c0', 4, NOW); // another deck, answered elsewhere
		expect(await rateShown(s, 1)).toBe('c0'); // Again: answered, and back later today
		expect(s.answeredToday).toBe(1);
		expect(s.remaining).toBe(2);
		expect(s.laterToday).toBe(1);
		expect(await rateShown(s, 4)).toBe('c1');
		expect(s.answeredToday).toBe(2);
		expect(s.remaining).toBe(1);
		expect(s.progress).toBe(0.5); // 2 answered, 1 left, 1 later today
		// The page is reloaded: a new session over the same data, for this deck and for all decks.
		const deck = new ReviewSession(db, { clock: () => NOW, deckId: 'small' });
		await deck.load();
		expect(deck.answeredToday).toBe(2);
		expect(deck.remaining).toBe(1);
		expect(deck.laterToday).toBe(1);
		const all = new ReviewSession(db, { clock: () => NOW });
		await all.load();
		expect(all.answeredToday).toBe(3);
		// The next study day starts from nothing.
		const tomorrow = new ReviewSession(db, { clock: () => new Date(NOW.getTime() + DAY) });
		await tomorrow.load();
		expect(tomorrow.answeredToday).toBe(0);
	});
});

describe('ReviewSession undo across a reload (issue 13: Undo was disabled after a reload)', () => {
	async function answeredThenReloaded(store: UndoStore, clock = () => NOW) {
		const { db, s } = await session(3);
		const before = await db.cards.toArray();
		const first = new ReviewSession(db, { clock: () => NOW, undoStore: store });
		s.close();
		await first.load();
		expect(await rateShown(first, 3)).toBe('c0');
		expect(await rateShown(first, 1)).toBe('c1');
		first.close();
		const reloaded = new ReviewSession(db, { clock, undoStore: store });
		await reloaded.load();
		return { db, before, reloaded };
	}

	it('keeps Undo for the answers of the session, restoring each card exactly', async () => {
		const { db, before, reloaded } = await answeredThenReloaded(memoryStore());
		expect(reloaded.canUndo).toBe(true);
		expect(reloaded.answeredToday).toBe(2);
		await reloaded.undo();
		expect(reloaded.current?.cardId).toBe('c1');
		expect(reloaded.answeredToday).toBe(1);
		await reloaded.undo();
		expect(reloaded.current?.cardId).toBe('c0');
		expect(reloaded.canUndo).toBe(false);
		expect(await db.cards.toArray()).toEqual(before);
		expect(await db.reviewLogs.count()).toBe(0);
	});

	it('drops an answer already taken back elsewhere, and starts a new study day with none', async () => {
		const store = memoryStore();
		const { db, reloaded } = await answeredThenReloaded(store);
		const [key] = [...store.saved.keys()];
		const last = store.saved.get(key ?? '')?.at(-1);
		// Another tab of the same session took back c1's answer before this reload.
		await undoAnswer(db, last?.logId ?? '');
		const again = new ReviewSession(db, { clock: () => NOW, undoStore: store });
		await again.load();
		await again.undo();
		expect(again.current?.cardId).toBe('c0');
		expect(again.canUndo).toBe(false);
		expect(await db.reviewLogs.count()).toBe(0);
		expect(reloaded.canUndo).toBe(true); // the older page still lists it, and would refuse it
		const next = await answeredThenReloaded(memoryStore(), () => new Date(NOW.getTime() + DAY));
		expect(next.reloaded.canUndo).toBe(false);
	});

	it('says so, instead of failing, when an answer on its list was taken back in another tab', async () => {
		const store = memoryStore();
		const { db, reloaded } = await answeredThenReloaded(store);
		const last = [...store.saved.values()][0]?.at(-1);
		await undoAnswer(db, last?.logId ?? '');
		await reloaded.undo();
		expect(reloaded.status).toBe('studying');
		expect(reloaded.notice).toMatch(/cannot be undone here/);
		await reloaded.undo();
		expect(reloaded.current?.cardId).toBe('c0');
		expect(await db.reviewLogs.count()).toBe(0);
	});
});
