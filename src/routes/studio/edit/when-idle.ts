/**
 * Runs `run` once the frame under way has been painted and the page's thread is idle (at the
 * latest `timeoutMs` later), or after the next frame where the browser has no idle callbacks.
 * Returns the function that calls it off.
 */
export function whenIdle(run: () => void, timeoutMs = 200): () => void {
	if (typeof requestIdleCallback === 'function') {
		const id = requestIdleCallback(() => run(), { timeout: timeoutMs });
		return () => cancelIdleCallback(id);
	}
	let timer: ReturnType<typeof setTimeout> | undefined;
	let frame: number | undefined;
	if (typeof requestAnimationFrame === 'function')
		frame = requestAnimationFrame(() => (timer = setTimeout(run)));
	else timer = setTimeout(run);
	return () => {
		if (frame !== undefined) cancelAnimationFrame(frame);
		clearTimeout(timer);
	};
}
