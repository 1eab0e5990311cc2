/**
 * What the page benches share (`run.ts`, `sync-page.ts`): building the app and the harness,
 * serving them with `vite preview`, calling the harness in the page, and the answer loop that
 * times a rating to the next card painted.
 */
import type { Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';

/**
 * Builds the app (unless `--no-build` is given) and the harness, and serves both on `port`;
 * resolves once the server answers.
 */
export async function servePreview(port: number): Promise<ChildProcess> {
	if (!process.argv.includes('--no-build'))
		execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
	execFileSync(
		'npx',
		['vite', 'build', '--config', 'scripts/bench/vite.harness.ts', '--logLevel', 'warn'],
		{ stdio: 'inherit' }
	);
	const server = spawn(
		process.execPath,
		['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort'],
		{ stdio: 'ignore' }
	);
	// Up when it answers (a fixed wait was too short on a loaded machine).
	for (let tries = 0; ; tries++) {
		const up = await fetch(`http://localhost:${port}`).then(
			(r) => r.ok,
			() => false
		);
		if (up) return server;
		if (tries > 300) {
			server.kill();
			throw new Error(`vite preview did not start on port ${port}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
}

/** Calls a function of the benchmark harness (`harness.ts`) in the page. */
export async function harness<T>(page: Page, call: string): Promise<T> {
	return page.evaluate(`import('/bench-harness.js').then((h) => h.${call})`) as Promise<T>;
}

export const pct = (xs: number[], p: number) =>
	[...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)] ?? 0;

/** Records when the first card is painted, in ms since navigation start. */
export const FIRST_CARD = `performance.mark('bench-open');
new MutationObserver((_, observer) => {
	if (window.__firstCard === undefined && document.querySelector('.prompt')) {
		observer.disconnect();
		requestAnimationFrame(() => {
			window.__firstCard = performance.now();
			performance.mark('bench-first-card');
		});
	}
}).observe(document, { subtree: true, childList: true });`;

/**
 * Page-side steps the answer loops share (a string: it runs in the page): a frame, a shown button
 * by its text, waiting as a reader would until the last answer is written, and revealing the card
 * to get its Good button (undefined when no card is left).
 */
export const PAGE_STEPS = `const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
		const button = (name) =>
			[...document.querySelectorAll('button')].find((b) => name.test(b.textContent || '') && !b.closest('[hidden], .gone'));
		const written = async () => {
			const t = performance.now();
			while (document.querySelector('section.study')?.getAttribute('aria-busy') === 'true' && performance.now() - t < 5000) await frame();
		};
		const revealGood = async () => {
			const reveal = button(/^Show answer$/);
			if (!reveal) return undefined;
			reveal.click();
			await frame();
			return button(/^\\s*Good/);
		};`;

/**
 * In the page: reveal, rate Good, and time from the click to the next card painted; then wait, as
 * a person reading the card would, until that answer is written (`bench-saved`), and `readMs`
 * more, before the next. A string, not a function: tsx would wrap named functions in a helper the
 * page does not have.
 */
export async function answerLoop(
	page: Page,
	count: number,
	readMs = 0
): Promise<{ at: number; ms: number }[]> {
	return page.evaluate(`(async (n, readMs) => {
		const times = [];
		${PAGE_STEPS}
		for (let i = 0; i < n; i++) {
			await written();
			if (i > 0) performance.mark('bench-saved');
			if (readMs > 0) await new Promise((r) => setTimeout(r, readMs));
			const good = await revealGood();
			if (!good) break;
			const before = document.querySelector('.prompt')?.textContent;
			const t0 = performance.now();
			performance.mark('bench-answer');
			good.click();
			const moved = await new Promise((resolve) => {
				const check = () => {
					const now = document.querySelector('.prompt')?.textContent;
					if (now !== before && button(/^Show answer$/)) resolve(true);
					else if (performance.now() - t0 > 5000) resolve(false);
					else requestAnimationFrame(check);
				};
				check();
			});
			if (!moved) break;
			await frame();
			performance.mark('bench-painted');
			times.push({ at: t0, ms: performance.now() - t0 });
		}
		return times;
	})(${count}, ${readMs})`);
}
