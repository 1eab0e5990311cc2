/**
 * `npm run bench:apkg-page`: imports a generated 20,000-note Anki package with about 200 MB of
 * media through the app's real Import page (file input, preview, import) in headless Chromium at
 * 390x844, at 1x CPU, and reports what a learner's phone would feel:
 * - the page's peak JavaScript heap, and the import worker's, sampled through the DevTools
 *   protocol while the package is read and saved, and the renderer's peak resident memory;
 * - cards per second excluding media: the same notes without media, imported the same way;
 * - the longest task on the page's main thread during each import (PerformanceObserver);
 * - that every card and media file arrived (counted in the page's own database).
 * Packages are written to the system's temp folder (kept between runs), never to the repository.
 * Builds the app first unless PREBUILT=1; serves it with `vite preview` on PORT (default 4182).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession } from '@playwright/test';
import { launchBenchBrowser } from './browser';
import { readImportTrace, type ImportTrace, type ThreadFigures } from './apkg-trace';
import {
	BASIC,
	makePackage,
	type FixtureNote,
	type FixtureRevlog
} from '../../tests/fixtures/anki-packages';

const NOTES = Number(process.env.NOTES ?? 20_000);
/** Expanded media in MB: one picture or sound per 10 notes shares it. */
const MEDIA_MB = Number(process.env.MEDIA_MB ?? 200);
const PORT = Number(process.env.PORT ?? 4182);
const MB = 1024 * 1024;
const ROOT = new URL('../../', import.meta.url).pathname;

/** Bytes that do not compress (as JPEG and MP3 files do not): a fast xorshift stream. */
function noise(size: number, seed: number): Uint8Array {
	const words = new Uint32Array(Math.ceil(size / 4));
	let x = seed * 2654435761 || 1;
	for (let i = 0; i < words.length; i++) {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		words[i] = x >>> 0;
	}
	return new Uint8Array(words.buffer, 0, size);
}

/** The bench's package, with or without media, made once and kept in the temp folder. */
async function benchPackage(withMedia: boolean): Promise<{ path: string; media: number }> {
	const files = withMedia ? Math.floor(NOTES / 10) : 0;
	const path = join(
		tmpdir(),
		`recall-bench-${NOTES}-notes-${withMedia ? `${MEDIA_MB}mb` : 'no'}-media.apkg`
	);
	if (existsSync(path)) return { path, media: files };
	const each = files ? Math.floor((MEDIA_MB * MB) / files) : 0;
	const notes: FixtureNote[] = [];
	const revlog: FixtureRevlog[] = [];
	const media: Record<string, Uint8Array> = {};
	for (let i = 1; i <= NOTES; i++) {
		let extra = '';
		if (withMedia && i % 10 === 0) {
			// Pictures and sounds alternate: both kinds go the same way into the media table.
			const name = i % 20 === 0 ? `p${i}.jpg` : `s${i}.mp3`;
			extra = name.endsWith('.jpg') ? ` <img src="${name}">` : ` [sound:${name}]`;
			media[name] = noise(each, i);
		}
		notes.push({
			id: i,
			guid: `g${i}`,
			mid: BASIC.id,
			fields: [`Question number ${i}?${extra}`, `Answer <b>${i}</b>`],
			did: 1,
			ords: [0]
		});
		if (i % 4 === 0)
			revlog.push(
				{ id: 1_700_000_000_000 + i * 10_000, nid: i, ord: 0, ease: 3, type: 0 },
				{ id: 1_700_000_000_000 + i * 10_000 + 86_400_000 * 3, nid: i, ord: 0, ease: 3, type: 1 }
			);
	}
	const bytes = await makePackage({
		layout: 'anki21b',
		notetypes: [BASIC],
		decks: [{ id: 1, name: 'Bench' }],
		notes,
		revlog,
		media
	});
	writeFileSync(path, bytes);
	return { path, media: files };
}

