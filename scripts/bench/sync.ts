/**
 * `npm run bench:sync`: sync in Node on fake-indexeddb against the CouchDB-protocol test server,
 * started in its own process on 127.0.0.1 (the engine the app runs, its replica on PouchDB's memory
 * adapter instead of IndexedDB; both devices in this process, one at a time busy). Measures:
 * - the first sync of a 10,000-card / 60,000-answer history to a new device, as a ratio to
 *   restoring the same history from a backup file (check and merge) on the same kind of device;
 * - documents replicated per 10,000 answers;
 * - the time for one answer to reach the other device (loopback; target <= 2 s), pushed as the app
 *   paces it (`push-pacer.ts`);
 * - answer-to-next-queue p95 with sync running vs off, as a ratio, in alternating blocks.
 * The machine is shared: the ratios are the figures to read. Not part of `npm test`.
 * ANSWERS (default 60000) and CARDS (10000) change the collection; PARTS=answer measures only the
 * answer path (BLOCK answers per block, default 33); PARTS=page measures the answer path in the
 * app in Chromium, sync on and off (`sync-page.ts`).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import {
	StudyDb,
	answerCard,
	buildQueue,
	installDeck,
	pickState,
	recordAnswer,
	stateToRow,
	type CardRow,
	type ReviewLogRow
} from '$lib/storage';
import { exportBackupFile, mergeBackup } from '$lib/storage/transfer';
import { pendingReplays } from '$lib/storage/sync';
import { prepareBackup } from '$lib/transfer';
import { createScheduler, studyDayEnd, studyDayStart } from '$lib/scheduler';
import type { Deck } from '$lib/deck';
import { createSyncEngine, type SyncEngine } from '$lib/services/sync/engine';
import { createPushPacer, type PushPacer } from '$lib/services/sync/push-pacer';
import type { Pouch } from '$lib/services/sync/pouch';
import { spawnSyncServer } from './sync-server';
import { PouchDB } from '../sync/server';
import { answerHistory } from './history';
import { userDbName } from '../sync/users';

/**
 * `answer` measures only the answer path with sync on and off (no first sync, no restore); `page`
 * measures it in the real app in Chromium instead (`sync-page.ts`), and nothing else.
 */
const PARTS = process.env.PARTS ?? 'all';
if (PARTS === 'page') {
	await import('./sync-page');
	process.exit(0);
}
const CARDS = Number(process.env.CARDS ?? 10_000);
/** Answers per block of the answer-path measure (eight blocks, four with sync on). */
const BLOCK = Number(process.env.BLOCK ?? 33);
/** Node has no idle callback: the next turn of the event loop stands in for the browser's. */
const nodeIdle = () => new Promise<void>((resolve) => setImmediate(resolve));
const ANSWERS = Number(process.env.ANSWERS ?? 60_000);
const NOW = new Date(2026, 10, 26, 9, 0, 0);
const DAY = 86_400_000;
const scheduler = createScheduler();
const Pouchy = PouchDB as unknown as new (name: string, options?: object) => Pouch;
let dbs = 0;

const deck: Deck = {
	schemaVersion: 1,
	id: 'bench',
	title: 'Bench',
	version: 1,
	cards: Array.from({ length: CARDS }, (_, i) => ({
		id: `c${i}`,
		kind: 'basic' as const,
		prompt: `Question ${i}?`,
		answer: `Answer ${i}`,
		source: { quote: `Quote ${i}` }
	}))
};

/** A device with the deck installed (as a bundled deck is on first visit) and nothing studied. */
async function newDevice(): Promise<StudyDb> {
	const db = new StudyDb(`bench-sync-${++dbs}`, { indexedDB: new IDBFactory(), IDBKeyRange });
	await installDeck(db, deck, { now: new Date(NOW.getTime() - 400 * DAY), bundled: true });
	return db;
}

