/**
 * The studio's part of `npm run bench`: opening a 2,000-card draft in the editor (to its card list
 * painted, and to its first full check), and the time from a key press in a card field to the next
 * frame painted (p50/p95 over typed keys, with pauses that let the draft save and check between
 * them), without and with a 4x CPU slowdown. Run alone: `npx tsx scripts/bench/studio.ts` with a
 * preview server at PORT (`npm run bench` runs it after the other parts). `STUDIO_PROFILE=4` prints the
 * main thread's busiest functions while opening and while typing at that slowdown;
 * `STUDIO_SLOWDOWNS=4` measures only at 4x (run alone; the default is 1,4).
 */
import type { Browser } from '@playwright/test';
import { launchBenchBrowser } from './browser';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startProfile, stopProfile, topSelf } from './profile';
import { summariseTrace, TRACE_CATEGORIES, type TraceEvent } from './trace';

/** `STUDIO_PROFILE=4`: CPU-profile opening and typing at these slowdowns and print where time went. */
const profileAt = (process.env.STUDIO_PROFILE ?? '').split(',').filter(Boolean).map(Number);
/**
 * `STUDIO_TRACE=4`: trace opening and typing at these slowdowns with the timeline's categories and
 * print what the open (document start to the card list painted) and a key's window (key press to
 * its frame painted) spent main-thread time on: script, style, layout, paint (self time per event
 * name). The traces are kept in bench-results/.
 */
const traceAt = (process.env.STUDIO_TRACE ?? '').split(',').filter(Boolean).map(Number);

export interface StudioRow {
	slowdown: number;
	cards: number;
	/** Navigation to the card list painted, the first time the studio's editor opens. */
	openMs: number;
	/** The same, opened again from the drafts list (the editor's compiled code cached). */
	reopenMs: number;
	/** Navigation to the first check of every card done (the Problems count shown). */
	checkedMs: number;
	/** The page's main thread's CPU time while opening (to the first full check), from a trace. */
	openCpuMs: number;
	keys: number;
	/** The main thread's CPU time while typing, per key (saves and checks included). */
	keyCpuMs: number;
	keyP50: number;
	keyP95: number;
	keyMax: number;
	/**
	 * The main thread's CPU time from a key press to its frame painted (what the key itself cost,
	 * without the waits of a busy machine), p50 and p95 over the keys.
	 */
	keyBusyP50: number;
	keyBusyP95: number;
}

/** The marks the page sets at each key press and at the frame after it (see `measureStudio`). */
const KEY_DOWN = 'studio-key-down';
const KEY_PAINTED = 'studio-key-painted';

/**
 * CPU time of the renderer's main thread in a trace: the thread time (`tdur`) of its outermost
 * tasks. Unlike wall time it hardly grows when other work shares the cores, so it compares builds
 * measured on a loaded machine.
 */
