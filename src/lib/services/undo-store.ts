import type { UndoEntry, UndoStore } from '$lib/state/review.svelte';

const KEY = 'recall.undo';

const isEntry = (e: unknown): e is UndoEntry =>
	typeof e === 'object' &&
	e !== null &&
	typeof (e as UndoEntry).logId === 'string' &&
	['answer', 'graded', 'right'].every(
		(k) => typeof (e as Record<string, unknown>)[k] === 'boolean'
	);

/**
 * The review session's undo list in this tab's sessionStorage: a reload of the page keeps it, a new
 * tab starts without one. One list per tab; a session of another day or deck scope replaces it.
 * Storage that is full or switched off only loses the list, never an answer.
 */
export const tabUndoStore: UndoStore = {
	read(key) {
		try {
			const saved: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
			if (typeof saved !== 'object' || saved === null) return [];
			const { key: savedKey, entries } = saved as { key?: unknown; entries?: unknown };
			if (savedKey !== key || !Array.isArray(entries)) return [];
			return entries.filter(isEntry);
		} catch {
			return [];
		}
	},
	write(key, entries) {
		try {
			sessionStorage.setItem(KEY, JSON.stringify({ key, entries }));
		} catch {
			// No room or no sessionStorage: undo then lasts as long as the page.
		}
	}
};
