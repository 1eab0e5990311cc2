// Jobs that combine layers and are neither storage nor UI state: the app's one database connection,
// its workers (snapshot, transfer), fetching decks, and the data calls the pages make, each bound to
// that one database. Pages import the module they need by path, so each loads only its own code.
export { appDb } from './database';
export { syncBundledDecks, syncAppDecks } from './library';
export { runSnapshot, scheduleDailySnapshot } from './auto-snapshot';
export { runTransfer } from './transfer-worker';
export { fetchText, fetchBeside } from './fetch-text';
export * from './home';
export * from './stats';
export * from './cards';
export * from './data';
export * from './settings';
export * from './snapshots';
export * from './study';
export * from './flows';
