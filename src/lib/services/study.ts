import { ReviewSession, type SessionOptions } from '$lib/state/review.svelte';
import { ImportFlow } from '$lib/state/import.svelte';
import { BackupFlow } from '$lib/state/backup.svelte';
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

/** The import page's flow, writing to this device. */
export function openImport(): ImportFlow {
	return new ImportFlow(appDb());
}

/** The backup restore flow, merging into this device's data. */
export function openBackup(): BackupFlow {
	return new BackupFlow(appDb());
}
