/** What `keepVisible` needs of `window.visualViewport`: the part of the page on screen. */
export interface VisibleArea {
	/** Distance from the top of the layout viewport (client coordinates) to the visible part. */
	offsetTop: number;
	height: number;
	addEventListener(type: 'resize' | 'scroll', listener: () => void): void;
	removeEventListener(type: 'resize' | 'scroll', listener: () => void): void;
}

/**
 * Whether a box (client coordinates) is cut off by the edges of the visible area: below it (under
 * an on-screen keyboard) or above it (under a sticky bar `topInset` high).
 */
export function cutOff(
	box: { top: number; bottom: number },
	area: Pick<VisibleArea, 'offsetTop' | 'height'>,
	topInset = 0
): boolean {
	const top = area.offsetTop + topInset;
	const bottom = area.offsetTop + area.height;
	return box.bottom > bottom || box.top < top;
}

/**
 * Keeps a focused field in view above the on-screen keyboard: on focus, and each time the visible
 * area shrinks while it has focus (the keyboard opens after the focus, and can change height), a
 * field that is cut off is scrolled to the middle of what is left. Use as an attachment:
 * `{@attach keepVisible}`; returns its cleanup.
 */
export function keepVisible(
	field: HTMLElement,
	area: VisibleArea | null | undefined = globalThis.visualViewport,
	topInset = 56
): () => void {
	if (!area) return () => {};
	const visibleArea = area;
	const check = () => {
		if (cutOff(field.getBoundingClientRect(), visibleArea, topInset))
			field.scrollIntoView({ block: 'center' });
	};
	const focus = () => {
		check();
		visibleArea.addEventListener('resize', check);
	};
	const blur = () => visibleArea.removeEventListener('resize', check);
	field.addEventListener('focus', focus);
	field.addEventListener('blur', blur);
	return () => {
		blur();
		field.removeEventListener('focus', focus);
		field.removeEventListener('blur', blur);
	};
}
