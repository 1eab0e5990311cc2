/**
 * Runs `run` once the screen as it is now has been painted. Focusing or scrolling to an element
 * that was just inserted makes the browser work out style and layout on the spot (a forced
 * layout): on a slow phone that delayed every next card. After the paint the layout is already
 * done. Returns the function that calls it off (an effect's cleanup).
 */
export function whenPainted(run: () => void): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const frame = requestAnimationFrame(() => {
		timer = setTimeout(run, 0);
	});
	return () => {
		cancelAnimationFrame(frame);
		clearTimeout(timer);
	};
}

/**
 * Moves focus to an element once it has been painted (see `whenPainted`); `preventScroll` keeps
 * the page where the learner left it. Returns the function that calls it off.
 *
 * @example
 * $effect(() => focusAfterPaint(() => button));
 */
export function focusAfterPaint(target: () => HTMLElement | undefined): () => void {
	return whenPainted(() => {
		const el = target();
		if (el?.isConnected && document.activeElement !== el) el.focus({ preventScroll: true });
	});
}
