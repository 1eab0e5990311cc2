export { ReviewSession, type RatingChoice, type CardAction } from './review.svelte';
export type { Feedback, Missed, SessionOptions, UndoEntry, UndoStore } from './review.svelte';
export { ImportFlow, type DeckPreview, type ImportResult } from './import.svelte';
export { BackupFlow, type BackupSummary } from './backup.svelte';
export { appStatus } from './app.svelte';
