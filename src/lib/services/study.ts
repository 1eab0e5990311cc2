import { ReviewSession, type SessionOptions } from '$lib/state/review.svelte';
import { appDb } from './database';
import { tabUndoStore } from './undo-store';
import { afterPaint } from './idle';

/**
 * A review (or, with `practice`, a practice test) over this device's cards. A review keeps its undo
 * list in this tab, so a reload keeps Undo; an answer is written after the next card is painted.
 */
export function openSession(options: SessionOptions = {}): ReviewSession {
	return new ReviewSession(appDb(), { undoStore: tabUndoStore, afterShow: afterPaint, ...options });
}
