export { ReviewSession, type RatingChoice } from './review.svelte';
export { DEFAULT_SETTINGS, loadSettings, saveSettings, type StudySettings } from './settings';
export { appDb } from './database';
export { syncBundledDecks } from './library';
export { loadOverview, type DeckOverview } from './overview';
export { appStatus } from './app.svelte';