/** Resident memory now (VmRSS) of a process, in bytes, or 0 when it is gone. */
function rss(pid: number): number {
	try {
		const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

/** Peak resident memory (VmHWM) of a process, in bytes, or 0 when it is gone. */
function peakRss(pid: number): number {
	try {
		const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

/**
 * Samples the JS heap of the page and of its dedicated workers every 100 ms, through one browser-
 * level DevTools session (workers are attached as targets, their messages sent through it).
 */
async function heapSampler(browser: Browser) {
	const cdp: CDPSession = await browser.newBrowserCDPSession();
	const peaks = { page: 0, worker: 0, workerSeen: false };
	const sessions = new Map<string, 'page' | 'worker'>();
	let seq = 0;
	cdp.on('Target.receivedMessageFromTarget', (event) => {
		const kind = sessions.get(event.sessionId);
		const reply = JSON.parse(event.message) as { result?: { usedSize?: number } };
		const used = reply.result?.usedSize;
		if (!kind || used === undefined) return;
		peaks[kind] = Math.max(peaks[kind], used);
	});
	const attached = new Set<string>();
	const attach = async () => {
		const { targetInfos } = await cdp.send('Target.getTargets');
		for (const t of targetInfos) {
			const kind = t.type === 'page' ? 'page' : t.type === 'worker' ? 'worker' : undefined;
			if (!kind || attached.has(t.targetId)) continue;
			attached.add(t.targetId);
			try {
				const { sessionId } = await cdp.send('Target.attachToTarget', {
					targetId: t.targetId,
					flatten: false
				});
				sessions.set(sessionId, kind);
				if (kind === 'worker') peaks.workerSeen = true;
			} catch {
				// A target that went away between listing and attaching.
			}
		}
	};
	const timer = setInterval(() => {
		void attach()
			.then(() => {
				for (const sessionId of sessions.keys())
					void cdp
						.send('Target.sendMessageToTarget', {
							sessionId,
							message: JSON.stringify({ id: ++seq, method: 'Runtime.getHeapUsage' })
						})
						.catch(() => sessions.delete(sessionId));
			})
			.catch(() => undefined);
	}, 100);
	return {
		peaks,
		stop: async () => {
			clearInterval(timer);
			await cdp.detach().catch(() => undefined);
		},
		processes: async () =>
			(
				(await cdp.send('SystemInfo.getProcessInfo')) as {
					processInfo: { type: string; id: number; cpuTime: number }[];
				}
			).processInfo
	};
}

/** Counts the cards and media files in the app's database, and the media's bytes. */
const COUNT_STORED = `(async () => {
	const db = await new Promise((resolve, reject) => {
		const open = indexedDB.open('recall');
		open.onsuccess = () => resolve(open.result);
		open.onerror = () => reject(open.error);
	});
	const count = (store) =>
		new Promise((resolve) => {
			const req = db.transaction(store).objectStore(store).count();
			req.onsuccess = () => resolve(req.result);
		});
	const bytes = await new Promise((resolve) => {
		let sum = 0;
		const req = db.transaction('media').objectStore('media').openCursor();
		req.onsuccess = () => {
			const cursor = req.result;
			if (!cursor) return resolve(sum);
			sum += cursor.value.size;
			cursor.continue();
		};
	});
	const result = { cards: await count('cards'), media: await count('media'), bytes };
	db.close();
	return result;
})()`;

interface CpuProfile {
	nodes: {
		id: number;
		callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
	}[];
	samples: number[];
	timeDeltas: number[];
}

/** With PROFILE=1: the page's functions that took the most time themselves (main thread). */
function printProfile(profile: CpuProfile): void {
	const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
	const self = new Map<string, number>();
	profile.samples.forEach((id, i) => {
		const frame = byNode.get(id)?.callFrame;
		if (!frame) return;
		const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}:${frame.columnNumber}`;
		self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
	});
	const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 20);
	for (const [key, ms] of top) console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${key}`);
}

interface Run {
	cards: number;
	media: number;
	storedCards: number;
	storedMedia: number;
	storedMediaBytes: number;
	readMs: number;
	saveMs: number;
	longestTaskMs: number;
	/** The longest while the package was read and previewed, and while it was saved. */
	longestReadTaskMs: number;
	longestSaveTaskMs: number;
	longTasks: number;
	pageHeapMb: number;
	workerHeapMb: number | undefined;
	rendererPeakMb: number;
	/** The browser process holds Blobs' bytes until IndexedDB has them (or pages them to disk). */
	browserPeakMb: number;
	/** The browser process's resident memory, once a second. */
	browserRssMb: number[];
	cpuSeconds: number;
	/** CPU seconds of the saving alone (from the click on Import to "is ready"). */
	saveCpuSeconds: number;
	cpuByType: Record<string, number>;
	trace: ImportTrace | undefined;
}

/** One import of `path` in a fresh browser: choose the file, wait for the preview, import. */
async function importOnce(path: string): Promise<Run> {
	const browser = await launchBenchBrowser();
	try {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
		await context.addInitScript(() => {
			const w = window as unknown as { __tasks: [number, number][] };
			w.__tasks = [];
			new PerformanceObserver((list) => {
				for (const e of list.getEntries()) w.__tasks.push([e.startTime, e.duration]);
			}).observe({ type: 'longtask', buffered: true });
		});
		const page = await context.newPage();
		await page.goto(`http://127.0.0.1:${PORT}/import/`);
		await page.locator('input[type=file]:not([disabled])').waitFor({ state: 'attached' });
		const sampler = await heapSampler(browser);
		// Only the tasks of the import count: page load is not part of it.
		await page.evaluate(() => ((window as unknown as { __tasks: unknown[] }).__tasks = []));
		const profiler = process.env.PROFILE === '1' ? await context.newCDPSession(page) : undefined;
		if (profiler) {
			await profiler.send('Profiler.enable');
			await profiler.send('Profiler.setSamplingInterval', { interval: 1000 });
			await profiler.send('Profiler.start');
		}
		const before = await sampler.processes();
		const cpuBefore = new Map(before.map((p) => [p.id, p.cpuTime]));
		// The browser process's memory over time: bounded while saving, or growing with the media.
		const browserPid = before.find((p) => p.type === 'browser')?.id ?? 0;
		const rssTimeline: number[] = [];
		const rssTimer = setInterval(() => rssTimeline.push(rss(browserPid)), 1000);
		// NOTRACE=1: no trace, whose buffer would count in the browser process's memory.
		const tracing = process.env.NOTRACE !== '1';
		if (tracing)
			await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
		const started = Date.now();
		await page.locator('input[type=file]').setInputFiles(path);
		const confirm = page.getByRole('button', { name: /^Import [\d,]+ cards?$/ });
		await confirm.waitFor({ timeout: 600_000 });
		await page.waitForFunction(
			() =>
				![...document.querySelectorAll('button')].find((b) =>
					/^Import [\d,]+ card/.test(b.textContent ?? '')
				)?.disabled,
			undefined,
			{ timeout: 600_000 }
		);
		const readMs = Date.now() - started;
		const savingAt = await page.evaluate(() => {
			performance.mark('bench-save');
			return performance.now();
		});
		const cards = Number(((await confirm.textContent()) ?? '').replace(/[^\d]/g, ''));
		const cpuAtSave = new Map((await sampler.processes()).map((p) => [p.id, p.cpuTime]));
		const saving = Date.now();
		await confirm.click();
		await page.getByRole('heading', { name: /is ready$/ }).waitFor({ timeout: 600_000 });
		const saveMs = Date.now() - saving;
		// Read at once: stopping the trace below costs every process CPU of its own.
		const cpuAtReady = await sampler.processes();
		const done = (await page.locator('section[aria-labelledby=done-title]').textContent()) ?? '';
		const media = Number(/([\d,]+) media files? stored/.exec(done)?.[1]?.replace(/,/g, '') ?? 0);
		const trace = tracing ? readImportTrace(await browser.stopTracing(), 'bench-save') : undefined;
		const spans = await page.evaluate(
			() => (window as unknown as { __tasks: [number, number][] }).__tasks
		);
		const tasks = spans.map(([, d]) => d);
		const readTasks = spans.filter(([at]) => at < savingAt).map(([, d]) => d);
		const saveTasks = spans.filter(([at]) => at >= savingAt).map(([, d]) => d);
		if (profiler) {
			const { profile } = await profiler.send('Profiler.stop');
			printProfile(profile as unknown as CpuProfile);
		}
		const processes = await sampler.processes();
		clearInterval(rssTimer);
		await sampler.stop();
		// A string, not a function: tsx would wrap the function's inner helpers in its own `__name`.
		const stored = (await page.evaluate(COUNT_STORED)) as {
			cards: number;
			media: number;
			bytes: number;
		};
		// CPU seconds of every process of the browser during the import (new processes from 0), up
		// to "is ready". The tracing service's own work is the bench's, not the import's.
		const cpuSeconds = cpuAtReady
			.filter((p) => !/tracing/i.test(p.type))
			.reduce((sum, p) => sum + p.cpuTime - (cpuBefore.get(p.id) ?? 0), 0);
		const saveCpuSeconds = cpuAtReady
			.filter((p) => !/tracing/i.test(p.type))
			.reduce((sum, p) => sum + p.cpuTime - (cpuAtSave.get(p.id) ?? 0), 0);
		const cpuByType: Record<string, number> = {};
		for (const p of cpuAtReady)
			cpuByType[p.type] = (cpuByType[p.type] ?? 0) + p.cpuTime - (cpuBefore.get(p.id) ?? 0);
		const renderer = processes
			.filter((p) => p.type === 'renderer')
			.map((p) => peakRss(p.id))
			.reduce((a, b) => Math.max(a, b), 0);
		return {
			cards,
			media,
			storedCards: stored.cards,
			storedMedia: stored.media,
			storedMediaBytes: stored.bytes,
			readMs,
			saveMs,
			longestTaskMs: Math.round(Math.max(0, ...tasks)),
			longestReadTaskMs: Math.round(Math.max(0, ...readTasks)),
			longestSaveTaskMs: Math.round(Math.max(0, ...saveTasks)),
			longTasks: tasks.length,
			pageHeapMb: sampler.peaks.page / MB,
			workerHeapMb: sampler.peaks.workerSeen ? sampler.peaks.worker / MB : undefined,
			rendererPeakMb: renderer / MB,
			browserRssMb: rssTimeline.map((b) => Math.round(b / MB)),
			browserPeakMb: peakRss(processes.find((p) => p.type === 'browser')?.id ?? 0) / MB,
			cpuSeconds,
			saveCpuSeconds,
			cpuByType,
			trace
		};
	} finally {
		await browser.close();
	}
}

if (process.env.PREBUILT !== '1') {
	const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
	if (built.status !== 0) process.exit(built.status ?? 1);
}
const made = Date.now();
const full = await benchPackage(true);
const bare = await benchPackage(false);
const size = (p: string) => (readFileSync(p).length / MB).toFixed(1);
console.log(
	`packages ready in ${((Date.now() - made) / 1000).toFixed(0)} s: ${full.path} (${size(full.path)} MB, ${full.media} media), ${bare.path} (${size(bare.path)} MB)`
);
const server = spawn(
	process.execPath,
	['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort'],
	{ cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] }
);
try {
	await new Promise<void>((resolve, reject) => {
		server.stdout.on('data', (d: Buffer) => {
			if (d.toString().includes(String(PORT))) resolve();
		});
		server.on('exit', (code) => reject(new Error(`vite preview exited (${code})`)));
	});
	const fmt = (r: Run, label: string, bytes: number) =>
		`${label}: ${r.cards.toLocaleString('en')} cards (${r.storedCards.toLocaleString('en')} stored), ${r.media} media (${r.storedMedia} stored, ${(r.storedMediaBytes / MB).toFixed(0)} MB); ` +
		`read+preview ${(r.readMs / 1000).toFixed(1)} s, save ${(r.saveMs / 1000).toFixed(1)} s, ` +
		`${Math.round(r.cards / ((r.readMs + r.saveMs) / 1000))} cards/s end to end; ` +
		`longest main-thread task ${r.longestTaskMs} ms (reading ${r.longestReadTaskMs}, saving ${r.longestSaveTaskMs}; ${r.longTasks} over 50 ms); ` +
		`peak JS heap: page ${r.pageHeapMb.toFixed(0)} MB, worker ${r.workerHeapMb?.toFixed(0) ?? 'not reached'} MB; ` +
		`peak RSS: renderer ${r.rendererPeakMb.toFixed(0)} MB, browser process ${r.browserPeakMb.toFixed(0)} MB; package ${(bytes / MB).toFixed(0)} MB\n` +
		(r.trace
			? `  trace, longest top-level task wall / its CPU / most CPU in one task (ms): ` +
				`page reading ${task(r.trace.mainReading)}, page saving ${task(r.trace.mainSaving)}\n` +
				`  CPU time: page's main thread ${((r.trace.mainReading.cpuMs + r.trace.mainSaving.cpuMs) / 1000).toFixed(1)} s, `
			: '  CPU time: ') +
		`all of the browser's processes ${r.cpuSeconds.toFixed(1)} s (${Object.entries(r.cpuByType)
			.map(([k, v]) => `${k} ${v.toFixed(1)}`)
			.join(', ')}): ` +
		`${Math.round(r.cards / r.cpuSeconds)} cards per CPU second; saving alone ${r.saveCpuSeconds.toFixed(1)} s, ` +
		`${Math.round(r.cards / r.saveCpuSeconds)} cards per CPU second, ${Math.round(r.cards / (r.saveMs / 1000))} cards/s (wall)\n` +
		`  browser process RSS each second (MB): ${r.browserRssMb.join(' ')}`;
	const task = (f: ThreadFigures) =>
		`${f.longestWallMs} / ${f.longestWallCpuMs} / ${f.longestCpuMs}`;
	// ONLY=media or ONLY=bare runs one of the two (with PROFILE=1, to look at one of them).
	const only = process.env.ONLY;
	if (only !== 'bare') {
		const withMedia = await importOnce(full.path);
		console.log(fmt(withMedia, 'with media', readFileSync(full.path).length));
	}
	if (only !== 'media') {
		const without = await importOnce(bare.path);
		console.log(fmt(without, 'excluding media', readFileSync(bare.path).length));
		console.log(
			`cards/s excluding media (chosen file to "is ready"): ${Math.round(without.cards / ((without.readMs + without.saveMs) / 1000))}`
		);
	}
	console.log(
		`machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg()
			.map((l) => l.toFixed(1))
			.join(' ')}`
	);
} finally {
	server.kill();
}
