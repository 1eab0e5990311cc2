export { ReviewSession, type RatingChoice, type CardAction } from './review.svelte';
export {
	DEFAULT_SETTINGS,
	loadSettings,
	saveSettings,
	queueOptions,
	type StudySettings
} from './settings';
export { appDb } from './database';
export { syncBundledDecks } from './library';
export { loadOverview, type DeckOverview, type Overview, type DueCounts } from './overview';
export { appStatus } from './app.svelte';
export {
	replayCard,
	rebuildFromHistory,
	rescheduleAll,
	checkDatabase,
	type RebuildReport,
	type CheckReport
} from './history';
export { listDecks, type DeckRow } from '$lib/storage';
export type { Feedback, Missed, SessionOptions } from './review.svelte';
export {
	loadAppearance,
	saveAppearance,
	DEFAULT_APPEARANCE,
	type Appearance,
	type Theme
} from './appearance';
export { requestPersistence, requestPersistenceOnce } from './persistence';
export {
	loadLibrary,
	browseCards,
	cardHistory,
	cardStatus,
	setSuspended,
	type CardStatus,
	type DeckProgress
} from './library-view';
