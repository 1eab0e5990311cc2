import { Dexie, type Table } from 'dexie';
import type { CardRow, DeckRow, ReviewLogRow, SettingRow } from './rows';

export const DB_NAME = 'recall';

/** Index factory and key range: the browser's by default, fake-indexeddb's in Node tests. */
export interface IndexedDbImpl {
	indexedDB: IDBFactory;
	IDBKeyRange: typeof IDBKeyRange;
}

/**
 * The study database. Every schema change adds a `version(n)` with its upgrade; never edit an old one.
 * @example new StudyDb('recall-test', { indexedDB: new IDBFactory(), IDBKeyRange })
 */
export class StudyDb extends Dexie {
	decks!: Table<DeckRow, string>;
	cards!: Table<CardRow, string>;
	reviewLogs!: Table<ReviewLogRow, string>;
	settings!: Table<SettingRow, string>;

	constructor(name = DB_NAME, impl?: IndexedDbImpl) {
		super(name, impl ? { indexedDB: impl.indexedDB, IDBKeyRange: impl.IDBKeyRange } : {});
		this.version(1).stores({
			decks: 'id',
			// Queue reads go through these compound indexes: no table scans on an answer.
			cards:
				'uid, deckId, [active+state+due], [deckId+active+state+due], [active+state+order], [deckId+active+state+order]',
			reviewLogs: 'id, uid, reviewedAt, [uid+reviewedAt], [deckId+reviewedAt]',
			settings: 'key'
		});
	}
}
