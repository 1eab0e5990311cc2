import { afterEach, describe, expect, it, vi } from 'vitest';
import { installDeck, type ReviewLogRow, type StudyDb } from '$lib/storage';
import { validateDeck } from '$lib/deck';
import { createScheduler, type Grade } from '$lib/scheduler';
import { replayCard } from '$lib/storage/history';
import { loadSettings, saveSettings, DEFAULT_SETTINGS } from '$lib/storage/study-settings';
import {
	assessDeck,
	exportBackup,
	exportBackupFile,
	exportDeck,
	importDeck,
	mergeBackup
} from '$lib/storage/transfer';
import { prepareBackup } from '$lib/transfer';
import { LOCAL_SETTINGS } from '$lib/transfer/backup';
import { fetchText } from '$lib/services/fetch-text';
import { freshDb } from '../../fixtures/db';
import { NOW, smallDeck } from '../../fixtures/decks';
import { answer as answerWith } from '../../fixtures/answers';

const scheduler = createScheduler();
const HOUR = 3_600_000;

/** Answers `uid` with `grade` at `at`, as the review session does (fuzz on, seeded per card). */
const answer = (db: StudyDb, uid: string, grade: Grade, at: Date, logId?: string) =>
	answerWith(db, uid, grade, at, { scheduler, ...(logId ? { logId } : {}) });

/** Everything in the database, in a stable order: to compare two databases or two moments. */
async function dump(db: StudyDb) {
	const byKey =
		<T>(key: (row: T) => string) =>
		(a: T, b: T) =>
			key(a) < key(b) ? -1 : 1;
	return {
		decks: (await db.decks.toArray()).sort(byKey((d) => d.id)),
		cards: (await db.cards.toArray()).sort(byKey((c) => c.uid)),
		logs: (await db.reviewLogs.toArray()).sort(byKey((l) => l.id)),
		settings: (await db.settings.toArray()).sort(byKey((s) => s.key))
	};
}

/** A device that installed the small deck and answered `count` cards from `first`, `hours` apart. */
async function device(first: number, count: number, start: Date, tag: string) {
	const db = freshDb();
	await installDeck(db, smallDeck(20), { now: NOW, bundled: true });
	let t = start.getTime();
	for (let round = 0; round < 3; round++)
		for (let i = first; i < first + count; i++) {
			t += HOUR;
			const grade = (((i + round) % 4) + 1) as Grade;
			await answer(db, `small|c${i}`, grade, new Date(t), `${tag}-${round}-${i}`);
		}
	return db;
}

describe('assessDeck and importDeck', () => {
	it('installs a new deck as imported, remembering its link, with progress', async () => {
		const db = freshDb();
		const deck = smallDeck(1200, 1, 'big');
		expect(await assessDeck(db, deck, false)).toMatchObject({ verdict: 'new', ok: true });
		const seen: number[] = [];
		const report = await importDeck(db, deck, {
			now: NOW,
			named: false,
			sourceUrl: 'https://example.org/big.json',
			onProgress: (done) => seen.push(done)
		});
		expect(report).toMatchObject({ added: 1200, version: 1 });
		// Slices are sized by time (see sliced-writes): several steps, rising, ending at all 1200.
		expect(seen.length).toBeGreaterThan(2);
		expect(seen).toEqual([...seen].sort((a, b) => a - b));
		expect(seen.at(-1)).toBe(1200);
		expect(await db.decks.get('big')).toMatchObject({
			bundled: false,
			sourceUrl: 'https://example.org/big.json'
		});
	});

	it('updates to a newer version and keeps progress; refuses the same or an older one', async () => {
		const db = freshDb();
		await importDeck(db, smallDeck(3, 2), { now: NOW, named: false });
		await answer(db, 'small|c0', 4, NOW);
		const learned = await db.cards.get('small|c0');
		for (const version of [1, 2]) {
			const verdict = await assessDeck(db, smallDeck(3, version), false);
			expect(verdict).toMatchObject({ ok: false, verdict: version === 2 ? 'same' : 'older' });
			await expect(
				importDeck(db, smallDeck(3, version), { now: NOW, named: false })
			).rejects.toThrow(verdict.message);
		}
		const v3 = { ...smallDeck(3, 3), cards: smallDeck(4).cards.slice(1) };
		expect(await assessDeck(db, v3, false)).toMatchObject({
			verdict: 'update',
			known: 2,
			retiring: 1
		});
		const report = await importDeck(db, v3, {
			now: NOW,
			named: false,
			sourceUrl: 'https://example.org/small.json'
		});
		expect(report).toMatchObject({ added: 1, retired: 1, version: 3 });
		expect(await db.cards.get('small|c0')).toMatchObject({ ...learned, retired: 1, active: 0 });
		// An update from a file keeps the link the deck came from.
		await importDeck(db, smallDeck(3, 4), { now: NOW, named: false });
		expect((await db.decks.get('small'))?.sourceUrl).toBe('https://example.org/small.json');
	});

	it('replaces a deck that came with the app only by a newer version of itself', async () => {
		const db = freshDb();
		await installDeck(db, smallDeck(3, 2), { now: NOW, bundled: true });
		const before = await dump(db);
		expect(await assessDeck(db, smallDeck(3, 2), false)).toMatchObject({ ok: false });
		// A text import naming itself like a bundled deck is someone else's deck: refused.
		const named = await assessDeck(db, smallDeck(3, 1), true);
		expect(named).toMatchObject({ ok: false, verdict: 'taken' });
		expect(named.message).toMatch(/came with the app/);
		await expect(importDeck(db, smallDeck(3, 1), { now: NOW, named: true })).rejects.toThrow();
		expect(await dump(db)).toEqual(before);
		await importDeck(db, smallDeck(4, 3), { now: NOW, named: false });
		expect(await db.decks.get('small')).toMatchObject({ version: 3, bundled: true, cardCount: 4 });
	});

	it('counts a re-imported text deck up from the installed version', async () => {
		const db = freshDb();
		expect((await importDeck(db, smallDeck(2), { now: NOW, named: true })).version).toBe(1);
		const again = await importDeck(db, smallDeck(3), { now: NOW, named: true });
		expect(again).toMatchObject({ version: 2, added: 1, unchanged: 2 });
	});
});

