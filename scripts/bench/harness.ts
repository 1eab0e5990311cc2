/**
 * Runs in the page, at the app's origin and on the app's database: seeds a synthetic collection
 * through the app's own storage layer and times the engine's reads and writes there.
 */
import {
	StudyDb,
	buildQueue,
	installDeck,
	setSetting,
	stateToRow,
	type CardRow,
	type ReviewLogRow
} from '$lib/storage';
import { Dexie } from 'dexie';
import { createScheduler, studyDayEnd, studyDayStart } from '$lib/scheduler';
import { DEFAULT_SETTINGS } from '$lib/storage/study-settings';
import { exportBackupFile, mergeBackup, type MergeReport } from '$lib/storage/transfer';
import { parseBackup } from '$lib/transfer/backup-format';
import { MAX_BACKUP_BYTES } from '$lib/transfer/limits';
import { restoreSnapshot, takeDailySnapshot } from '$lib/storage/snapshots';
import { validateDeck, type Deck } from '$lib/deck';
import { answerHistory } from './history';

const DAY = 86_400_000;
const scheduler = createScheduler();
export const DECK_ID = 'bench';

export function syntheticDeck(count: number, id = DECK_ID): Deck {
	return {
		schemaVersion: 1,
		id,
		title: `Benchmark deck (${count} cards)`,
		version: 1,
		cards: Array.from({ length: count }, (_, i) => ({
			id: `c${i}`,
			kind: 'basic' as const,
			prompt: `Question number ${i}: what comes after ${i}?`,
			answer: `${i + 1}`,
			source: { quote: `After ${i} comes ${i + 1}.` }
		}))
	};
}

/**
 * A collection of `count` cards where 60% have about ten answers each. Whatever the size, the same
 * work is due today: 500 reviews, so timings at different sizes compare like with like.
 */
export async function seed(count: number): Promise<{ cards: number; logs: number; ms: number }> {
	const started = performance.now();
	const db = new StudyDb();
	const now = Date.now();
	const created = new Date(now - 300 * DAY);
	await installDeck(db, syntheticDeck(count), { now: created, bundled: false });
	await setSetting(db, 'study', {
		...DEFAULT_SETTINGS,
		newPerDay: 20,
		reviewsPerDay: 1000,
		deckModes: { [DECK_ID]: 'flashcard' }
	});
	const cards = await db.cards.where('deckId').equals(DECK_ID).toArray();
	let logs = 0;
	const CHUNK = 2000;
	for (let c = 0; c < cards.length; c += CHUNK) {
		const rows: CardRow[] = [];
		const logRows: ReviewLogRow[] = [];
		for (const card of cards.slice(c, c + CHUNK)) {
			const i = card.order;
			if (i % 10 >= 6) continue;
			const history = answerHistory(card, {
				scheduler,
				first: created.getTime() + (i % 500) * 60_000,
				answers: 10,
				grade: (n) => ((n * 3 + i) % 11 === 0 ? 1 : 3),
				next: (at, due) => at + Math.max(DAY, Math.min(due - at, 20 * DAY)),
				durationMs: 4000
			});
			logRows.push(...history.logs);
			const reviewed = rows.length + c * 0.6;
			const due = reviewed < 500 ? now - 3600_000 : now + (1 + (i % 90)) * DAY;
			rows.push({ ...card, ...stateToRow(history.state), state: 2, due, lastLogAt: history.at });
		}
		await db.transaction('rw', db.cards, db.reviewLogs, async () => {
			await db.cards.bulkPut(rows);
			await db.reviewLogs.bulkPut(logRows);
		});
		logs += logRows.length;
	}
	db.close();
	return { cards: count, logs, ms: performance.now() - started };
}

/** How many review-log rows the app's database holds. */
export async function countLogs(): Promise<number> {
	const db = new StudyDb();
	const n = await db.reviewLogs.count();
	db.close();
	return n;
}

/**
 * Watches for long tasks on the page's thread; the function returned stops and gives the longest.
 * Await `nextTask()` first: the task that is running when watching starts is reported too.
 */
function longestTask(): () => number {
	let longest = 0;
	const take = (entries: PerformanceEntryList) => {
		for (const e of entries) longest = Math.max(longest, e.duration);
	};
	const observer = new PerformanceObserver((list) => take(list.getEntries()));
	observer.observe({ type: 'longtask' });
	return () => {
		take(observer.takeRecords());
		observer.disconnect();
		return Math.round(longest);
	};
}

/** Ends the task under way (a long check before a restore must not count as the restore's). */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

const pct = (xs: number[], p: number) =>
	[...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)] ?? 0;

/** Times building today's queue (p50, p95 over `runs`), as the review screen does after an answer. */
export async function timeQueue(runs = 30): Promise<{ p50: number; p95: number }> {
	const db = new StudyDb();
	const now = new Date();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		await buildQueue(db, {
			now,
			dayStart: studyDayStart(now),
			dayEnd: studyDayEnd(now),
			newPerDay: 20,
			reviewsPerDay: 1000,
			deckId: DECK_ID
		});
		times.push(performance.now() - t);
	}
	db.close();
	return { p50: pct(times.slice(5), 0.5), p95: pct(times.slice(5), 0.95) };
}

