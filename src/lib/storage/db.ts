import { Dexie, type Table, type Transaction } from 'dexie';
import type {
	CardActionRow,
	CardRow,
	DeckRow,
	ReviewLogRow,
	MediaRow,
	SettingRow,
	SnapshotDataRow,
	SnapshotRow
} from './rows';
import type { DraftRow } from './drafts';

export const DB_NAME = 'recall';

/** Index factory and key range: the browser's by default, fake-indexeddb's in Node tests. */
export interface IndexedDbImpl {
	indexedDB: IDBFactory;
	IDBKeyRange: typeof IDBKeyRange;
}

/** The schema of each version. Never edit a released version: add the next one and its upgrade. */
export const SCHEMA = {
	1: {
		decks: 'id',
		cards:
			'uid, deckId, [active+state+due], [deckId+active+state+due], [active+state+order], [deckId+active+state+order]',
		reviewLogs: 'id, uid, reviewedAt, [uid+reviewedAt], [deckId+reviewedAt]',
		settings: 'key'
	},
	2: {
		decks: 'id',
		// Queue reads go through these compound indexes: no table scans on an answer.
		cards:
			'uid, deckId, buriedUntil, [active+state+due], [deckId+active+state+due], [active+state+order], [deckId+active+state+order]',
		reviewLogs: 'id, uid, reviewedAt, [uid+reviewedAt], [deckId+reviewedAt]',
		settings: 'key'
	},
	3: {
		decks: 'id',
		cards:
			'uid, deckId, buriedUntil, [active+state+due], [deckId+active+state+due], [active+state+order], [deckId+active+state+order]',
		reviewLogs: 'id, uid, reviewedAt, [uid+reviewedAt], [deckId+reviewedAt]',
		settings: 'key',
		// Automatic snapshots: what each one holds, listed without reading the data itself, which
		// lives in its own table under the same id.
		snapshots: '++id, createdAt',
		snapshotData: 'id'
	},
	// Version 4: the studio's drafts (decks being written), listed by their last change, and the
	// media of imported decks, as Blobs, by deck and file name.
	4: {
		decks: 'id',
		cards:
			'uid, deckId, buriedUntil, [active+state+due], [deckId+active+state+due], [active+state+order], [deckId+active+state+order]',
		reviewLogs: 'id, uid, reviewedAt, [uid+reviewedAt], [deckId+reviewedAt]',
		settings: 'key',
		snapshots: '++id, createdAt',
		snapshotData: 'id',
		drafts: 'id, updatedAt',
		media: '[deckId+name], deckId'
	},
	// Version 5: card actions (suspend, unsuspend, bury) as append-only events, read by time for
	// sync's push and by card for its merge.
	5: {
		decks: 'id',
		cards:
			'uid, deckId, buriedUntil, [active+state+due], [deckId+active+state+due], [active+state+order], [deckId+active+state+order]',
		reviewLogs: 'id, uid, reviewedAt, [uid+reviewedAt], [deckId+reviewedAt]',
		settings: 'key',
		snapshots: '++id, createdAt',
		snapshotData: 'id',
		drafts: 'id, updatedAt',
		media: '[deckId+name], deckId',
		cardActions: 'id, at, uid'
	}
} as const;

export const SCHEMA_VERSION = 5;

/** Version 1 had no bury, leech or log kinds: give every row its defaults. */
async function upgradeTo2(tx: Transaction): Promise<void> {
	await tx
		.table('cards')
		.toCollection()
		.modify((card: Partial<CardRow>) => {
			card.buriedUntil ??= 0;
			card.leech ??= 0;
			card.lastLogAt ??= card.last_review ?? 0;
		});
	await tx
		.table('reviewLogs')
		.toCollection()
		.modify((log: Partial<ReviewLogRow>) => {
			log.kind ??= 'review';
		});
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
	snapshots!: Table<SnapshotRow, number>;
	snapshotData!: Table<SnapshotDataRow, number>;
	drafts!: Table<DraftRow, string>;
	media!: Table<MediaRow, [string, string]>;
	cardActions!: Table<CardActionRow, string>;

	constructor(name = DB_NAME, impl?: IndexedDbImpl) {
		// No live-query cache: the app's one live query (the revision, see revision.ts) reads one row,
		// and the cache's bookkeeping on every write (cloning, optimistic updates) cost each answer
		// more main-thread time than the write itself.
		// Strict durability: a write is acknowledged once the disk has it, not when it reaches the
		// OS's buffers (Chromium's default since 121). An answer the screen counted must outlive a
		// crash. The flush adds about half a millisecond to a commit (README, "Reliability").
		super(name, {
			cache: 'disabled',
			chromeTransactionDurability: 'strict',
			...(impl ? { indexedDB: impl.indexedDB, IDBKeyRange: impl.IDBKeyRange } : {})
		});
		this.version(1).stores(SCHEMA[1]);
		this.version(2).stores(SCHEMA[2]).upgrade(upgradeTo2);
		// Version 3 only adds the snapshot tables: nothing to upgrade.
		this.version(3).stores(SCHEMA[3]);
		// Version 4 only adds the drafts and media tables: nothing to upgrade.
		this.version(4).stores(SCHEMA[4]);
		// Version 5 only adds the card actions: cards suspended or buried before have no action
		// and keep their flags until a newer action arrives.
		this.version(5).stores(SCHEMA[5]);
	}
}