describe('exportDeck', () => {
	it('gives back the installed deck as a valid compiled deck, without retired cards', async () => {
		const db = freshDb();
		const deck = { ...smallDeck(3, 2), description: 'Three cards', source: { title: 'Notes' } };
		await importDeck(db, deck, { now: NOW, named: false });
		expect(await exportDeck(db, 'small')).toEqual(deck);
		await importDeck(db, smallDeck(2, 3), { now: NOW, named: false });
		const exported = await exportDeck(db, 'small');
		expect(exported.cards.map((c) => c.id)).toEqual(['c0', 'c1']);
		expect(validateDeck(exported).ok).toBe(true);
	});
});

describe('backup', () => {
	it('export, wipe, import: the same decks, cards, states, logs and settings', async () => {
		const db = await device(0, 10, NOW, 'a');
		await saveSettings(db, { ...DEFAULT_SETTINGS, newPerDay: 7 });
		const backup = await exportBackup(db, NOW);
		// Through JSON and the checker, as a file would go.
		const read = prepareBackup(JSON.stringify(backup), 'backup.json');
		if (!read.ok) throw new Error(JSON.stringify(read.errors));
		const wiped = freshDb();
		const report = await mergeBackup(wiped, read.backup);
		expect(report).toMatchObject({
			decksAdded: 1,
			cardsAdded: 20,
			logsAdded: 30,
			logsKnown: 0,
			cardsReplayed: 10,
			settingsRestored: 1
		});
		const [was, is] = [await dump(db), await dump(wiped)];
		expect(is.decks).toEqual(was.decks);
		expect(is.cards).toEqual(was.cards);
		expect(is.logs).toEqual(was.logs);
		// This device's own keys (the revision counter, home's kept deck trees) are not in a backup.
		const shared = (rows: { key: string }[]) => rows.filter((s) => !LOCAL_SETTINGS.has(s.key));
		expect(shared(is.settings)).toEqual(shared(was.settings));
		expect((await loadSettings(wiped)).newPerDay).toBe(7);
	});

	it('writes the file page by page: the same text as the whole backup as JSON', async () => {
		const db = await device(0, 10, NOW, 'a');
		await installDeck(db, smallDeck(5, 1, 'other'), { now: NOW, bundled: false });
		await saveSettings(db, { ...DEFAULT_SETTINGS, newPerDay: 7 });
		const whole = JSON.stringify(await exportBackup(db, NOW));
		for (const pageSize of [1, 7, 25, 2000]) {
			const file = await exportBackupFile(db, NOW, pageSize);
			expect(file.parts.join('')).toBe(whole);
			expect(file).toMatchObject({ decks: 2, cards: 25, logs: 30 });
		}
		const empty = await exportBackupFile(freshDb(), NOW, 3);
		expect(empty.parts.join('')).toBe(JSON.stringify(await exportBackup(freshDb(), NOW)));
	});

	it('importing the same backup twice changes nothing the second time', async () => {
		const db = await device(0, 10, NOW, 'a');
		const backup = await exportBackup(db, NOW);
		const other = freshDb();
		await mergeBackup(other, backup);
		const once = await dump(other);
		const report = await mergeBackup(other, backup);
		expect(report).toEqual({
			decksAdded: 0,
			cardsAdded: 0,
			logsAdded: 0,
			logsKnown: 30,
			cardsReplayed: 0,
			settingsRestored: 0,
			actionsAdded: 0
		});
		expect(await dump(other)).toEqual(once);
		// Merging a device's own backup into itself is a no-op too.
		const own = await dump(db);
		await mergeBackup(db, backup);
		expect(await dump(db)).toEqual(own);
	});

	it('merging two devices loses no answer, and each state is the replay of the merged history', async () => {
		// Two phones with the same deck: each answered some cards (five of them on both), at other times.
		const a = await device(0, 10, NOW, 'a');
		const b = await device(5, 10, new Date(NOW.getTime() + 30 * 60_000), 'b');
		const [fromA, fromB] = [await exportBackup(a, NOW), await exportBackup(b, NOW)];
		const reportA = await mergeBackup(a, fromB);
		const reportB = await mergeBackup(b, fromA);
		expect(reportA).toMatchObject({ logsAdded: 30, logsKnown: 0, cardsReplayed: 10 });
		expect(reportB).toMatchObject({ logsAdded: 30, logsKnown: 0, cardsReplayed: 10 });
		const [dumpA, dumpB] = [await dump(a), await dump(b)];
		expect(dumpA.logs).toHaveLength(60);
		expect(dumpA.logs).toEqual(dumpB.logs);
		expect(new Set(dumpA.logs.map((l) => l.id))).toEqual(
			new Set([...fromA.reviewLogs, ...fromB.reviewLogs].map((l) => l.id))
		);
		// Both devices agree on every card, and every card is what its merged history replays to.
		const states = (cards: typeof dumpA.cards) =>
			cards.map(({ uid, due, stability, difficulty, reps, lapses, state, last_review }) => ({
				uid,
				due,
				stability,
				difficulty,
				reps,
				lapses,
				state,
				last_review
			}));
		expect(states(dumpA.cards)).toEqual(states(dumpB.cards));
		for (const card of dumpA.cards) {
			const logs = dumpA.logs
				.filter((l) => l.uid === card.uid)
				.sort((x: ReviewLogRow, y: ReviewLogRow) => x.reviewedAt - y.reviewedAt);
			expect(card).toMatchObject(replayCard(card, logs, scheduler));
			expect(card.lastLogAt).toBe(logs.at(-1)?.reviewedAt ?? 0);
		}
		// Cards 5–9 were answered on both phones: six answers each, interleaved in time.
		const shared = dumpA.cards.find((c) => c.uid === 'small|c7');
		expect(shared?.reps).toBe(6);
	});

	it('a card answered here while the merge replays it ends as the replay of all its logs (issue 18)', async () => {
		const a = await device(0, 4, NOW, 'a');
		const b = await device(0, 4, new Date(NOW.getTime() + 30 * 60_000), 'b');
		const fromB = await exportBackup(b, NOW);
		const later = new Date(NOW.getTime() + 48 * HOUR);
		let answered = false;
		const report = await mergeBackup(a, fromB, {
			// Another tab answers a card of this chunk after it was read and replayed, before its write.
			beforeWrite: async () => {
				if (answered) return;
				answered = true;
				await answer(a, 'small|c2', 3, later, 'a-tab');
			}
		});
		expect(report).toMatchObject({ logsAdded: 12, cardsReplayed: 4 });
		const card = await a.cards.get('small|c2');
		const logs = (await a.reviewLogs.where('uid').equals('small|c2').toArray()).sort(
			(x, y) => x.reviewedAt - y.reviewedAt
		);
		expect(logs.map((l) => l.id)).toContain('a-tab');
		expect(logs).toHaveLength(7);
		expect(card).toMatchObject(replayCard(card!, logs, scheduler));
		expect(card?.lastLogAt).toBe(later.getTime());
	});

	it('writes nothing when the backup does not pass the checker', async () => {
		const db = await device(0, 2, NOW, 'a');
		const backup = JSON.parse(JSON.stringify(await exportBackup(db, NOW)));
		backup.reviewLogs[0].grade = 9;
		const read = prepareBackup(JSON.stringify(backup));
		expect(read.ok).toBe(false);
		// The page only merges what the checker accepted; there is nothing else to write.
		expect(read.ok ? [] : read.errors.map((e) => e.path)).toEqual(['reviewLogs[0].grade']);
	});
});

