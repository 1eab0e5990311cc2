// `npm run bench:optimizer`: the optimizer's time and peak memory in Chromium (issue 16), at 1x
// CPU, on synthetic logs of 5,000, 50,000 and 300,000 answers (or the sizes given as arguments).
// The log goes through the app's own input builder (`trainingItems`, `holdOut`, `flatten`); the
// fit runs in a module worker with fsrs-browser's WebAssembly, as in Settings → Optimize. Memory:
// the worker's WebAssembly linear memory after the fit (it never shrinks, so that is its peak) and
// the page's JavaScript heap, sampled through the DevTools protocol while the fit runs.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { launchBenchBrowser } from './browser';
import { default_w } from 'ts-fsrs';
import { flatten, holdOut, trainingItems, type LogEntry } from '../../src/lib/scheduler';
import { memoryModel, type Memory } from '../../src/lib/scheduler/memory-model';
import { seeded } from '../../src/lib/scheduler/random';

const DAY = 86_400_000;
const SIZES = process.argv.slice(2).map(Number).filter(Boolean);
const sizes = SIZES.length ? SIZES : [5_000, 50_000, 300_000];

/** `answers` answers from a learner with FSRS's default memory, about ten per card over a year. */
function syntheticLog(answers: number): LogEntry[] {
	const random = seeded(answers);
	const model = memoryModel(default_w);
	const start = Date.UTC(2025, 0, 6, 12);
	const logs: LogEntry[] = [];
	for (let c = 0; logs.length < answers; c++) {
		let memory: Memory | undefined;
		let at = start + Math.floor(random() * 200) * DAY;
		for (let n = 0; n < 12 && logs.length < answers; n++) {
			const recalled = memory ? random() < model.recall(memory, at) : random() < 0.75;
			const grade = recalled ? (random() < 0.1 ? 2 : random() < 0.9 ? 3 : 4) : 1;
			logs.push({ uid: `b|${c}`, kind: 'review', grade, reviewedAt: at, mode: 'flashcard' });
			memory = model.update(memory, grade as 1 | 2 | 3 | 4, at);
			const days = Math.max(1, Math.round(memory.state.stability * (0.6 + random() * 0.8)));
			at += days * DAY + Math.floor(random() * 3_600_000);
		}
	}
	return logs;
}

const ROOT = new URL('./optimizer-page/', import.meta.url).pathname;
const FSRS = new URL('../../node_modules/fsrs-browser/', import.meta.url).pathname;
const TYPES: Record<string, string> = {
	'.js': 'text/javascript',
	'.wasm': 'application/wasm',
	'.html': 'text/html'
};

const server = createServer(async (req, res) => {
	const url = new URL(req.url ?? '/', 'http://localhost');
	const path = url.pathname === '/' ? '/index.html' : url.pathname;
	const file = path.startsWith('/fsrs/')
		? join(FSRS, normalize(path.slice(6)))
		: join(ROOT, normalize(path));
	try {
		const body =
			path === '/index.html' ? '<!doctype html><title>bench</title>' : await readFile(file);
		res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/plain' });
		res.end(body);
	} catch {
		res.writeHead(404).end();
	}
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;

const browser = await launchBenchBrowser();
const MB = 1024 * 1024;
const rows: string[] = [];
try {
	for (const size of sizes) {
		const logs = syntheticLog(size);
		const { train } = holdOut(trainingItems(logs, 4));
		const flat = flatten(train);
		const page = await browser.newPage();
		await page.goto(`http://127.0.0.1:${port}/`);
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Performance.enable');
		let heapPeak = 0;
		const sample = setInterval(() => {
			cdp
				.send('Performance.getMetrics')
				.then(({ metrics }) => {
					const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
					heapPeak = Math.max(heapPeak, used);
				})
				.catch(() => undefined);
		}, 200);
		const started = Date.now();
		const result = await page.evaluate(
			({ ratings, deltas, lengths }) =>
				new Promise<{ ms: number; wasmBytes: number; wasmBytesBefore: number; error?: string }>(
					(resolve) => {
						const worker = new Worker('/worker.js', { type: 'module' });
						worker.onmessage = (e) => resolve(e.data);
						worker.onerror = (e) =>
							resolve({ ms: 0, wasmBytes: 0, wasmBytesBefore: 0, error: e.message });
						worker.postMessage({
							ratings: new Uint32Array(ratings),
							deltas: new Uint32Array(deltas),
							lengths: new Uint32Array(lengths)
						});
					}
				),
			{ ratings: [...flat.ratings], deltas: [...flat.deltas], lengths: [...flat.lengths] }
		);
		clearInterval(sample);
		if (result.error) throw new Error(`${size}: ${result.error}`);
		const line = [
			size.toLocaleString('en'),
			train.length.toLocaleString('en'),
			(result.ms / 1000).toFixed(1),
			((Date.now() - started) / 1000).toFixed(1),
			(result.wasmBytes / MB).toFixed(0),
			(heapPeak / MB).toFixed(0)
		].join(' | ');
		rows.push(`| ${line} |`);
		console.log(rows.at(-1));
		await page.close();
	}
} finally {
	await browser.close();
	server.close();
}
console.log(
	'\n| answers | training items | fit (s) | with transfer (s) | wasm memory (MB) | page JS heap peak (MB) |\n|---|---|---|---|---|---|\n' +
		rows.join('\n')
);
