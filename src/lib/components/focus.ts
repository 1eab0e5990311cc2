/**
 * Moves focus to an element once the screen as it is now has been painted. Focusing an element
 * that was just inserted makes the browser work out style and layout on the spot (a forced
 * layout): on a slow phone that delayed every next card. After the paint the layout is already
 * done; `preventScroll` keeps the page where the learner left it. Returns the function that calls
 * it off (an effect's cleanup).
 *
 * @example
 * $effect(() => focusAfterPaint(() => button));
 */
export function focusAfterPaint(target: () => HTMLElement | undefined): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const frame = requestAnimationFrame(() => {
		timer = setTimeout(() => {
			const el = target();
			if (el?.isConnected && document.activeElement !== el) el.focus({ preventScroll: true });
		}, 0);
	});
	return () => {
		cancelAnimationFrame(frame);
		clearTimeout(timer);
	};
}
