/**
 * `npm run bench`: builds the app and the benchmark harness, serves them, and measures in headless
 * Chromium (Debian's), with and without a 4x CPU slowdown (CDP Emulation.setCPUThrottlingRate):
 * open to first card (warm, offline), answer to next card painted (p50/p95 over 200 answers),
 * building the due queue, importing a 10,000-card deck, exporting a backup and importing it again
 * (check, restore into an empty database, merge into its own), for collections of 1,000, 10,000
 * and 50,000 cards with about ten logs per reviewed card. Prints a table and writes
 * bench-results/bench.json, and the studio part (scripts/bench/studio.ts). PROFILE=4 profiles
 * opening the review and the answer loop at 4x; TRACE=4 keeps a detailed trace of the loop (see
 * profile.ts and trace.ts). Every answer loop is traced for the main thread's busy time per answer.
 * SIZES, ANSWERS, BACKUP=0, BACKUP_AT=1 and IMPORT=0 run a part of it.
 * Not part of `npm test`: timings on a shared machine are for reading, not for failing CI.
 */
import type { Browser, Page } from '@playwright/test';
import { launchBenchBrowser } from './browser';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { startProfile, stopProfile, summarise, topSelf } from './profile';
import {
	BUSY_CATEGORIES,
	busyPerAnswer,
	OPEN_MARKS,
	SAVED_MARKS,
	summariseTrace,
	TRACE_CATEGORIES
} from './trace';
import type { BackupTimes, SnapshotTimes } from './harness';
import { measureStudio, printStudio, type StudioRow } from './studio';
import { answerLoop, FIRST_CARD, harness, PAGE_STEPS, pct, servePreview } from './page';

const port = Number(process.env.PORT ?? 4196);
const base = `http://localhost:${port}`;
const sizes = (process.env.SIZES ?? '1000,10000,50000').split(',').map(Number);
const answers = Number(process.env.ANSWERS ?? 200);
const WARMUP = 10;
/** `PROFILE=4` (or `1,4`): CPU-profile the answer loop at these slowdowns and say where time went. */
const profileAt = (process.env.PROFILE ?? '').split(',').filter(Boolean).map(Number);
/** `TRACE=4`: record a Chromium trace of the answer loop at these slowdowns and break it down. */
const traceAt = (process.env.TRACE ?? '').split(',').filter(Boolean).map(Number);
/** An answer slower than this counts as slow in the profile summary (the target p95). */
const SLOW_MS = 50;

const server = await servePreview(port);

const median = (xs: number[]) => pct(xs, 0.5);

/** `BACKUP=0` leaves out the backup timings (about a minute and a half at 50,000 cards and 4x). */
const withBackup = process.env.BACKUP !== '0';
/** `BACKUP_AT=1` times the backup at these slowdowns only (default both, 1x and 4x). */
const backupAt = (process.env.BACKUP_AT ?? '1,4').split(',').filter(Boolean).map(Number);

type SnapshotRow = SnapshotTimes & { cards: number };

interface BackupRow {
	cards: number;
	slowdown: number;
	/** In the backup: every card and log of the database (the bench deck and the bundled decks). */
	backupCards: number;
	logs: number;
	mb: number;
	underLimit: boolean;
	exportMs: number;
	checkMs: number;
	restoreMs: number;
	knownMs: number;
	/** Parts of export and check: read and write the text page by page, the Blob; JSON.parse, schema check. */
	parts: { textMs: number; blobMs: number; parseMs: number; validateMs: number };
	/** Microseconds per log of each step. */
	usPerLog: { export: number; check: number; restore: number; known: number };
	restoreCardsPerSecond: number;
	restoreLogsPerSecond: number;
	restoreLongestTaskMs: number;
}

interface Row {
	cards: number;
	logs: number;
	slowdown: number;
	openMs: number;
	answerP50: number;
	answerP95: number;
	queueP50: number;
	queueP95: number;
	/** The main thread's busy time per answer (ms, p50/p95), from a trace of the same answers. */
	busyP50: number;
	busyP95: number;
	/** Its thread (CPU) time per answer, p50/p95: not inflated by other jobs on a shared machine. */
	cpuP50: number;
	cpuP95: number;
	/** A real tap on Good to the next card's paint, p50/p95, from Event Timing (as INP measures). */
	tapP50: number;
	tapP95: number;
	/** The same to the moment the answer is written (its write, after the paint, included). */
	savedBusyP50: number;
}

