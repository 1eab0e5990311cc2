/**
 * `PARTS=page npm run bench:sync`: the answer path in the real app in headless Chromium, sync on
 * and off. Two browser contexts are two devices with the same seeded collection; one signs in to a
 * CouchDB-protocol server the bench starts in its own process (`npm run sync:server`), the other
 * never syncs. They answer in alternating blocks (on, off, off, on, …), at 1x and 4x CPU slowdown,
 * with a reader's pause after each answer (READ_MS, default 1000 ms: the pause the push waits for,
 * see `push-pacer.ts`). Per side: a rating to the next card painted (p50/p95), and from a trace
 * the main thread's CPU time per answer, inside that window and over the whole block (which counts
 * the pushes and replication between answers). The machine is shared: read the ratios, with the
 * load average printed beside them. PORT (default 4281), CARDS (2000), BLOCK (20 answers),
 * SLOWDOWNS (1,4), PROFILE=1 (where each side's first block spends its CPU); `--no-build` serves
 * the app as last built.
 */
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { launchBenchBrowser } from './browser';
import { answerLoop, FIRST_CARD, harness, pct, servePreview } from './page';
import { startProfile, stopProfile, topSelf } from './profile';
import { spawnSyncServer } from './sync-server';
import { BUSY_CATEGORIES, busyPerAnswer } from './trace';
import { userDbName } from '../sync/users';

const port = Number(process.env.PORT ?? 4281);
const base = `http://localhost:${port}`;
const CARDS = Number(process.env.CARDS ?? 2000);
const BLOCK = Number(process.env.BLOCK ?? 20);
const READ_MS = Number(process.env.READ_MS ?? 1000);
const SLOWDOWNS = (process.env.SLOWDOWNS ?? '1,4').split(',').filter(Boolean).map(Number);
/** The first answers of a block warm up (a page just shown, its first queue). */
const WARMUP = 2;
const ORDER = [true, false, false, true, true, false, false, true];
/** `PROFILE=1`: a CPU profile of each side's first block, its functions by self time. */
const PROFILE = process.env.PROFILE === '1';
const USER = 'bench';
const PASSWORD = 'secret';

interface Device {
	sync: boolean;
	context: BrowserContext;
	page: Page;
	cdp: CDPSession;
}

const loadBefore = loadavg().map((x) => Number(x.toFixed(2)));
const preview = await servePreview(port);
const syncServer = await spawnSyncServer(USER, PASSWORD);
// The app is served at localhost: the server is addressed as localhost too (its cookie same-site).
const syncAddress = syncServer.url.replace('127.0.0.1', 'localhost');
const serverDocs = async () => {
	const auth = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
	const info = (await (
		await fetch(`${syncServer.url}/${userDbName(USER)}`, { headers: { authorization: auth } })
	).json()) as { doc_count: number };
	return info.doc_count;
};

/** The review-log rows the server holds in day documents (each row once, or it says so). */
const serverLogs = async () => {
	const auth = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
	const all = (await (
		await fetch(
			`${syncServer.url}/${userDbName(USER)}/_all_docs?include_docs=true&startkey="day:"&endkey="day:\uffff"`,
			{ headers: { authorization: auth } }
		)
	).json()) as { rows: { doc: { logs: { id: string }[]; undone: string[] } }[] };
	const ids = all.rows.flatMap((r) => r.doc.logs.map((l) => l.id));
	const unique = new Set(ids).size;
	return unique === ids.length ? `${unique}` : `${unique} (${ids.length - unique} doubled)`;
};

const requests = new Map<string, number>();