describe('fetchText', () => {
	const respond = (body: string, headers: Record<string, string> = {}) =>
		vi.fn(async () => new Response(body, { status: 200, headers }));

	afterEach(() => vi.unstubAllGlobals());

	it('reads a file within the limit', async () => {
		vi.stubGlobal('fetch', respond('{"id":"x"}'));
		expect(await fetchText(new URL('https://example.org/d.json'), 100)).toBe('{"id":"x"}');
	});

	it('refuses a file over the limit, by its declared length or as it streams', async () => {
		vi.stubGlobal('fetch', respond('x'.repeat(10), { 'content-length': '1000' }));
		await expect(fetchText(new URL('https://example.org/d.json'), 100)).rejects.toThrow(
			'larger than 100 bytes'
		);
		vi.stubGlobal('fetch', respond('x'.repeat(1000)));
		await expect(fetchText(new URL('https://example.org/d.json'), 100)).rejects.toThrow(
			'larger than 100 bytes'
		);
	});

	it('says what went wrong with the network or the server', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => {
				throw new TypeError('Failed to fetch');
			})
		);
		await expect(fetchText(new URL('https://example.org/d.json'), 100)).rejects.toThrow(
			/offline, or the site does not let other apps read the file/
		);
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => new Response('', { status: 404, statusText: 'Not Found' }))
		);
		await expect(fetchText(new URL('https://example.org/d.json'), 100)).rejects.toThrow(
			'the server answered 404 Not Found'
		);
	});
});
