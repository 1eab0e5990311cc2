/** How often an open app looks for a new version. */
export const CHECK_EVERY_MS = 60 * 60 * 1000;
/** A page shown again after this long without a check looks at once, not at the next hour. */
export const CHECK_WHEN_SHOWN_AFTER_MS = 15 * 60 * 1000;

/** What the checker needs from the browser; the page's own globals unless a test passes others. */
export interface CheckEnvironment {
	online(): boolean;
	visible(): boolean;
	now(): number;
	/** Where `visibilitychange` is dispatched. */
	events: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
}

const browser = (): CheckEnvironment => ({
	online: () => navigator.onLine,
	visible: () => document.visibilityState === 'visible',
	now: () => Date.now(),
	events: document
});

/**
 * Looks for a new version of the app (`check`, the registration's `update()`) now, every hour, and
 * when the page is shown again after a while unseen, so a learner who keeps the app open for days
 * still gets the new version offered. Skipped while offline (it could only fail). A failed check is
 * tried again at the next occasion. Returns a function that stops it.
 * @example const stop = watchForUpdates(() => registration.update());
 */
export function watchForUpdates(
	check: () => Promise<unknown>,
	env: CheckEnvironment = browser()
): () => void {
	let last = -Infinity;
	let running = false;
	const run = () => {
		if (running || !env.online()) return;
		running = true;
		last = env.now();
		check()
			.catch(() => {
				// The host was unreachable or answered an error: the current version keeps working.
			})
			.finally(() => (running = false));
	};
	const shown = () => {
		if (env.visible() && env.now() - last >= CHECK_WHEN_SHOWN_AFTER_MS) run();
	};
	run();
	const timer = setInterval(run, CHECK_EVERY_MS);
	env.events.addEventListener('visibilitychange', shown);
	return () => {
		clearInterval(timer);
		env.events.removeEventListener('visibilitychange', shown);
	};
}