/** Taps the page can ask for: real (trusted) input through CDP, which Event Timing reports. */
const TAPS = 60;

/**
 * In the page: reveal, then tap Good with real input, `count` times, and read how long each tap
 * took to its next paint from Event Timing (the browser's own measure, the one behind INP: from
 * the input to the frame that shows its result, here the next card). Taps under 16 ms are not
 * reported by the browser and count as 16.
 */
async function tapLoop(page: Page, count: number): Promise<number[]> {
	return page.evaluate(`(async (n) => {
		${PAGE_STEPS}
		const entries = [];
		const observer = new PerformanceObserver((list) => {
			for (const e of list.getEntries()) if (e.name === 'click') entries.push(e);
		});
		observer.observe({ type: 'event', durationThreshold: 16 });
		let taps = 0;
		for (let i = 0; i < n; i++) {
			await written();
			await frame();
			const good = await revealGood();
			if (!good) break;
			const before = document.querySelector('.prompt')?.textContent;
			const r = good.getBoundingClientRect();
			const tapped = performance.now();
			await window.benchTap(r.x + r.width / 2, r.y + r.height / 2);
			taps++;
			while (document.querySelector('.prompt')?.textContent === before && performance.now() - tapped < 5000)
				await frame();
		}
		await frame();
		await frame();
		observer.takeRecords().forEach((e) => e.name === 'click' && entries.push(e));
		observer.disconnect();
		const durations = entries.map((e) => e.duration);
		while (durations.length < taps) durations.push(16);
		return durations;
	})(${count})`);
}