/** Validates and installs a fresh deck of `count` cards, as an import does; cards per second. */
export async function timeDeckImport(count: number): Promise<{ ms: number; perSecond: number }> {
	const deck = syntheticDeck(count, `import-${count}-${Date.now()}`);
	const db = new StudyDb();
	const t = performance.now();
	const checked = validateDeck(JSON.parse(JSON.stringify(deck)));
	if (!checked.ok) throw new Error('synthetic deck invalid');
	await installDeck(db, checked.deck, { now: new Date(), bundled: false });
	const ms = performance.now() - t;
	db.close();
	return { ms, perSecond: Math.round(count / (ms / 1000)) };
}

export interface BackupTimes {
	cards: number;
	logs: number;
	/** The backup file's size (UTF-8 bytes), and whether the data page would accept it. */
	bytes: number;
	underLimit: boolean;
	/** Reading everything and writing the JSON file's body, as the data page does (no gzip). */
	exportMs: number;
	/** Of which: reading the tables and writing the text (page by page); the Blob. */
	textMs: number;
	blobMs: number;
	/** Reading the file's text, parsing and checking it (in the app: in a worker). */
	checkMs: number;
	/** Of which: the file's text and JSON.parse; the schema check. */
	parseMs: number;
	validateMs: number;
	/** Merging it into an empty database: a restore onto a new device. */
	restoreMs: number;
	/** The longest task on the page's thread while it restored (the page paints between tasks). */
	restoreLongestTaskMs: number;
	restore: MergeReport;
	/** Merging it again into the database it came from: every log already known. */
	knownMs: number;
	known: MergeReport;
}

/**
 * Times a backup of the app's database and the way back: export and serialise (what the data page's
 * "Download a backup" does), read and check the file (`prepareBackup`, which the app runs in a
 * worker), merge it into an empty database, and merge it into its own database.
 */
export async function timeBackup(): Promise<BackupTimes> {
	const db = new StudyDb();
	let t = performance.now();
	const written = await exportBackupFile(db, new Date());
	const textMs = performance.now() - t;
	const file = new Blob(written.parts, { type: 'application/json' });
	const exportMs = performance.now() - t;
	const counts = { cards: written.cards, logs: written.logs };
	written.parts.length = 0;

	// What `prepareBackup` does, in two timed steps.
	t = performance.now();
	const raw: unknown = JSON.parse(await file.text());
	const parseMs = performance.now() - t;
	const checked = parseBackup(raw, 'recall-backup.json');
	const checkMs = performance.now() - t;
	if (!checked.ok) throw new Error(`backup refused: ${JSON.stringify(checked.errors.slice(0, 3))}`);

	const target = new StudyDb(`bench-restore-${Date.now()}`);
	await nextTask();
	t = performance.now();
	const stopWatching = longestTask();
	const restore = await mergeBackup(target, checked.backup);
	const restoreMs = performance.now() - t;
	const restoreLongestTaskMs = stopWatching();
	target.close();
	await Dexie.delete(target.name);

	t = performance.now();
	const known = await mergeBackup(db, checked.backup);
	const knownMs = performance.now() - t;
	db.close();
	return {
		...counts,
		bytes: file.size,
		underLimit: file.size <= MAX_BACKUP_BYTES,
		exportMs,
		textMs,
		blobMs: exportMs - textMs,
		checkMs,
		parseMs,
		validateMs: checkMs - parseMs,
		restoreMs,
		restoreLongestTaskMs,
		restore,
		knownMs,
		known
	};
}

export interface SnapshotTimes {
	logs: number;
	/** Stored (gzipped) and before compression. */
	bytes: number;
	rawBytes: number;
	/** Today's snapshot, as the first open of the day takes it (the app: in a worker). */
	takeMs: number;
	/** Restoring it: read, check, a snapshot of now first, then everything replaced at once. */
	restoreMs: number;
	/** Of which: unzipping the text; parsing and checking it (in the app: in a worker). */
	textMs: number;
	checkMs: number;
	/** The longest task on the page's thread while it restored. */
	restoreLongestTaskMs: number;
}

/**
 * Times the automatic snapshot of the seeded collection, and restoring it. Taken right after
 * seeding, it is also today's snapshot, so the home screen does not start one while the other
 * figures are measured: as on a phone, where the first open of the day took it.
 */
export async function timeSnapshot(): Promise<SnapshotTimes> {
	const db = new StudyDb();
	await Promise.all([db.snapshots.clear(), db.snapshotData.clear()]);
	let t = performance.now();
	const outcome = await takeDailySnapshot(db, new Date());
	const takeMs = performance.now() - t;
	if (!outcome.taken) throw new Error(`no snapshot taken: ${outcome.why}`);
	const { snapshot } = outcome;
	await nextTask();
	t = performance.now();
	const stopWatching = longestTask();
	let textMs = 0;
	let checkMs = 0;
	await restoreSnapshot(db, snapshot.id!, new Date(), async (text) => {
		textMs = performance.now() - t;
		const checked = parseBackup(JSON.parse(text));
		checkMs = performance.now() - t - textMs;
		return checked;
	});
	const restoreMs = performance.now() - t;
	const restoreLongestTaskMs = stopWatching();
	db.close();
	return {
		logs: snapshot.logs,
		bytes: snapshot.bytes,
		rawBytes: snapshot.rawBytes,
		takeMs: Math.round(takeMs),
		restoreMs: Math.round(restoreMs),
		textMs: Math.round(textMs),
		checkMs: Math.round(checkMs),
		restoreLongestTaskMs
	};
}