async function device(browser: Browser, sync: boolean): Promise<Device> {
	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		bypassCSP: true
	});
	const page = await context.newPage();
	await page.addInitScript({ content: FIRST_CARD });
	await page.goto(`${base}/about/`);
	await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
	await page.reload();
	const seeded = await harness<{ logs: number; ms: number }>(page, `seed(${CARDS})`);
	console.log(
		`${sync ? 'sync on ' : 'sync off'}: seeded ${CARDS} cards, ${seeded.logs} logs in ${(seeded.ms / 1000).toFixed(1)} s`
	);
	if (sync) {
		await page.goto(`${base}/settings/sync/`);
		await page.getByLabel('Server address').fill(syncAddress);
		await page.getByLabel('User name').fill(USER);
		await page.getByLabel('Password').fill(PASSWORD);
		await page.getByRole('button', { name: 'Sign in and sync' }).click();
		await page
			.getByTestId('sync-status')
			.filter({ hasText: /^Synced/ })
			.waitFor({ timeout: 600_000 });
		console.log(`sync on: first sync done, ${await serverDocs()} documents on the server`);
	}
	// Requests to the sync server, by method and path (the database's name left out).
	page.on('request', (request) => {
		if (!request.url().startsWith(syncAddress)) return;
		const path = new URL(request.url()).pathname.replace(/^\/[^/]+/, '').replace(/\/[^/]*$/, '/…');
		const key = `${request.method()} ${path || '/'}`;
		requests.set(key, (requests.get(key) ?? 0) + 1);
	});
	return { sync, context, page, cdp: await context.newCDPSession(page) };
}

interface Side {
	answerMs: number[];
	/** Main-thread CPU per answer, rating to next card painted (ms). */
	windowCpu: number[];
	/** Main-thread CPU of the whole block divided by its answers (ms). */
	blockCpuPerAnswer: number[];
}

