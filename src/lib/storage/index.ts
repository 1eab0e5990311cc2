export { StudyDb, DB_NAME, SCHEMA, SCHEMA_VERSION, type IndexedDbImpl } from './db';
export * from './rows';
export { newCardRow, answerCard, forgetCardState } from './card-state';
export { answerBalance, balancedDays, readDueCounts } from './answer-balance';
export {
	installDeck,
	listDecks,
	cardUid,
	installedVersions,
	deckValues,
	type InstallReport,
	type DeckValues
} from './decks';
export { buildQueue, nextDueAt, type QueueOptions, type DueQueue, type Limits } from './queue';
export {
	recordAnswer,
	forgetCard,
	undoAnswer,
	undoableLogs,
	UndoRefusedError,
	historyOf,
	StaleAnswerError,
	MissingCardError,
	sameState,
	type AnswerInput,
	type AnswerResult,
	type Balance
} from './answers';
export { suspendCard, unsuspendCard, buryCard, unburyDue, practicePool } from './cards';
export { bumpRevision, readRevision, watchRevision } from './revision';
export { isQuotaError } from './errors';
export { getSetting, setSetting } from './settings';
export {
	listDrafts,
	getDraft,
	createDraft,
	saveDraft,
	deleteDraft,
	draftOfDeck,
	publishDeck,
	DraftConflictError,
	type DraftRow
} from './drafts';
