/**
 * `npm run bench:engine`: the review engine in Node on fake-indexeddb. For collections of 100 and
 * 10,000 cards (each reviewed card with about ten logs), times building the due queue and recording
 * one answer (p50 and p95), and reports the 10,000-card figures as a ratio to the 100-card ones:
 * cost must not grow with the collection. Also: scheduler answers per second, and home's first
 * read of a deck tree after a 20,000-card deck with sub-decks is installed (`PARTS=tree`: only that).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import {
	StudyDb,
	answerCard,
	buildQueue,
	installDeck,
	recordAnswer,
	stateToRow,
	type CardRow,
	type ReviewLogRow
} from '$lib/storage';
import { createScheduler, studyDayEnd, studyDayStart, type Grade } from '$lib/scheduler';
import type { Deck } from '$lib/deck';
import { answerHistory } from './history';
import { listDecks } from '$lib/storage/decks';
import { loadDeckTrees } from '$lib/storage/deck-tree';

const NOW = new Date(2026, 10, 26, 9, 0, 0);
const DAY = 86_400_000;
const scheduler = createScheduler();

function deckOf(count: number): Deck {
	return {
		schemaVersion: 1,
		id: 'bench',
		title: 'Bench',
		version: 1,
		cards: Array.from({ length: count }, (_, i) => ({
			id: `c${i}`,
			kind: 'basic' as const,
			prompt: `Question ${i}?`,
			answer: `Answer ${i}`,
			source: { quote: `Quote ${i}` }
		}))
	};
}

/**
 * A collection where 60% of cards have a history of ten answers over the past months. Whatever its
 * size, the same work is due today (50 reviews, 10 learning cards, new cards up to the limit), so
 * a change in cost between sizes is the cost of the collection itself.
 */
async function collection(count: number): Promise<StudyDb> {
	const db = new StudyDb(`bench-${count}`, { indexedDB: new IDBFactory(), IDBKeyRange });
	const start = new Date(NOW.getTime() - 200 * DAY);
	await installDeck(db, deckOf(count), { now: start, bundled: true });
	const cards = await db.cards.toArray();
	const logs: ReviewLogRow[] = [];
	const updated: CardRow[] = [];
	cards.forEach((card, i) => {
		if (i % 10 >= 6) return;
		const {
			logs: rows,
			state,
			at
		} = answerHistory(card, {
			scheduler,
			first: start.getTime() + (i % 97) * 60_000,
			answers: 10,
			grade: (n) => ((n + i) % 7 === 0 ? 1 : 3),
			next: (at, due) =>
				Math.max(at + 60_000, Math.min(due, NOW.getTime() - DAY + (i % 50) * 60_000)),
			durationMs: 5000
		});
		logs.push(...rows);
		// Fix the due date so today's load is the same at every size.
		const reviewed = updated.length;
		const due =
			reviewed < 50
				? NOW.getTime() - 3600_000
				: reviewed < 60
					? NOW.getTime() - 60_000
					: NOW.getTime() + (1 + (reviewed % 60)) * DAY;
		const row = { ...card, ...stateToRow(state), lastLogAt: at, due };
		updated.push({ ...row, state: reviewed >= 50 && reviewed < 60 ? 3 : 2 });
	});
	await db.cards.bulkPut(updated);
	await db.reviewLogs.bulkPut(logs);
	return db;
}

