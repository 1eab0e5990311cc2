import { describe, expect, it } from 'vitest';
import { cutOff, keepVisible, type VisibleArea } from '../../../src/lib/components/keep-visible';

/** A phone's visible area, whose height the test changes as a keyboard would. */
function phone(height: number) {
	const events = new EventTarget();
	const area: VisibleArea & { resize(h: number): void } = {
		offsetTop: 0,
		height,
		addEventListener: (type, listener) => events.addEventListener(type, listener),
		removeEventListener: (type, listener) => events.removeEventListener(type, listener),
		resize(h) {
			this.height = h;
			events.dispatchEvent(new Event('resize'));
		}
	};
	return area;
}

/** A field at `top` (client coordinates), 40 px high, that counts how often it was scrolled to. */
function field(top: number) {
	const el = new EventTarget() as EventTarget & {
		scrolled: number;
		getBoundingClientRect(): { top: number; bottom: number };
		scrollIntoView(): void;
	};
	el.scrolled = 0;
	el.getBoundingClientRect = () => ({ top, bottom: top + 40 });
	el.scrollIntoView = () => el.scrolled++;
	return el;
}

describe('a focused field and the on-screen keyboard', () => {
	it('finds a field under the keyboard or under the top bar cut off', () => {
		const area = { offsetTop: 0, height: 450 };
		expect(cutOff({ top: 500, bottom: 540 }, area)).toBe(true);
		expect(cutOff({ top: 200, bottom: 240 }, area)).toBe(false);
		expect(cutOff({ top: 20, bottom: 60 }, area, 56)).toBe(true);
		// The visible area scrolled down inside the page: coordinates are the layout viewport's.
		expect(cutOff({ top: 500, bottom: 540 }, { offsetTop: 300, height: 450 })).toBe(false);
	});

	it('scrolls a field the keyboard covers into view when the keyboard opens, not when it is clear', () => {
		const area = phone(844);
		const low = field(600);
		const stop = keepVisible(low as unknown as HTMLElement, area);
		low.dispatchEvent(new Event('focus'));
		expect(low.scrolled).toBe(0);
		area.resize(450);
		expect(low.scrolled).toBe(1);
		// Once the field has lost focus, the keyboard closing and opening again leaves it alone.
		low.dispatchEvent(new Event('blur'));
		area.resize(844);
		area.resize(450);
		expect(low.scrolled).toBe(1);
		stop();
		low.dispatchEvent(new Event('focus'));
		expect(low.scrolled).toBe(1);
	});
});
