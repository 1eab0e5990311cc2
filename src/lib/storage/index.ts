export { StudyDb, DB_NAME, type IndexedDbImpl } from './db';
export * from './rows';
export { installDeck, listDecks, cardUid, type InstallReport } from './decks';
export { buildQueue, nextDueAt, type QueueOptions, type DueQueue } from './queue';
export {
	recordAnswer,
	undoAnswer,
	historyOf,
	StaleAnswerError,
	MissingCardError,
	type AnswerInput
} from './answers';
export { getSetting, setSetting } from './settings';
