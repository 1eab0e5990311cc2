export * from './limits';
export { toPlainText, literalText, type Dropped, type PlainText } from './html-text';
export { decodeEntities } from './entities';
export { slugify, digest, idFromGuid, idFromText, isCardId, tagSlug } from './ids';
export { parseAnki, readAnkiHeader, looksLikeAnki, type AnkiHeader } from './anki';
export { parseQuizlet, guessDelimiter } from './quizlet';
export { parseHeaderCsv, hasCsvHeader } from './csv-import';
export { deckToCsv, CSV_COLUMNS, guardCell, unguardCell } from './csv-export';
export { notesToCards, shorten, type TextCards, type TextCardOptions } from './text-cards';
export { suggestTitle, titleFromName, isGenericName } from './title';
export type { TextNote, TextParse, TextFormat, SkippedRow } from './notes';
export {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	LOCAL_SETTINGS,
	makeBackup,
	backupFileName,
	type Backup
} from './backup';
export { backupSchema, parseBackup, type BackupResult } from './backup-format';
export {
	prepareDeck,
	prepareBackup,
	checkTitle,
	detectFormat,
	type DeckInput,
	type NamedText,
	type Prepared
} from './prepare';
