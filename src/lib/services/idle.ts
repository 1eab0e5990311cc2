/**
 * When background work may start without slowing what the learner sees: after the page's first paint,
 * or well after the page has loaded.
 */

/**
 * Resolves once the screen as it is now has been painted: work queued after it cannot delay the
 * first paint. A hidden tab does not paint, so a short timer stands in for the frame there.
 */
export function afterPaint(fallbackMs = 200): Promise<void> {
	return new Promise((resolve) => {
		const timer = setTimeout(resolve, fallbackMs);
		requestAnimationFrame(() =>
			setTimeout(() => {
				clearTimeout(timer);
				resolve();
			}, 0)
		);
	});
}

/**
 * How long after the page's load event the app's own background work (registering the service
 * worker, starting sync) waits: a first visit's screen is up by then, and on a slow phone that work's
 * downloads would otherwise compete with the ones the screen waits for.
 */
export const BACKGROUND_START_MS = 1000;

/** Resolves after the page's `load` event and the paint after it: nothing competes with loading. */
export async function afterLoad(): Promise<void> {
	if (document.readyState !== 'complete')
		await new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
	await afterPaint();
}

/**
 * How long background work still waits after the learner's last foreground job (see `foreground`)
 * ended: the pause between an import's preview and its Import button, say, is not a settled page.
 */
export const FOREGROUND_QUIET_MS = 3000;

/** Background work waits this long for foreground jobs at the most (one that never ends, say). */
export const FOREGROUND_HOLD_MAX_MS = 120_000;

/** Foreground jobs running now, when the last one ended, and background starts waiting on them. */
const jobs = { running: 0, endedAt: -Infinity, waiting: new Set<() => void>() };

/**
 * Runs a job the learner is waiting for (reading or saving an import): background work that has
 * not started yet (the service worker's first download of the app, a snapshot) waits until it has
 * ended and `FOREGROUND_QUIET_MS` have passed, instead of taking a core from it.
 */
export async function foreground<T>(job: () => Promise<T>): Promise<T> {
	jobs.running++;
	try {
		return await job();
	} finally {
		jobs.running--;
		jobs.endedAt = performance.now();
		if (jobs.running === 0) for (const start of [...jobs.waiting]) start();
	}
}

/**
 * Calls `run` after the page's `load` event, then `delayMs`, then an idle moment (or at the latest
 * `idleTimeoutMs` later), and no sooner than `FOREGROUND_QUIET_MS` after a foreground job: the page
 * has loaded, painted and settled before it starts. Returns the function that calls it off.
 */
export function whenSettled(run: () => void, delayMs: number, idleTimeoutMs = 10_000): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let idle: number | undefined;
	let cancelled = false;
	let heldSince: number | undefined;
	const start = () => {
		jobs.waiting.delete(start);
		clearTimeout(timer);
		if (cancelled) return;
		heldSince ??= performance.now();
		const left = FOREGROUND_HOLD_MAX_MS - (performance.now() - heldSince);
		const quietFor = performance.now() - jobs.endedAt;
		if (left <= 0) run();
		else if (jobs.running > 0) {
			jobs.waiting.add(start);
			timer = setTimeout(start, left);
		} else if (quietFor < FOREGROUND_QUIET_MS)
			timer = setTimeout(start, Math.min(left, FOREGROUND_QUIET_MS - quietFor));
		else run();
	};
	const wait = () => {
		if (cancelled) return;
		timer = setTimeout(() => {
			if ('requestIdleCallback' in window)
				idle = requestIdleCallback(start, { timeout: idleTimeoutMs });
			else start();
		}, delayMs);
	};
	if (document.readyState === 'complete') wait();
	else window.addEventListener('load', wait, { once: true });
	return () => {
		cancelled = true;
		jobs.waiting.delete(start);
		window.removeEventListener('load', wait);
		clearTimeout(timer);
		if (idle !== undefined) cancelIdleCallback(idle);
	};
}

/**
 * Resolves at the browser's next idle moment (no task, input or frame waiting), or after
 * `timeoutMs` at the latest: background work then never runs in the same task as an answer. In a
 * worker (sync runs in one), which has no `requestIdleCallback`, nothing on its thread draws or
 * takes input: the next task will do. Elsewhere without it (Safari), a short wait.
 */
export function idleMoment(timeoutMs = 1000): Promise<void> {
	return new Promise((resolve) => {
		if (typeof requestIdleCallback === 'function')
			requestIdleCallback(() => resolve(), { timeout: timeoutMs });
		else setTimeout(resolve, inWorker() ? 0 : 50);
	});
}

/** Whether this code runs in a Web Worker. */
const inWorker = () => 'WorkerGlobalScope' in globalThis;
