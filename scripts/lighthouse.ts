/**
 * `npm run lighthouse`: builds the app, serves it, and runs Lighthouse (mobile defaults: a mid-range
 * phone with 4x CPU slowdown on slow 4G) on the home and review screens with Debian's Chromium.
 * Prints the median of RUNS runs (default 5) with the machine's load average, which says how far
 * the figures can be trusted, and writes bench-results/lighthouse.json.
 * Lighthouse is fetched by npx at a pinned version, so it never weighs on `npm ci` or `npm test`.
 *
 * Options: `--no-build` serves the build as it is; `--compare DIR` also serves the build in DIR (a
 * worktree of another commit, built there) and alternates the two run by run, so a busy machine
 * weighs on both alike. PORT (default 4195) is where each build is served in turn.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const LIGHTHOUSE = 'lighthouse@12.8.2';
const port = Number(process.env.PORT ?? 4195);
const chrome = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const pages = ['/', '/review/'];
const runs = Number(process.env.RUNS ?? 5);
const compareAt = process.argv.indexOf('--compare');
const builds = [
	{ name: 'this', dir: process.cwd() },
	...(compareAt > 0 ? [{ name: 'compare', dir: resolve(process.argv[compareAt + 1] ?? '') }] : [])
];

if (!process.argv.includes('--no-build'))
	execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });

async function serve(dir: string): Promise<ChildProcess> {
	const server = spawn(
		process.execPath,
		[join(dir, 'node_modules/vite/bin/vite.js'), 'preview', '--port', String(port), '--strictPort'],
		{ cwd: dir, stdio: 'ignore' }
	);
	for (let i = 0; i < 60; i++) {
		const up = await fetch(`http://localhost:${port}/`).then(
			(r) => r.ok,
			() => false
		);
		if (up) return server;
		await new Promise((r) => setTimeout(r, 500));
	}
	server.kill();
	throw new Error(`The preview of ${dir} did not answer on port ${port}`);
}

async function stop(server: ChildProcess): Promise<void> {
	const exited = new Promise((r) => server.once('exit', r));
	server.kill();
	await exited;
}

interface Result {
	build: string;
	page: string;
	run: number;
	load: number;
	performance: number;
	accessibility: number;
	bestPractices: number;
	lcpMs: number;
	tbtMs: number;
	cls: number;
	fcpMs: number;
}

const results: Result[] = [];
for (let run = 1; run <= runs; run++) {
	for (const build of builds) {
		const server = await serve(build.dir);
		try {
			for (const page of pages) {
				const out = join(tmpdir(), `recall-lh-${process.pid}.json`);
				const load = loadavg()[0] ?? 0;
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
				const result: Result = {
					build: build.name,
					page,
					run,
					load: Number(load.toFixed(2)),
					performance: Math.round(lhr.categories.performance.score * 100),
					accessibility: Math.round(lhr.categories.accessibility.score * 100),
					bestPractices: Math.round(lhr.categories['best-practices'].score * 100),
					lcpMs: Math.round(audit('largest-contentful-paint')),
					tbtMs: Math.round(audit('total-blocking-time')),
					cls: Number(audit('cumulative-layout-shift').toFixed(3)),
					fcpMs: Math.round(audit('first-contentful-paint'))
				};
				results.push(result);
				console.log(
					`run ${run} ${build.name} ${page}: perf ${result.performance}, TBT ${result.tbtMs} ms, LCP ${result.lcpMs} ms (load ${result.load})`
				);
			}
		} finally {
			await stop(server);
		}
	}
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
console.log(
	`\nmedian of ${runs} runs; 1-minute load average during the runs on ${execFileSync('nproc')
		.toString()
		.trim()} cores`
);
console.log('build    page      perf  a11y  best  LCP ms  TBT ms  CLS    load');
const summary = builds.flatMap((build) =>
	pages.map((page) => {
		const rs = results.filter((r) => r.page === page && r.build === build.name);
		const row = {
			build: build.name,
			dir: build.dir,
			page,
			performance: median(rs.map((r) => r.performance)),
			accessibility: median(rs.map((r) => r.accessibility)),
			bestPractices: median(rs.map((r) => r.bestPractices)),
			lcpMs: median(rs.map((r) => r.lcpMs)),
			tbtMs: median(rs.map((r) => r.tbtMs)),
			cls: median(rs.map((r) => r.cls)),
			load: median(rs.map((r) => r.load))
		};
		console.log(
			`${build.name.padEnd(8)} ${page.padEnd(9)} ${String(row.performance).padStart(4)}  ${String(row.accessibility).padStart(4)}  ${String(row.bestPractices).padStart(4)}  ${String(row.lcpMs).padStart(6)}  ${String(row.tbtMs).padStart(6)}  ${String(row.cls).padEnd(5)}  ${row.load}`
		);
		return row;
	})
);
mkdirSync('bench-results', { recursive: true });
writeFileSync(
	'bench-results/lighthouse.json',
	JSON.stringify(
		{ lighthouse: LIGHTHOUSE, when: new Date().toISOString(), runs, summary, results },
		null,
		2
	)
);
