/**
 * Reads the build output (run `npm run build` first; `npm test` does): the service worker must
 * precache the shell, every route and every bundled deck, and the first screen must stay small.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUILD = 'build';
const built = existsSync(join(BUILD, 'sw.js'));
const KB = 1024;

/** Budgets: gzipped JavaScript of the first route, and the precache without the decks. */
const FIRST_ROUTE_JS_GZ = 80 * KB;
// 2 MB since the studio, the Anki reader, sync and the optimizer (issues 14-17) joined: each loads
// only when used, but all are precached so that they work offline. 2.1 MB since the workload
// chart's worker, studio media and class media joined (2,072 KB then). The next trim: the install,
// snapshot and transfer workers each carry their own copy of Dexie (about 98 KB each). 2.45 MB
// since sync runs in a worker (2,417 KB then): its script (385 KB) carries its own PouchDB, Dexie
// and sync engine, while the page keeps PouchDB for publishing to a class (131 KB).
const PRECACHE_WITHOUT_DECKS = 2.45 * KB * KB;

function precache(): { url: string; revision: string | null }[] {
	const sw = readFileSync(join(BUILD, 'sw.js'), 'utf8');
	const list = /precacheAndRoute\((\[.*?\])/s.exec(sw)?.[1];
	if (!list) throw new Error('no precache list in build/sw.js');
	// The list is a JS array literal of {url, revision} objects.
	return Function(`return ${list}`)() as { url: string; revision: string | null }[];
}

/** Every page route under src/routes, as the URL the static build serves it at (a folder). */
function routes(dir = 'src/routes', prefix = ''): string[] {
	const found: string[] = [];
	for (const name of readdirSync(dir)) {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) found.push(...routes(full, `${prefix}/${name}`));
		else if (name === '+page.svelte') found.push(`${prefix}/`);
	}
	return found;
}

/** The file a plain static server answers `url` (relative to the site's root) with. */
const fileOf = (url: string) => (url === '/' ? 'index.html' : url.endsWith('/') ? `${url}index.html` : url);

