/**
 * `npm run lighthouse`: builds the app, serves it, and runs Lighthouse (mobile defaults: a mid-range
 * phone with 4x CPU slowdown on slow 4G) on the home and review screens with Debian's Chromium.
 * Prints the scores and the core figures, and writes bench-results/lighthouse.json.
 * Lighthouse is fetched by npx at a pinned version, so it never weighs on `npm ci`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LIGHTHOUSE = 'lighthouse@12.8.2';
const port = Number(process.env.PORT ?? 4195);
const chrome = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const pages = ['/', '/review/'];
const runs = Number(process.env.RUNS ?? 3);

if (!process.argv.includes('--no-build'))
	execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
const server = spawn(
	process.execPath,
	['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort'],
	{ stdio: 'ignore' }
);
await new Promise((r) => setTimeout(r, 2000));

interface Result {
	page: string;
	run: number;
	performance: number;
	accessibility: number;
	bestPractices: number;
	lcpMs: number;
	tbtMs: number;
	cls: number;
	fcpMs: number;
}

const results: Result[] = [];
try {
	for (const page of pages) {
		for (let run = 1; run <= runs; run++) {
			const out = join(tmpdir(), `recall-lh-${run}.json`);
			execFileSync(
				'npx',
				[
					'--yes',
					LIGHTHOUSE,
					`http://localhost:${port}${page}`,
					'--only-categories=performance,accessibility,best-practices',
					'--output=json',
					`--output-path=${out}`,
					'--quiet',
					'--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage'
				],
				{ stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome } }
			);
			const lhr = JSON.parse(readFileSync(out, 'utf8'));
			const audit = (id: string) => lhr.audits[id].numericValue as number;
			results.push({
				page,
				run,
				performance: Math.round(lhr.categories.performance.score * 100),
				accessibility: Math.round(lhr.categories.accessibility.score * 100),
				bestPractices: Math.round(lhr.categories['best-practices'].score * 100),
				lcpMs: Math.round(audit('largest-contentful-paint')),
				tbtMs: Math.round(audit('total-blocking-time')),
				cls: Number(audit('cumulative-layout-shift').toFixed(3)),
				fcpMs: Math.round(audit('first-contentful-paint'))
			});
		}
	}
} finally {
	server.kill();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
console.log('\npage      perf  a11y  best  LCP ms  TBT ms  CLS    (median of %d runs)', runs);
const summary = pages.map((page) => {
	const rs = results.filter((r) => r.page === page);
	const row = {
		page,
		performance: median(rs.map((r) => r.performance)),
		accessibility: median(rs.map((r) => r.accessibility)),
		bestPractices: median(rs.map((r) => r.bestPractices)),
		lcpMs: median(rs.map((r) => r.lcpMs)),
		tbtMs: median(rs.map((r) => r.tbtMs)),
		cls: median(rs.map((r) => r.cls))
	};
	console.log(
		`${page.padEnd(9)} ${String(row.performance).padStart(4)}  ${String(row.accessibility).padStart(4)}  ${String(row.bestPractices).padStart(4)}  ${String(row.lcpMs).padStart(6)}  ${String(row.tbtMs).padStart(6)}  ${row.cls}`
	);
	return row;
});
mkdirSync('bench-results', { recursive: true });
writeFileSync(
	'bench-results/lighthouse.json',
	JSON.stringify(
		{ lighthouse: LIGHTHOUSE, when: new Date().toISOString(), summary, results },
		null,
		2
	)
);