function mainThreadCpuMs(trace: Buffer): number {
	const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
	const threads = events.filter(
		(e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain'
	);
	let best = 0;
	for (const thread of threads) {
		const tasks = events
			.filter(
				(e) =>
					e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid && e.cat.includes('toplevel')
			)
			.sort((a, b) => a.ts - b.ts);
		let end = -Infinity;
		let cpu = 0;
		for (const t of tasks) {
			if (t.ts < end) continue;
			end = t.ts + (t.dur ?? 0);
			cpu += t.tdur ?? 0;
		}
		// The tab's renderer is the busiest one (a navigation can start a new one).
		best = Math.max(best, cpu / 1000);
	}
	return best;
}

/**
 * The main thread's CPU time of each key, from the page's mark at its key press to its mark at the
 * frame painted after it: the thread time of the tasks in between (a task cut by a mark counts in
 * proportion). Empty when the trace has no marks.
 */
function keyBusyMs(trace: Buffer): number[] {
	const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
	const marks = events
		.filter((e) => e.name === KEY_DOWN || e.name === KEY_PAINTED)
		.sort((a, b) => a.ts - b.ts);
	const first = marks[0];
	if (!first) return [];
	const tasks = events
		.filter(
			(e) =>
				e.ph === 'X' && e.pid === first.pid && e.tid === first.tid && e.cat.includes('toplevel')
		)
		.sort((a, b) => a.ts - b.ts);
	const out: number[] = [];
	let down: number | undefined;
	for (const m of marks) {
		if (m.name === KEY_DOWN) down = m.ts;
		else if (down !== undefined) {
			const from = down;
			let cpu = 0;
			let end = -Infinity;
			for (const t of tasks) {
				// Nested tasks are in their parent's time already.
				if (t.ts < end) continue;
				end = t.ts + (t.dur ?? 0);
				const overlap = Math.min(end, m.ts) - Math.max(t.ts, from);
				if (overlap > 0 && t.dur) cpu += ((t.tdur ?? t.dur) * overlap) / t.dur;
			}
			out.push(cpu / 1000);
			down = undefined;
		}
	}
	return out;
}

interface BenchWindow extends Window {
	studioListPainted?: number;
}

/** The marks around opening the editor, for `STUDIO_TRACE`: document start to the list painted. */
const OPEN_START = 'bench-studio-open';
const OPEN_PAINTED = 'bench-studio-listed';

/**
 * Run in every document of the bench's page before its own scripts: notes the moment (ms since
 * the navigation started) of the frame after the one that first holds the card list with its
 * heading (`title`) and a row, in `window.studioListPainted` (not on a card's page, where the list
 * is not shown). A mutation observer costs the page next to nothing; the bench reads the result
 * once it is there. Plain text, not a function: tsx
 * would wrap a function's inner functions in a helper the page does not have.
 */
const listPainted = (title: string) => `if (!new URLSearchParams(location.search).has('card')) {
	performance.mark('${OPEN_START}');
	const look = () => {
		const heading = document.getElementById('cards-title');
		if (!heading?.textContent?.includes(${JSON.stringify(title)})) return;
		if (!document.querySelector('.cards li')) return;
		seen.disconnect();
		requestAnimationFrame(() => setTimeout(() => { window.studioListPainted = performance.now(); performance.mark('${OPEN_PAINTED}'); }));
	};
	const seen = new MutationObserver(look);
	seen.observe(document, { childList: true, subtree: true, characterData: true });
}`;

const pct = (xs: number[], p: number) =>
	[...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)] ?? 0;

/** A draft of `count` cards of every kind, each with a quote from a long source text. */
export function bigDraft(count: number) {
	const kinds = ['basic', 'mcq', 'typed', 'truefalse', 'cloze'] as const;
	const sentences: string[] = [];
	const cards = Array.from({ length: count }, (_, i) => {
		const kind = kinds[i % kinds.length]!;
		const sentence = `Fact number ${i} says that item ${i} belongs to group ${i % 37}.`;
		sentences.push(sentence);
		return {
			id: `fact-${i}`,
			kind,
			prompt:
				kind === 'cloze'
					? `Fact number ${i} says that item ___ belongs to group.`
					: `Which group does item ${i} belong to?`,
			answer: kind === 'truefalse' ? 'True' : `Group ${i % 37}`,
			answerType: kind === 'truefalse' ? '' : 'group',
			accept: [],
			distractors: kind === 'mcq' ? ['Group 100', 'Group 101', 'Group 102'] : [],
			explanation: '',
			fact: '',
			tags: ['bench'],
			quote: sentence
		};
	});
	return {
		id: 'bench',
		rev: 1,
		createdAt: 0,
		updatedAt: 0,
		published: cards.map((c) => c.id),
		deck: {
			id: 'studio-bench',
			title: 'Studio bench',
			description: '',
			version: 1,
			language: 'en',
			sourceTitle: 'Bench source',
			sourceAuthor: '',
			sourceUrl: '',
			sourceFile: 'source.txt',
			sourceText: sentences.join(' '),
			cards
		}
	};
}