/** One collection, seeded once, measured without and with the 4x slowdown. */
async function measure(
	browser: Browser,
	cards: number
): Promise<{ rows: Row[]; backups: BackupRow[]; snapshot: SnapshotRow }> {
	// The harness is driven with evaluated strings, which the app's CSP (rightly) forbids.
	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		bypassCSP: true
	});
	const page = await context.newPage();
	await page.addInitScript({ content: FIRST_CARD });
	await page.exposeFunction('benchTap', (x: number, y: number) => page.mouse.click(x, y));
	// Not the home screen: it would take the day's snapshot while the collection is being seeded.
	await page.goto(`${base}/about/`);
	await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
	await page.reload();
	const seeded = await harness<{ logs: number; ms: number }>(page, `seed(${cards})`);
	console.log(
		`seeded ${cards} cards and ${seeded.logs} logs in ${(seeded.ms / 1000).toFixed(1)} s`
	);
	const snapshot = {
		cards,
		...(await harness<SnapshotTimes>(page, 'timeSnapshot()'))
	};
	console.log(JSON.stringify(snapshot));
	const cdp = await context.newCDPSession(page);
	const rows: Row[] = [];
	for (const slowdown of [1, 4]) {
		await context.setOffline(false);
		await page.goto(`${base}/`);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
		const queue = await harness<{ p50: number; p95: number }>(page, 'timeQueue(25)');
		// Warm (worker and caches ready) and offline: every byte comes from the precache.
		await context.setOffline(true);
		const opens: number[] = [];
		const profiling = profileAt.includes(slowdown);
		if (profiling) {
			// One more open, profiled: where the time to the first card goes.
			await cdp.send('Profiler.enable');
			await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
			await cdp.send('Profiler.start');
			await page.goto(`${base}/review/?deck=bench`);
			await page.waitForFunction('window.__firstCard !== undefined');
			const firstCard = await page.evaluate<number>('window.__firstCard');
			const profile = await stopProfile(cdp);
			mkdirSync('bench-results', { recursive: true });
			writeFileSync(`bench-results/open-${cards}-${slowdown}x.cpuprofile`, JSON.stringify(profile));
			console.log(`profiled open at ${slowdown}x: first card at ${firstCard.toFixed(0)} ms`);
			console.log(JSON.stringify(topSelf(profile), null, 2));
		}
		if (traceAt.includes(slowdown)) {
			// One more open, traced: style, layout, parsing and script on the way to the first card.
			await browser.startTracing(page, { categories: TRACE_CATEGORIES });
			await page.goto(`${base}/review/?deck=bench`);
			await page.waitForFunction('window.__firstCard !== undefined');
			const trace = await browser.stopTracing();
			mkdirSync('bench-results', { recursive: true });
			writeFileSync(`bench-results/open-${cards}-${slowdown}x.trace.json`, trace);
			console.log(`traced open at ${slowdown}x:`);
			console.log(JSON.stringify(summariseTrace(trace, OPEN_MARKS), null, 2));
		}
		for (let i = 0; i < 3; i++) {
			await page.goto(`${base}/review/?deck=bench`);
			await page.waitForFunction('window.__firstCard !== undefined');
			opens.push(await page.evaluate<number>('window.__firstCard'));
		}
		const syncAt = profiling ? await startProfile(cdp, page) : 0;
		// Always traced, lightly (top-level tasks and the marks), for the busy time per answer;
		// `TRACE=4` records the detailed categories as well and keeps the file.
		const detailed = traceAt.includes(slowdown);
		await browser.startTracing(page, {
			categories: detailed ? TRACE_CATEGORIES : BUSY_CATEGORIES
		});
		const times = await answerLoop(page, answers + WARMUP);
		const trace = await browser.stopTracing();
		const busy = busyPerAnswer(trace, WARMUP);
		const whole = busyPerAnswer(trace, WARMUP, SAVED_MARKS);
		console.log(
			`main thread busy per answer at ${slowdown}x, to the next card painted: ${JSON.stringify(busy)}; to the answer written: ${JSON.stringify(whole)}`
		);
		if (detailed) {
			mkdirSync('bench-results', { recursive: true });
			writeFileSync(`bench-results/answer-${cards}-${slowdown}x.trace.json`, trace);
			console.log(JSON.stringify(summariseTrace(trace), null, 2));
		}
		if (profiling) {
			const profile = await stopProfile(cdp);
			const name = `bench-results/answer-${cards}-${slowdown}x.cpuprofile`;
			mkdirSync('bench-results', { recursive: true });
			writeFileSync(name, JSON.stringify(profile));
			writeFileSync(name.replace('.cpuprofile', '.times.json'), JSON.stringify({ syncAt, times }));
			const slow = times.slice(WARMUP).filter((t) => t.ms > SLOW_MS);
			console.log(`profile ${name}: ${slow.length} answers over ${SLOW_MS} ms`);
			console.log(
				JSON.stringify(
					summarise(
						profile,
						syncAt,
						slow.map((t) => [t.at, t.at + t.ms]),
						['#refresh', 'buildQueue', 'unburyDue', 'nextDueAt', 'recordAnswer', '#show', 'flush']
					),
					null,
					2
				)
			);
		}
		if (times.length < answers + WARMUP)
			console.log(
				'answers stopped at',
				times.length,
				(await page.locator('main').innerText()).slice(0, 300)
			);
		const measured = times.slice(WARMUP).map((t) => t.ms);
		// Slow answers that come at a fixed place in every ten point at periodic work.
		const byPlace = Array.from({ length: 10 }, (_, k) => {
			const xs = measured.filter((_, i) => (i + WARMUP) % 10 === k);
			return `${k}: ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(0)}/${xs.filter((x) => x > SLOW_MS).length}`;
		});
		console.log(
			`answers by number mod 10 (mean ms/over ${SLOW_MS} ms) at ${slowdown}x: ${byPlace.join(' ')}`
		);
		if (measured.length < answers) throw new Error(`only ${measured.length} answers timed`);
		const taps = await tapLoop(page, TAPS);
		console.log(
			`Event Timing, tap on Good to the next card's paint at ${slowdown}x (${taps.length} taps): p50 ${pct(taps, 0.5)} ms, p95 ${pct(taps, 0.95)} ms`
		);
		rows.push({
			cards,
			logs: seeded.logs,
			slowdown,
			openMs: median(opens),
			answerP50: pct(measured, 0.5),
			answerP95: pct(measured, 0.95),
			queueP50: queue.p50,
			queueP95: queue.p95,
			busyP50: busy.p50,
			busyP95: busy.p95,
			cpuP50: busy.cpuP50,
			cpuP95: busy.cpuP95,
			tapP50: pct(taps, 0.5),
			tapP95: pct(taps, 0.95),
			savedBusyP50: whole.p50
		});
		console.log(JSON.stringify(rows.at(-1)));
	}
	// After the timings above, each on a freshly loaded page: a backup's copies of the data do not
	// stay in the heap the answers were timed in.
	const backups: BackupRow[] = [];
	for (const slowdown of withBackup ? backupAt : []) {
		await context.setOffline(false);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
		await page.goto(`${base}/`);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
		// `PROFILE_BACKUP=1`: a CPU profile of export, check, restore and merge (where the time goes).
		const profilingBackup = process.env.PROFILE_BACKUP === '1';
		if (profilingBackup) {
			await cdp.send('Profiler.enable');
			await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
			await cdp.send('Profiler.start');
		}
		const b = await harness<BackupTimes>(page, 'timeBackup()');
		if (profilingBackup) {
			const profile = await stopProfile(cdp);
			mkdirSync('bench-results', { recursive: true });
			const name = `bench-results/backup-${cards}-${slowdown}x.cpuprofile`;
			writeFileSync(name, JSON.stringify(profile));
			console.log(`profiled the backup round trip: ${name}`);
			console.log(JSON.stringify(topSelf(profile), null, 2));
		}
		if (b.restore.logsAdded !== b.logs || b.known.logsKnown !== b.logs || b.known.logsAdded !== 0)
			throw new Error(`backup round trip lost logs: ${JSON.stringify(b)}`);
		const us = (ms: number) => Number(((ms * 1000) / b.logs).toFixed(1));
		backups.push({
			cards,
			slowdown,
			backupCards: b.cards,
			logs: b.logs,
			mb: Number((b.bytes / 2 ** 20).toFixed(1)),
			underLimit: b.underLimit,
			exportMs: Math.round(b.exportMs),
			checkMs: Math.round(b.checkMs),
			restoreMs: Math.round(b.restoreMs),
			knownMs: Math.round(b.knownMs),
			parts: {
				textMs: Math.round(b.textMs),
				blobMs: Math.round(b.blobMs),
				parseMs: Math.round(b.parseMs),
				validateMs: Math.round(b.validateMs)
			},
			usPerLog: {
				export: us(b.exportMs),
				check: us(b.checkMs),
				restore: us(b.restoreMs),
				known: us(b.knownMs)
			},
			restoreCardsPerSecond: Math.round(b.cards / (b.restoreMs / 1000)),
			restoreLogsPerSecond: Math.round(b.logs / (b.restoreMs / 1000)),
			restoreLongestTaskMs: b.restoreLongestTaskMs
		});
		console.log(JSON.stringify(backups.at(-1)));
	}
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
	await context.close();
	return { rows, backups, snapshot };
}

