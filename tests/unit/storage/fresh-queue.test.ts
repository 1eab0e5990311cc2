import { describe, expect, it } from 'vitest';
import {
	buildQueue,
	deckValues,
	freshQueue,
	installDeck,
	newDeckCards,
	valuesOfRows
} from '$lib/storage';
import { DEFAULT_SETTINGS, queueOptions, withDefaults } from '$lib/storage/study-settings';
import { freshDb } from '../../fixtures/db';
import { articleDeck, NOW, smallDeck } from '../../fixtures/decks';

// A first visit's review shows its first card from the deck's file, before the deck is written:
// what it works out in memory must be what the database gives once the install is done.
describe('the queue of a new device, worked out before its first deck is written', () => {
	it('is the queue read after the install: a generated deck, one card per fact, 20 new a day', async () => {
		const deck = articleDeck();
		const db = freshDb();
		await installDeck(db, deck, { now: NOW, bundled: true });
		const settings = withDefaults({});
		const options = queueOptions(settings, NOW);
		const read = await buildQueue(db, options);
		const rows = newDeckCards(deck, NOW);
		const worked = freshQueue(rows, options);
		expect(read.cards.length).toBe(settings.newPerDay);
		// Siblings share a fact: the deck has more cards than facts, and one of each is taken.
		expect(new Set(worked?.map((c) => c.note)).size).toBe(worked?.length);
		expect(worked).toEqual(read.cards);
		// Every row as the install wrote it, and the deck's values as the session reads them.
		expect(rows).toEqual(await db.cards.where('deckId').equals(deck.id).sortBy('order'));
		expect(valuesOfRows(rows)).toEqual(await deckValues(db, deck.id));
	});

	it('keeps to a deck of its own limit, and to the deck studied', async () => {
		const deck = smallDeck(12, 1, 'first');
		const db = freshDb();
		await installDeck(db, deck, { now: NOW, bundled: true });
		const settings = { ...DEFAULT_SETTINGS, deckLimits: { first: { newPerDay: 5 } } };
		for (const deckId of [undefined, 'first', 'other']) {
			const options = queueOptions(settings, NOW, deckId);
			const worked = freshQueue(newDeckCards(deck, NOW), options);
			expect(worked).toEqual((await buildQueue(db, options)).cards);
			expect(worked?.length).toBe(deckId === 'other' ? 0 : 5);
		}
	});

	it('the settings of a device with none saved are those loaded from an empty database', async () => {
		const { loadSettings } = await import('$lib/storage/study-settings');
		expect(withDefaults({})).toEqual(await loadSettings(freshDb()));
	});
});

describe('databaseMissing', () => {
	it('says a device has no database until one is opened, without creating it', async () => {
		const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb');
		const { StudyDb, databaseMissing } = await import('$lib/storage');
		const factory = new IDBFactory();
		expect(await databaseMissing('recall', factory)).toBe(true);
		expect(await databaseMissing('recall', factory)).toBe(true);
		await new StudyDb('recall', { indexedDB: factory, IDBKeyRange }).open();
		expect(await databaseMissing('recall', factory)).toBe(false);
		expect(await databaseMissing('recall', {} as IDBFactory)).toBeUndefined();
	});
});