/** Measures the studio at each slowdown with a fresh browser context. */
export async function measureStudio(
	browser: Browser,
	base: string,
	slowdowns = [1, 4],
	count = 2000
): Promise<StudioRow[]> {
	const rows: StudioRow[] = [];
	const draft = bigDraft(count);
	for (const slowdown of slowdowns) {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		await page.addInitScript({ content: listPainted(`Cards (${count.toLocaleString('en')})`) });
		// The studio's drafts list opens the database at its current version; then the draft goes in.
		await page.goto(`${base}/studio/`);
		await page.getByRole('heading', { name: 'Drafts' }).waitFor();
		// Measured as an instructor meets it, not on a first visit: the offline worker has
		// installed (its precache, some 4 MB, downloads beside the page and took a good part of the
		// open's time at 4x when it overlapped it), as the review bench waits for it too.
		await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
		await page.evaluate(async (row) => {
			// The heading can show before the app has made its database: wait for the drafts table.
			let db: IDBDatabase;
			for (;;) {
				db = await new Promise<IDBDatabase>((resolve, reject) => {
					const open = indexedDB.open('recall');
					open.onsuccess = () => resolve(open.result);
					open.onerror = () => reject(open.error);
				});
				if (db.objectStoreNames.contains('drafts')) break;
				db.close();
				await new Promise((r) => setTimeout(r, 100));
			}
			await new Promise<void>((resolve, reject) => {
				const tx = db.transaction('drafts', 'readwrite');
				tx.objectStore('drafts').put(row);
				tx.oncomplete = () => resolve();
				tx.onerror = () => reject(tx.error);
			});
			db.close();
		}, draft);
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });

		const profiling = profileAt.includes(slowdown);
		const detailed = traceAt.includes(slowdown);
		if (profiling) await startProfile(cdp, page);
		else
			await browser.startTracing(page, {
				categories: detailed ? TRACE_CATEGORIES : ['toplevel', 'blink.user_timing']
			});
		const start = Date.now();
		await page.goto(`${base}/studio/edit/?draft=bench`);
		// The page times itself (see `listPainted`): Playwright's waiting for a heading by its role
		// computes accessible names over and over on the page's own thread, which at 4x added
		// about a tenth to what it measured.
		const painted = await page.waitForFunction(
			() => (window as BenchWindow).studioListPainted,
			null,
			{
				polling: 250,
				timeout: 60_000
			}
		);
		const openMs = Math.round((await painted.jsonValue()) ?? NaN);
		await page.getByRole('button', { name: /^Problems/ }).click();
		await page.getByText(/No problems|Tap a problem/).waitFor({ timeout: 60_000 });
		const checkedMs = Date.now() - start;
		const openTrace = profiling ? undefined : await browser.stopTracing();
		const openCpuMs = openTrace ? mainThreadCpuMs(openTrace) : NaN;
		if (detailed && openTrace) {
			const summary = summariseTrace(openTrace, [OPEN_START, OPEN_PAINTED]);
			console.log(`\nStudio open at ${slowdown}x, document start to list painted:`, summary);
			mkdirSync('bench-results', { recursive: true });
			writeFileSync(`bench-results/studio-open-${slowdown}x.json`, openTrace);
		}
		if (profiling) {
			const { busyMs, top } = topSelf(await stopProfile(cdp), 25);
			console.log(
				`\nStudio open at ${slowdown}x: main thread busy ${busyMs} ms\n${top.join('\n')}`
			);
		}

		// The same draft opened again from the drafts list, as an instructor coming back to it: the
		// scripts have run once, so the browser has their compiled code cached (on the first open
		// it makes that cache, about a tenth of the open's main-thread time at 4x).
		await page.goto(`${base}/studio/`);
		await page.getByRole('heading', { name: 'Drafts' }).waitFor();
		await page.goto(`${base}/studio/edit/?draft=bench`);
		const repainted = await page.waitForFunction(
			() => (window as BenchWindow).studioListPainted,
			null,
			{ polling: 250, timeout: 60_000 }
		);
		const reopenMs = Math.round((await repainted.jsonValue()) ?? NaN);

		// A card in the middle of the deck, its prompt field focused.
		await page.goto(`${base}/studio/edit/?draft=bench&card=fact-${Math.floor(count / 2)}`);
		const field = page.locator('#field-prompt');
		await field.waitFor();
		await field.click();
		await page.evaluate(
			([downMark, paintedMark]) => {
				const w = window as unknown as { keyTimes: number[] };
				w.keyTimes = [];
				let down = 0;
				addEventListener(
					'keydown',
					() => {
						down = performance.now();
						// In the trace, the marks bound each key's main-thread time.
						performance.mark(downMark);
					},
					true
				);
				addEventListener('input', () => {
					const at = down;
					// The frame after the input, painted: rAF, then a task after it.
					requestAnimationFrame(() =>
						setTimeout(() => {
							w.keyTimes.push(performance.now() - at);
							performance.mark(paintedMark);
						})
					);
				});
			},
			[KEY_DOWN, KEY_PAINTED] as const
		);
		if (profiling) await startProfile(cdp, page);
		else
			await browser.startTracing(page, {
				categories: detailed ? TRACE_CATEGORIES : ['toplevel', 'blink.user_timing']
			});
		const text = ' and a few more words typed into the prompt of this card';
		for (let i = 0; i < text.length; i++) {
			await page.keyboard.type(text[i]!);
			// Mostly quick typing; every tenth key a pause, so saves and checks land between keys.
			await page.waitForTimeout(i % 10 === 9 ? 500 : 80);
		}
		await page.waitForTimeout(500);
		const typingTrace = profiling ? undefined : await browser.stopTracing();
		const typingCpuMs = typingTrace ? mainThreadCpuMs(typingTrace) : NaN;
		const keyBusy = typingTrace ? keyBusyMs(typingTrace) : [];
		if (detailed && typingTrace) {
			const summary = summariseTrace(typingTrace, [KEY_DOWN, KEY_PAINTED]);
			console.log(`\nStudio typing at ${slowdown}x, a key's window:`, summary);
			mkdirSync('bench-results', { recursive: true });
			const file = `bench-results/studio-typing-${slowdown}x.json`;
			writeFileSync(file, typingTrace);
			console.log(`trace kept in ${file} (open it in Chromium's Performance panel)`);
		}
		if (profiling) {
			const { busyMs, top } = topSelf(await stopProfile(cdp), 25);
			console.log(
				`\nStudio typing at ${slowdown}x: main thread busy ${busyMs} ms\n${top.join('\n')}`
			);
		}
		const times = await page.evaluate(() => (window as unknown as { keyTimes: number[] }).keyTimes);
		rows.push({
			slowdown,
			cards: count,
			openMs,
			reopenMs,
			checkedMs,
			openCpuMs,
			keys: times.length,
			keyCpuMs: typingCpuMs / text.length,
			keyP50: pct(times, 0.5),
			keyP95: pct(times, 0.95),
			keyMax: Math.max(...times),
			keyBusyP50: keyBusy.length ? pct(keyBusy, 0.5) : NaN,
			keyBusyP95: keyBusy.length ? pct(keyBusy, 0.95) : NaN
		});
		await context.close();
	}
	return rows;
}

/** Prints the rows as the other parts of the bench do. */
export function printStudio(rows: StudioRow[]): void {
	console.log(
		'\nStudio (2,000-card draft): open to card list (first time, again), to first full check; key to paint; main thread CPU'
	);
	for (const r of rows)
		console.log(
			`  ${r.slowdown}x  open ${r.openMs} ms, again ${r.reopenMs} ms  checked ${r.checkedMs} ms  key p50 ${r.keyP50.toFixed(1)} ms  p95 ${r.keyP95.toFixed(1)} ms  max ${r.keyMax.toFixed(1)} ms  (${r.keys} keys)  CPU: open ${r.openCpuMs.toFixed(0)} ms, ${r.keyCpuMs.toFixed(1)} ms a key, key to paint p50 ${r.keyBusyP50.toFixed(1)} ms p95 ${r.keyBusyP95.toFixed(1)} ms`
		);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const port = Number(process.env.PORT ?? 4173);
	const browser = await launchBenchBrowser();
	try {
		const slowdowns = (process.env.STUDIO_SLOWDOWNS ?? '1,4').split(',').map(Number);
		printStudio(await measureStudio(browser, `http://localhost:${port}`, slowdowns));
	} finally {
		await browser.close();
	}
}
