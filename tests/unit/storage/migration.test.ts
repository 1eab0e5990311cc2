import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { SCHEMA, SCHEMA_VERSION, StudyDb, buildQueue } from '$lib/storage';
import { studyDayEnd, studyDayStart } from '$lib/scheduler';
import { NOW, basicCard } from '../../fixtures/decks';

/** Rows exactly as version 1 wrote them: no bury, leech, lastLogAt or log kind. */
const v1Card = (i: number, state: 0 | 2) => ({
	uid: `old|c${i}`,
	deckId: 'old',
	cardId: `c${i}`,
	note: `old|c${i}`,
	content: basicCard(`c${i}`),
	order: i,
	active: 1,
	suspended: 0,
	retired: 0,
	createdAt: NOW.getTime() - 10 * 86_400_000,
	due: state === 2 ? NOW.getTime() - 3600_000 : NOW.getTime() - 10 * 86_400_000,
	stability: state === 2 ? 3.2 : 0,
	difficulty: state === 2 ? 5.1 : 0,
	scheduled_days: state === 2 ? 3 : 0,
	learning_steps: 0,
	reps: state === 2 ? 2 : 0,
	lapses: 0,
	state,
	last_review: state === 2 ? NOW.getTime() - 3 * 86_400_000 : null
});

describe('schema migration', () => {
	it('opens a version 1 database and keeps every row', async () => {
		const factory = new IDBFactory();
		const old = new Dexie('recall-migrate', { indexedDB: factory, IDBKeyRange });
		old.version(1).stores(SCHEMA[1]);
		await old.open();
		await old.table('decks').put({ id: 'old', title: 'Old deck', version: 1, cardCount: 3 });
		await old.table('cards').bulkPut([v1Card(0, 2), v1Card(1, 0), v1Card(2, 0)]);
		await old.table('reviewLogs').put({
			id: 'log-1',
			uid: 'old|c0',
			deckId: 'old',
			cardId: 'c0',
			note: 'old|c0',
			grade: 3,
			reviewedAt: NOW.getTime() - 3 * 86_400_000,
			durationMs: 2000,
			mode: 'flashcard',
			before: { ...v1Card(0, 0), uid: undefined }
		});
		await old.table('settings').put({ key: 'study', value: { newPerDay: 7 } });
		old.close();

		const db = new StudyDb('recall-migrate', { indexedDB: factory, IDBKeyRange });
		await db.open();
		expect(db.verno).toBe(SCHEMA_VERSION);
		expect(await db.decks.count()).toBe(1);
		expect(await db.cards.count()).toBe(3);
		expect(await db.cards.get('old|c0')).toMatchObject({
			stability: 3.2,
			reps: 2,
			buriedUntil: 0,
			leech: 0,
			lastLogAt: NOW.getTime() - 3 * 86_400_000
		});
		expect(await db.reviewLogs.get('log-1')).toMatchObject({ kind: 'review', grade: 3 });
		expect(await db.settings.get('study')).toEqual({ key: 'study', value: { newPerDay: 7 } });
		const queue = await buildQueue(db, {
			now: NOW,
			dayStart: studyDayStart(NOW),
			dayEnd: studyDayEnd(NOW),
			newPerDay: 20,
			reviewsPerDay: 200
		});
		expect(queue.counts).toEqual({ learning: 0, review: 1, new: 2 });
		expect(await db.snapshots.count()).toBe(0);
		db.close();
	});

	it('opens a version 2 database, adds the snapshot tables and keeps every row', async () => {
		const factory = new IDBFactory();
		const old = new Dexie('recall-v2', { indexedDB: factory, IDBKeyRange });
		old.version(2).stores(SCHEMA[2]);
		await old.open();
		const card = { ...v1Card(0, 2), buriedUntil: 0, leech: 0, lastLogAt: 5 };
		await old.table('decks').put({ id: 'old', title: 'Old deck', version: 1, cardCount: 1 });
		await old.table('cards').put(card);
		await old.table('settings').put({ key: 'revision', value: 12 });
		old.close();

		const db = new StudyDb('recall-v2', { indexedDB: factory, IDBKeyRange });
		await db.open();
		expect(db.verno).toBe(SCHEMA_VERSION);
		expect(await db.cards.get(card.uid)).toEqual(card);
		expect(await db.settings.get('revision')).toEqual({ key: 'revision', value: 12 });
		expect(db.tables.map((t) => t.name).sort()).toEqual([
			'cardActions',
			'cards',
			'decks',
			'drafts',
			'media',
			'reviewLogs',
			'settings',
			'snapshotData',
			'snapshots'
		]);
		db.close();
	});
});