/** The JavaScript files the home page loads before it can run: its entry imports and preloads. */
function firstRouteScripts(): string[] {
	const html = readFileSync(join(BUILD, 'index.html'), 'utf8');
	const files = new Set<string>();
	for (const m of html.matchAll(/(?:href=|import\()"\.?\/?([^"]+\.js)"/g)) files.add(m[1]!);
	return [...files];
}

/** The scripts `page` (an HTML file of the build) lists up front: its module preloads and imports. */
function listedScripts(page: string): Set<string> {
	const html = readFileSync(join(BUILD, page), 'utf8');
	const found = new Set<string>();
	for (const m of html.matchAll(/(?:href=|import\()"((?:\.\.?\/)*_app\/[^"]+\.js)"/g))
		found.add(normalize(join(dirname(page), m[1]!)));
	return found;
}

/** Every script the browser must load before `page` runs: the listed ones and their static imports. */
function staticClosure(page: string): Set<string> {
	const seen = new Set<string>();
	const stack = [...listedScripts(page)];
	while (stack.length > 0) {
		const file = stack.pop()!;
		if (seen.has(file)) continue;
		seen.add(file);
		const code = readFileSync(join(BUILD, file), 'utf8');
		for (const m of code.matchAll(/(?:from\s*|import\s*)["'](\.\.?\/[^"']+\.js)["']/g))
			stack.push(normalize(join(dirname(file), m[1]!)));
	}
	return seen;
}

const gz = (file: string) => gzipSync(readFileSync(join(BUILD, file)), { level: 9 }).length;

describe('the build', () => {
	if (!built) throw new Error('No build/sw.js: run `npm run build` first (npm run test:build does).');
	const entries = built ? precache() : [];
	const urls = new Set(entries.map((e) => e.url));

	it('precaches the shell and every route', () => {
		for (const route of routes()) {
			const url = route === '/' ? '/' : route.slice(1);
			expect(urls.has(url), url).toBe(true);
		}
		// No page is precached under a name only a rewriting host would answer (`review` for
		// review.html): the worker's install would fail on a plain file server.
		expect([...urls].filter((u) => !u.includes('.') && !u.endsWith('/'))).toEqual([]);
		expect([...urls].some((u) => u.startsWith('_app/immutable/entry/start'))).toBe(true);
		expect(urls.has('manifest.webmanifest')).toBe(true);
	});

	it('precaches only files a plain static file server has', () => {
		for (const url of urls) expect(statSync(join(BUILD, fileOf(url))).isFile(), url).toBe(true);
	});

	it('precaches every bundled deck', () => {
		const index = JSON.parse(readFileSync(join(BUILD, 'decks/index.json'), 'utf8')) as {
			decks: { id: string }[];
		};
		expect(index.decks.length).toBeGreaterThanOrEqual(2);
		expect(urls.has('decks/index.json')).toBe(true);
		for (const deck of index.decks) expect(urls.has(`decks/${deck.id}.json`), deck.id).toBe(true);
	});

	// Issue 15: the installer downloads a bundled deck's media by the list in its compiled deck; each
	// must be a file of the build, precached, so a deck installs offline.
	it("precaches every picture and sound a bundled deck lists, as the build's own files", () => {
		const index = JSON.parse(readFileSync(join(BUILD, 'decks/index.json'), 'utf8')) as {
			decks: { id: string }[];
		};
		const listed = index.decks.flatMap((d) => {
			const deck = JSON.parse(readFileSync(join(BUILD, `decks/${d.id}.json`), 'utf8')) as {
				media?: { file: string; size: number }[];
			};
			return (deck.media ?? []).map((m) => ({ url: `decks/media/${d.id}/${m.file}`, size: m.size }));
		});
		for (const { url, size } of listed) {
			expect(urls.has(url), url).toBe(true);
			expect(statSync(join(BUILD, url)).size, url).toBe(size);
		}
		// Nothing else is served as deck media: a file no deck lists would only be downloaded.
		const media = [...urls].filter((u) => u.startsWith('decks/media/'));
		expect(media.sort()).toEqual(listed.map((l) => l.url).sort());
	});

	it(`keeps the first route's JavaScript under ${FIRST_ROUTE_JS_GZ / KB} KB gzipped`, () => {
		const scripts = firstRouteScripts();
		expect(scripts.length).toBeGreaterThan(3);
		const total = scripts.reduce((n, f) => n + gz(f), 0);
		console.log(`first route: ${scripts.length} scripts, ${(total / KB).toFixed(1)} KB gzipped`);
		expect(total).toBeLessThanOrEqual(FIRST_ROUTE_JS_GZ);
	});

	it('keeps the precache (without decks and the WebAssembly files) under 2.45 MB', () => {
		// The optimizer's and the Anki package reader's wasm (issues 16, 15) are counted below.
		const files = [...urls].filter(
			(u) => u !== '/' && !u.startsWith('decks/') && !u.endsWith('.wasm')
		);
		const size = files.reduce((n, u) => n + statSync(join(BUILD, fileOf(u))).size, 0);
		console.log(`precache: ${entries.length} entries, ${(size / KB).toFixed(0)} KB without decks`);
		expect(size).toBeLessThanOrEqual(PRECACHE_WITHOUT_DECKS);
	});

	// The optimizer (issue 16) and the Anki package reader's SQLite (issue 15) are WebAssembly,
	// precached so both run offline, but fetched by the service worker after install, never by a
	// page that does not use them: each has a budget of its own.
	it('precaches the two WebAssembly files, each within its budget', () => {
		const wasm = [...urls].filter((u) => u.endsWith('.wasm'));
		expect(wasm).toHaveLength(2);
		const optimizer = wasm.find((u) => /fsrs/.test(u));
		const sqlite = wasm.find((u) => /sql-wasm/.test(u));
		expect(optimizer, 'the optimizer wasm').toBeDefined();
		expect(sqlite, 'the SQLite wasm').toBeDefined();
		expect(statSync(join(BUILD, fileOf(optimizer ?? ''))).size).toBeLessThanOrEqual(2 * KB * KB);
		expect(statSync(join(BUILD, fileOf(sqlite ?? ''))).size).toBeLessThanOrEqual(800 * KB);
	});

	// Each script is a round trip on a phone's network (six at a time on an HTTP/1.1 host), and one
	// the page does not list up front is a second wave of them (scripts/chunk-groups.ts).
	it('loads the home and review pages in a few scripts, all listed in the page', () => {
		for (const page of ['index.html', 'review/index.html']) {
			const closure = staticClosure(page);
			expect(closure.size, page).toBeLessThanOrEqual(8);
			expect([...closure].filter((f) => !listedScripts(page).has(f)), page).toEqual([]);
		}
	});

	it('leaves the review and settings code out of the first route', () => {
		const nodes = readdirSync(join(BUILD, '_app/immutable/nodes'));
		const first = new Set(firstRouteScripts());
		// Route nodes 0 and 2 are the layout and the home page; every other route loads on demand.
		const others = nodes.filter((n) => !/^[02]\./.test(n)).map((n) => `_app/immutable/nodes/${n}`);
		expect(others.length).toBeGreaterThan(3);
		for (const node of others) expect(first.has(node), node).toBe(false);
		const code = [...first].map((f) => readFileSync(join(BUILD, f), 'utf8')).join('\n');
		// Marker strings of code the first screen must not load: the typed-answer grader, ts-fsrs.
		expect(code).not.toContain('Accepted with a typo');
		expect(code).not.toContain('request_retention');
	});
});