/** The studied device: ANSWERS answers over 60% of the cards, a year of days, about 160 a day. */
async function studied(): Promise<StudyDb> {
	const db = await newDevice();
	const cards = await db.cards.toArray();
	const reviewed = cards.filter((_, i) => i % 10 < 6);
	const per = Math.ceil(ANSWERS / reviewed.length);
	const logs: ReviewLogRow[] = [];
	const updated: CardRow[] = [];
	const start = NOW.getTime() - 365 * DAY;
	reviewed.forEach((card, i) => {
		const {
			logs: rows,
			state,
			at
		} = answerHistory(card, {
			scheduler,
			first: start + (i % 300) * DAY * 0.1 + (i % 97) * 60_000,
			answers: Math.max(0, Math.min(per, ANSWERS - logs.length)),
			grade: (n) => ((n + i) % 7 === 0 ? 1 : 3),
			next: (at, due) => Math.min(Math.max(at + 60_000, due), NOW.getTime() - DAY),
			durationMs: 5000
		});
		logs.push(...rows);
		updated.push({ ...card, ...stateToRow(state), lastLogAt: at });
	});
	await db.cards.bulkPut(updated);
	await db.reviewLogs.bulkPut(logs);
	return db;
}

const pct = (xs: number[], p: number) =>
	[...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;
const began = Date.now();
/** Progress on stderr: on a loaded machine a run takes minutes. */
const step = (what: string) =>
	process.stderr.write(`[${((Date.now() - began) / 1000).toFixed(0)} s] ${what}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => Promise<boolean>, what: string, ms = 600_000) {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		if (await check()) return;
		await sleep(20);
	}
	throw new Error(`timed out waiting for ${what}`);
}

const syncServer = await spawnSyncServer('bench', 'secret');
const serverUrl = syncServer.url;
try {
	const url = `${serverUrl}/${userDbName('bench')}`;
	const remote = () =>
		new Pouchy(url, {
			adapter: 'http',
			auth: { username: 'bench', password: 'secret' },
			skip_setup: true
		});
	const local = () => new Pouchy(`bench-replica-${++dbs}`, { adapter: 'memory' });
	const engineFor = (db: StudyDb, device: string, replica = local()) =>
		createSyncEngine({
			db,
			local: replica,
			remote: remote(),
			device,
			now: () => new Date(),
			backOff: () => 500,
			idle: nodeIdle
		});

	console.log(
		`machine: ${cpus().length} cores; load ${loadavg()[0]!.toFixed(2)}; Node ${process.version}`
	);
	const source = await studied();
	const answers = await source.reviewLogs.count();
	console.log(
		`collection: ${CARDS.toLocaleString('en')} cards, ${answers.toLocaleString('en')} answers`
	);

	step('collection made');
	// The source device sends its history to the server (not timed: the new device's part is).
	const replica = local();
	const sending = engineFor(source, 'bench-source-0001', replica);
	await sending.start();
	const serverDocs = async () => (await remote().info()).doc_count;
	const replicaDocs = (await replica.info()).doc_count;
	await until(async () => (await serverDocs()) === replicaDocs, 'the upload');
	const docs = await serverDocs();

	step('history on the server');
	const answerOn = async (db: StudyDb, uid: string, at: Date) => {
		const card = (await db.cards.get(uid))!;
		return recordAnswer(db, {
			uid,
			seen: card,
			grade: 3,
			now: at,
			durationMs: 4000,
			mode: 'flashcard',
			next: (s) => answerCard(scheduler, s, 3, at, uid)
		});
	};
	const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
	let firstSync: Record<string, unknown> = {};
	if (PARTS === 'all') {
		// Baseline: the same history from a backup file, checked and merged on a new device.
		const file = (await exportBackupFile(source, NOW)).parts.join('');
		const target1 = await newDevice();
		let t = performance.now();
		const read = prepareBackup(file, 'bench.json');
		if (!read.ok) throw new Error(JSON.stringify(read.errors.slice(0, 3)));
		await mergeBackup(target1, read.backup);
		const restoreMs = performance.now() - t;
		if ((await target1.reviewLogs.count()) !== answers) throw new Error('the restore lost answers');
		target1.close();

		step('backup restored');
		// The first sync of a new device: from start until every answer is in its study database
		// and every card it changed is rebuilt.
		const target2 = await newDevice();
		const receiving = engineFor(target2, 'bench-target-0002');
		t = performance.now();
		await receiving.start();
		await until(
			async () =>
				(await target2.reviewLogs.count()) === answers && (await pendingReplays(target2)) === 0,
			'the first sync'
		);
		const firstSyncMs = performance.now() - t;
		// Every card's scheduling state the same as on the device that answered.
		const stateOf = async (db: StudyDb) =>
			new Map((await db.cards.toArray()).map((c) => [c.uid, JSON.stringify(pickState(c))]));
		const [theirs, ours] = [await stateOf(source), await stateOf(target2)];
		const differing = [...theirs].filter(([uid, s]) => ours.get(uid) !== s).length;
		const same = differing === 0;

		step('first sync done');
		// One answer on the source reaches the new device: write, the push the app paces
		// (`push-pacer.ts`), replication, pull and replay. Ten times, a few seconds apart.
		const reach: number[] = [];
		const pacer = createPushPacer(() => sending.push(), nodeIdle);
		for (let i = 0; i < 10; i++) {
			const start = performance.now();
			const { log } = await answerOn(source, `bench|c${CARDS - 200 - i}`, new Date());
			pacer.changed();
			await until(async () => !!(await target2.reviewLogs.get(log.id)), 'one answer', 30_000);
			reach.push(performance.now() - start);
			await sleep(500);
		}
		pacer.stop();
		// The other device is another machine: only this device's sync runs beside its answers.
		receiving.stop();
		await receiving.stopped();
		step('answers reached the other device');
		firstSync = {
			restoreMs,
			firstSyncMs,
			firstSyncToRestore: firstSyncMs / restoreMs,
			sameStateAfterSync: same,
			cardsDiffering: differing,
			answerReachMs: { p50: pct(reach, 0.5), max: Math.max(...reach) }
		};
		console.log(
			`restore from a backup file (check + merge): ${s(restoreMs)}; first sync to a new device: ${s(firstSyncMs)}; ratio ${(firstSyncMs / restoreMs).toFixed(2)}x; cards in the same state: ${same ? 'all' : `all but ${differing}`}`
		);
		console.log(
			`one answer to the other device: p50 ${s(pct(reach, 0.5))}, max ${s(Math.max(...reach))} (target <= 2 s)`
		);
	}
	sending.stop();
	await sending.stopped();

	// Answer to next queue, with sync running and off, in alternating blocks (on, off, off, on, …)
	// so the load of the shared machine, which drifts over minutes, falls on both alike. With sync
	// on, each answer is pushed as the app paces it, and live replication sends it to the server.
	let answered = 0;
	async function answerBlock(sync: boolean, n: number) {
		let engine: SyncEngine | undefined;
		let pacer: PushPacer | undefined;
		if (sync) {
			engine = engineFor(source, 'bench-source-0001', replica);
			await engine.start();
			const e = engine;
			pacer = createPushPacer(() => e.push(), nodeIdle);
		}
		const times: number[] = [];
		for (let i = 0; i < n; i++) {
			const at = new Date();
			const options = {
				now: at,
				dayStart: studyDayStart(at),
				dayEnd: studyDayEnd(at),
				newPerDay: 20,
				reviewsPerDay: 200
			};
			const start = performance.now();
			await answerOn(source, `bench|c${CARDS - 1 - (answered++ % 1000)}`, at);
			await buildQueue(source, options);
			times.push(performance.now() - start);
			// The next card is on screen: in the app the answer's write, and so the revision the
			// pacer watches, comes now.
			pacer?.changed();
			// A learner's pace, compressed: the push and its replication land between answers.
			await sleep(300);
		}
		pacer?.stop();
		engine?.stop();
		await engine?.stopped();
		await sleep(500);
		// The first answers of a block warm up (a new engine's first replication).
		return times.slice(3);
	}
	const on: number[] = [];
	const off: number[] = [];
	for (const sync of [true, false, false, true, true, false, false, true])
		(sync ? on : off).push(...(await answerBlock(sync, BLOCK)));

	const result = {
		when: new Date().toISOString(),
		cards: CARDS,
		answers,
		serverDocs: docs,
		docsPer10kAnswers: (docs / answers) * 10_000,
		...firstSync,
		answerP95: { on: pct(on, 0.95), off: pct(off, 0.95), ratio: pct(on, 0.95) / pct(off, 0.95) },
		answerP50: { on: pct(on, 0.5), off: pct(off, 0.5) }
	};
	console.log(
		`documents on the server: ${docs.toLocaleString('en')} (${result.docsPer10kAnswers.toFixed(0)} per 10,000 answers)`
	);
	console.log(
		`answer to next queue p95: ${result.answerP95.on.toFixed(2)} ms with sync, ${result.answerP95.off.toFixed(2)} ms without; ratio ${result.answerP95.ratio.toFixed(2)}x (p50 ${result.answerP50.on.toFixed(2)} / ${result.answerP50.off.toFixed(2)} ms; ${on.length} answers each)`
	);
	mkdirSync('bench-results', { recursive: true });
	writeFileSync('bench-results/sync.json', JSON.stringify(result, null, 2));
} finally {
	syncServer.stop();
}