const pct = (xs: number[], p: number) =>
	[...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;

async function measure(count: number) {
	const db = await collection(count);
	const options = {
		now: NOW,
		dayStart: studyDayStart(NOW),
		dayEnd: studyDayEnd(NOW),
		newPerDay: 20,
		reviewsPerDay: 200
	};
	const queueMs: number[] = [];
	const answerMs: number[] = [];
	for (let i = 0; i < 60; i++) {
		let t = performance.now();
		const queue = await buildQueue(db, options);
		queueMs.push(performance.now() - t);
		const card = queue.cards[0];
		if (!card) break;
		const at = new Date(NOW.getTime() + i * 1000);
		t = performance.now();
		await recordAnswer(db, {
			uid: card.uid,
			seen: card,
			grade: 3,
			now: at,
			durationMs: 4000,
			mode: 'flashcard',
			next: (s) => answerCard(scheduler, s, 3, at, card.uid)
		});
		answerMs.push(performance.now() - t);
	}
	const logs = await db.reviewLogs.count();
	db.close();
	// The first rounds warm the JIT; the figures come from the rest.
	const q = queueMs.slice(10);
	const a = answerMs.slice(10);
	return {
		cards: count,
		logs,
		queueP50: pct(q, 0.5),
		queueP95: pct(q, 0.95),
		answerP50: pct(a, 0.5),
		answerP95: pct(a, 0.95)
	};
}

function schedulerRate() {
	let state = scheduler.newCard(NOW);
	const n = 20_000;
	const t = performance.now();
	for (let i = 0; i < n; i++) {
		state = scheduler.answer(state, ((i % 4) + 1) as Grade, new Date(NOW.getTime() + i * DAY), 'x');
	}
	return Math.round(n / ((performance.now() - t) / 1000));
}

/** Installs a 20,000-card deck in 40 sub-decks, then times home's first read of its tree. */
async function treeAfterInstall() {
	const db = new StudyDb('bench-tree', { indexedDB: new IDBFactory(), IDBKeyRange });
	const deck = deckOf(20_000);
	deck.cards = deck.cards.map((c, i) => ({ ...c, subdeck: `Part ${i % 40}::Unit ${i % 7}` }));
	let t = performance.now();
	await installDeck(db, deck, { now: NOW, bundled: false });
	const installMs = performance.now() - t;
	const decks = await listDecks(db);
	t = performance.now();
	const trees = await loadDeckTrees(db, decks);
	const firstReadMs = performance.now() - t;
	db.close();
	return { installMs, firstReadMs, nodes: trees.bench?.length ?? 0 };
}

if (process.env.PARTS === 'tree') {
	const tree = await treeAfterInstall();
	console.log(
		`20,000-card deck with sub-decks: install ${Math.round(tree.installMs)} ms; home's first tree read ${tree.firstReadMs.toFixed(1)} ms (${tree.nodes} sub-decks)`
	);
	process.exit(0);
}

const small = await measure(100);
const large = await measure(10_000);
const ratio = (k: keyof typeof small) => (large[k] as number) / (small[k] as number);
const ms = (x: number) => x.toFixed(2).padStart(7);
console.log(`machine: ${cpus().length} cores, ${cpus()[0]?.model ?? ''}; Node ${process.version}`);
console.log('cards   logs     queue p50  queue p95  answer p50  answer p95  (ms, fake-indexeddb)');
for (const r of [small, large])
	console.log(
		`${String(r.cards).padEnd(7)} ${String(r.logs).padEnd(8)} ${ms(r.queueP50)}    ${ms(r.queueP95)}    ${ms(r.answerP50)}     ${ms(r.answerP95)}`
	);
const ratios = {
	queueP50: ratio('queueP50'),
	queueP95: ratio('queueP95'),
	answerP50: ratio('answerP50'),
	answerP95: ratio('answerP95')
};
console.log(
	`ratio 10,000 / 100: queue p50 ${ratios.queueP50.toFixed(2)}x, p95 ${ratios.queueP95.toFixed(2)}x; answer p50 ${ratios.answerP50.toFixed(2)}x, p95 ${ratios.answerP95.toFixed(2)}x`
);
const rate = schedulerRate();
console.log(`scheduler: ${rate.toLocaleString('en')} answers per second`);
const tree = await treeAfterInstall();
console.log(
	`20,000-card deck with sub-decks: install ${Math.round(tree.installMs)} ms; home's first tree read ${tree.firstReadMs.toFixed(1)} ms (${tree.nodes} sub-decks)`
);
mkdirSync('bench-results', { recursive: true });
writeFileSync(
	'bench-results/engine.json',
	JSON.stringify(
		{ when: new Date().toISOString(), small, large, ratios, schedulerPerSecond: rate, tree },
		null,
		2
	)
);