const browser = await launchBenchBrowser();
const rows: Row[] = [];
const backups: BackupRow[] = [];
const snapshots: SnapshotRow[] = [];
const studio: StudioRow[] = [];
const loadBefore = loadavg().map((x) => Number(x.toFixed(2)));
const imports: { slowdown: number; cards: number; ms: number; perSecond: number }[] = [];
try {
	for (const cards of sizes) {
		const measured = await measure(browser, cards);
		rows.push(...measured.rows);
		backups.push(...measured.backups);
		snapshots.push(measured.snapshot);
	}
	const context = await browser.newContext({ bypassCSP: true });
	const page = await context.newPage();
	await page.goto(`${base}/`);
	const cdp = await context.newCDPSession(page);
	// `IMPORT=0` leaves out the deck import timings.
	for (const slowdown of process.env.IMPORT === '0' ? [] : [1, 4]) {
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
		const r = await harness<{ ms: number; perSecond: number }>(page, 'timeDeckImport(10000)');
		imports.push({ slowdown, cards: 10000, ...r });
	}
	await context.close();
	// `STUDIO=0` leaves out the studio (a 2,000-card draft opened and typed into).
	if (process.env.STUDIO !== '0') studio.push(...(await measureStudio(browser, base)));
} finally {
	await browser.close();
	server.kill();
}