const browser = await launchBenchBrowser();
interface Summary {
	answers: number;
	p50: number;
	p95: number;
	cpuInAnswerMs: number;
	cpuPerAnswerOverBlockMs: number;
}
interface Row {
	slowdown: number;
	on: Summary;
	off: Summary;
	p95Ratio: number;
	p50Ratio: number;
	cpuPerAnswerRatio: number;
	load: { start: number; end: number };
	serverDocsAdded: number;
}
const results: Row[] = [];
try {
	const on = await device(browser, true);
	const off = await device(browser, false);
	for (const slowdown of SLOWDOWNS) {
		const sides = new Map<boolean, Side>([
			[true, { answerMs: [], windowCpu: [], blockCpuPerAnswer: [] }],
			[false, { answerMs: [], windowCpu: [], blockCpuPerAnswer: [] }]
		]);
		for (const d of [on, off]) {
			await d.cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
			await d.page.goto(`${base}/review/?deck=bench`);
			await d.page.waitForFunction('window.__firstCard !== undefined');
			await d.cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
		}
		// Sync starts a second after the load event, at an idle moment: let it settle.
		await on.page.waitForTimeout(5000);
		const docsBefore = await serverDocs();
		const loadAt = loadavg()[0]!;
		for (const sync of ORDER) {
			const d = sync ? on : off;
			const side = sides.get(sync)!;
			const profiling = PROFILE && side.answerMs.length === 0;
			if (profiling) await startProfile(d.cdp, d.page);
			await browser.startTracing(d.page, { categories: BUSY_CATEGORIES });
			await d.page.evaluate("performance.mark('bench-block')");
			requests.clear();
			const times = await answerLoop(d.page, BLOCK, READ_MS);
			// The last answer's push (after its quiet time) belongs to the block too.
			await d.page.waitForTimeout(READ_MS + 1500);
			await d.page.evaluate("performance.mark('bench-block-end')");
			const trace = await browser.stopTracing();
			if (profiling)
				console.log(
					`${slowdown}x sync ${sync ? 'on' : 'off'}, by self time:`,
					JSON.stringify(topSelf(await stopProfile(d.cdp), 25), null, 2)
				);
			if (sync && PROFILE)
				console.log(
					`requests to the sync server per answer: ${JSON.stringify(Object.fromEntries([...requests].map(([k, n]) => [k, Number((n / times.length).toFixed(1))])))}`
				);
			if (times.length < BLOCK) throw new Error(`only ${times.length} answers in a block`);
			side.answerMs.push(...times.slice(WARMUP).map((t) => t.ms));
			const windows = busyPerAnswer(trace, WARMUP);
			side.windowCpu.push(windows.cpuP50);
			const block = busyPerAnswer(trace, 0, ['bench-block', 'bench-block-end']);
			side.blockCpuPerAnswer.push(block.cpuP50 / times.length);
			console.log(
				`${slowdown}x sync ${sync ? 'on ' : 'off'}: answer p50 ${pct(
					times.map((t) => t.ms),
					0.5
				).toFixed(0)} ms, p95 ${pct(
					times.map((t) => t.ms),
					0.95
				).toFixed(
					0
				)} ms; CPU per answer ${windows.cpuP50} ms in the answer, ${(block.cpuP50 / times.length).toFixed(1)} ms over the block; load ${loadavg()[0]!.toFixed(2)}`
			);
		}
		const docsAfter = await serverDocs();
		const s = (sync: boolean): Summary => {
			const side = sides.get(sync)!;
			return {
				answers: side.answerMs.length,
				p50: Number(pct(side.answerMs, 0.5).toFixed(1)),
				p95: Number(pct(side.answerMs, 0.95).toFixed(1)),
				cpuInAnswerMs: Number(pct(side.windowCpu, 0.5).toFixed(1)),
				cpuPerAnswerOverBlockMs: Number(pct(side.blockCpuPerAnswer, 0.5).toFixed(1))
			};
		};
		const row: Row = {
			slowdown,
			on: s(true),
			off: s(false),
			p95Ratio: Number((s(true).p95 / s(false).p95).toFixed(2)),
			p50Ratio: Number((s(true).p50 / s(false).p50).toFixed(2)),
			cpuPerAnswerRatio: Number(
				(s(true).cpuPerAnswerOverBlockMs / s(false).cpuPerAnswerOverBlockMs).toFixed(2)
			),
			load: { start: Number(loadAt.toFixed(2)), end: Number(loadavg()[0]!.toFixed(2)) },
			serverDocsAdded: docsAfter - docsBefore
		};
		results.push(row);
		console.log(JSON.stringify(row));
	}
	await on.cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
	await on.page.goto(`${base}/settings/sync/`);
	// The status says "off" until the sync code has loaded, a second or more after the page.
	const synced = on.page.getByTestId('sync-status').filter({ hasText: /^Synced/ });
	await synced.waitFor({ timeout: 60_000 });
	const answered = await harness<number>(on.page, 'countLogs()');
	console.log(
		`sync on, at the end: ${await synced.innerText()}; answers on the device ${answered}, on the server ${await serverLogs()}`
	);
} finally {
	await browser.close();
	syncServer.stop();
	preview.kill();
}

const loadAfter = loadavg().map((x) => Number(x.toFixed(2)));
console.log(
	`\nmachine: ${cpus().length} cores; load average (1, 5, 15 min) before ${loadBefore.join(' ')}, after ${loadAfter.join(' ')}`
);
console.log(
	'CPU  answer p50 on/off (ms)  p95 on/off (ms)  p95 on÷off  main-thread CPU per answer on/off: in the answer, over the block (ms)'
);
for (const r of results)
	console.log(
		`${r.slowdown}x   ${r.on.p50} / ${r.off.p50}          ${r.on.p95} / ${r.off.p95}       ${r.p95Ratio}x      ${r.on.cpuInAnswerMs} / ${r.off.cpuInAnswerMs}, ${r.on.cpuPerAnswerOverBlockMs} / ${r.off.cpuPerAnswerOverBlockMs}`
	);
mkdirSync('bench-results', { recursive: true });
writeFileSync(
	'bench-results/sync-page.json',
	JSON.stringify(
		{
			when: new Date().toISOString(),
			cards: CARDS,
			block: BLOCK,
			readMs: READ_MS,
			loadavg: { before: loadBefore, after: loadAfter },
			results
		},
		null,
		2
	)
);