const f = (x: number) => x.toFixed(1).padStart(7);
const machine = `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, shared`;
const loadAfter = loadavg().map((x) => Number(x.toFixed(2)));
console.log(`\nmachine: ${machine}; Chromium headless; times in ms`);
console.log(
	`load average (1, 5, 15 min) before ${loadBefore.join(' ')}, after ${loadAfter.join(' ')}`
);
console.log(
	'cards   logs     CPU  open   answer p50  answer p95  queue p50  queue p95  busy/answer p50  p95  with the write p50  CPU/answer p50  p95  tap to paint p50  p95'
);
for (const r of rows)
	console.log(
		`${String(r.cards).padEnd(7)} ${String(r.logs).padEnd(8)} ${r.slowdown}x ${f(r.openMs)} ${f(r.answerP50)}     ${f(r.answerP95)}    ${f(r.queueP50)}    ${f(r.queueP95)}  ${f(r.busyP50)}        ${f(r.busyP95)}  ${f(r.savedBusyP50)}          ${f(r.cpuP50)}     ${f(r.cpuP95)}  ${f(r.tapP50)}     ${f(r.tapP95)}`
	);
for (const i of imports)
	console.log(
		`import 10,000-card deck at ${i.slowdown}x: ${i.ms.toFixed(0)} ms, ${i.perSecond} cards/s`
	);
if (backups.length > 0)
	console.log(
		'\nbackup: cards   logs     MB    CPU  export ms  check ms  restore ms  merge-known ms  µs/log (export/check/restore/known)  rows/s  longest task'
	);
for (const b of backups)
	console.log(
		`        ${String(b.backupCards).padEnd(7)} ${String(b.logs).padEnd(8)} ${String(b.mb).padEnd(5)} ${b.slowdown}x  ${String(b.exportMs).padStart(9)} ${String(b.checkMs).padStart(9)} ${String(b.restoreMs).padStart(11)} ${String(b.knownMs).padStart(15)}  ${b.usPerLog.export}/${b.usPerLog.check}/${b.usPerLog.restore}/${b.usPerLog.known}  ${Math.round((b.backupCards + b.logs) / (b.restoreMs / 1000))}  ${b.restoreLongestTaskMs}${b.underLimit ? '' : '  (over the backup size limit)'}`
	);
if (snapshots.length > 0)
	console.log(
		'\nsnapshot (1x): cards   logs     stored MB  raw MB  take ms  restore ms (text/check)  longest task'
	);
for (const s of snapshots)
	console.log(
		`               ${String(s.cards).padEnd(7)} ${String(s.logs).padEnd(8)} ${(s.bytes / 2 ** 20).toFixed(1).padStart(9)} ${(s.rawBytes / 2 ** 20).toFixed(1).padStart(7)} ${String(s.takeMs).padStart(8)} ${String(s.restoreMs).padStart(11)} (${s.textMs}/${s.checkMs})  ${s.restoreLongestTaskMs}`
	);
const at = (cards: number, slowdown: number) =>
	rows.find((r) => r.cards === cards && r.slowdown === slowdown);
const big = Math.max(...sizes);
const small = Math.min(...sizes);
const ratios = Object.fromEntries(
	(['openMs', 'answerP95', 'queueP50'] as const).map((k) => [
		k,
		Number(((at(big, 4)?.[k] ?? 0) / (at(small, 4)?.[k] ?? 1)).toFixed(2))
	])
);
console.log(`ratio ${big} / ${small} cards at 4x: ${JSON.stringify(ratios)}`);
if (studio.length > 0) printStudio(studio);
mkdirSync('bench-results', { recursive: true });
writeFileSync(
	'bench-results/bench.json',
	JSON.stringify(
		{
			when: new Date().toISOString(),
			machine,
			loadavg: { before: loadBefore, after: loadAfter },
			rows,
			imports,
			backups,
			snapshots,
			studio,
			ratios
		},
		null,
		2
	)
);
