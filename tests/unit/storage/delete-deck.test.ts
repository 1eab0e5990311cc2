// Issue 13, section 3: an imported deck could not be deleted. Deleting one takes a snapshot first,
// then removes the deck, its cards and its answers in one transaction, and nothing of other decks.
import { describe, expect, it } from 'vitest';
import { installDeck, type StudyDb } from '$lib/storage';
import {
	BundledDeckError,
	deckFootprint,
	deleteDeck,
	deleteDeckAfterSnapshot
} from '$lib/storage/delete-deck';
import { listSnapshots, restoreSnapshot, runSnapshotJob } from '$lib/storage/snapshots';
import { loadSettings, saveSettings } from '$lib/storage/study-settings';
import { getSetting, setSetting } from '$lib/storage/settings';
import { HOME_FOLDED } from '$lib/storage/deck-tree';
import { prepareBackup } from '$lib/transfer';
import { freshDb } from '../../fixtures/db';
import { NOW, smallDeck } from '../../fixtures/decks';
import { answer } from '../../fixtures/answers';

const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const takeSnapshot = (db: StudyDb) => (label: string) =>
	runSnapshotJob(db, { kind: 'before-delete', now: at(60).getTime(), label });

/** One deck that comes with the app and one imported, both studied. */
async function twoDecks() {
	const db = freshDb();
	await installDeck(db, smallDeck(4, 1, 'kept'), { now: NOW, bundled: true });
	await installDeck(db, smallDeck(5, 1, 'mine'), { now: NOW, bundled: false });
	for (let i = 0; i < 6; i++) {
		await answer(db, `kept|c${i % 4}`, 3, at(i));
		await answer(db, `mine|c${i % 5}`, 1, at(i));
	}
	return db;
}

/** Everything stored for one deck. */
async function deckRows(db: StudyDb, deckId: string) {
	return {
		deck: await db.decks.get(deckId),
		cards: await db.cards.where('deckId').equals(deckId).sortBy('uid'),
		logs: (await db.reviewLogs.toArray())
			.filter((l) => l.deckId === deckId)
			.sort((a, b) => a.id.localeCompare(b.id))
	};
}

/** The same, serialised so a single changed byte shows. */
const deckData = async (db: StudyDb, deckId: string) => JSON.stringify(await deckRows(db, deckId));

describe('deleting a deck (issue 13)', () => {
	it('counts what would be lost: its cards and the answers in its history', async () => {
		const db = await twoDecks();
		const footprint = await deckFootprint(db, 'mine');
		expect(footprint).toMatchObject({ deck: { title: 'Small deck mine' }, cards: 5, answers: 6 });
		expect(await deckFootprint(db, 'nothing')).toBeUndefined();
	});

	it('takes a snapshot, then deletes the deck, its cards and answers, and nothing else', async () => {
		const db = await twoDecks();
		const other = await deckData(db, 'kept');
		const outcome = await deleteDeckAfterSnapshot(db, 'mine', takeSnapshot(db));
		expect(outcome).toMatchObject({ deleted: true, gone: { cards: 5, answers: 6 } });
		expect(await db.decks.get('mine')).toBeUndefined();
		expect(await db.cards.where('deckId').equals('mine').count()).toBe(0);
		expect((await db.reviewLogs.toArray()).filter((l) => l.deckId === 'mine')).toEqual([]);
		expect(await deckData(db, 'kept')).toBe(other);
		const [snapshot] = await listSnapshots(db);
		expect(snapshot).toMatchObject({
			reason: 'before-delete',
			label: 'Small deck mine',
			cards: 9,
			logs: 12
		});
	});

	it('brings the deck back, with its history, when that snapshot is restored', async () => {
		const db = await twoDecks();
		const before = await deckRows(db, 'mine');
		const outcome = await deleteDeckAfterSnapshot(db, 'mine', takeSnapshot(db));
		if (!outcome.deleted) throw new Error('not deleted');
		await restoreSnapshot(db, outcome.snapshot.id!, at(90), (text) =>
			Promise.resolve(prepareBackup(text, 'snapshot'))
		);
		// The backup format orders fields its own way: the same rows, not the same bytes.
		expect(await deckRows(db, 'mine')).toEqual(before);
	});

	it('deletes nothing when the snapshot cannot be stored', async () => {
		const db = await twoDecks();
		const before = await deckData(db, 'mine');
		const outcome = await deleteDeckAfterSnapshot(db, 'mine', () =>
			Promise.resolve({ taken: false, why: 'failed', error: 'QuotaExceededError', full: true })
		);
		expect(outcome).toEqual({
			deleted: false,
			why: 'snapshot-failed',
			error: 'QuotaExceededError',
			full: true
		});
		expect(await deckData(db, 'mine')).toBe(before);
	});

	it('refuses a deck that comes with the app, before any snapshot', async () => {
		const db = await twoDecks();
		let asked = false;
		await expect(
			deleteDeckAfterSnapshot(db, 'kept', () => {
				asked = true;
				return takeSnapshot(db)('kept');
			})
		).rejects.toBeInstanceOf(BundledDeckError);
		await expect(deleteDeck(db, 'kept')).rejects.toBeInstanceOf(BundledDeckError);
		expect(asked).toBe(false);
		expect(await db.cards.where('deckId').equals('kept').count()).toBe(4);
	});

	it("forgets the deck's own limits, its sub-decks' and its quiz mode, and keeps the other decks'", async () => {
		const db = await twoDecks();
		const settings = await loadSettings(db);
		await saveSettings(db, {
			...settings,
			deckLimits: {
				mine: { newPerDay: 3 },
				'mine::Verbs': { reviewsPerDay: 9 },
				kept: { newPerDay: 5 },
				'kept::Verbs': { newPerDay: 1 },
				mineral: { newPerDay: 7 }
			},
			deckModes: { mine: 'typed', kept: 'mcq' }
		});
		await deleteDeck(db, 'mine');
		const after = await loadSettings(db);
		expect(after.deckLimits).toEqual({
			kept: { newPerDay: 5 },
			'kept::Verbs': { newPerDay: 1 },
			mineral: { newPerDay: 7 }
		});
		expect(after.deckModes).toEqual({ kept: 'mcq' });
	});

	it("forgets the deck's folds on home and keeps the other decks'", async () => {
		const db = await twoDecks();
		await setSetting(db, HOME_FOLDED, ['mine', 'mine::Verbs', 'kept::Verbs', 'mineral']);
		await deleteDeck(db, 'mine');
		expect(await getSetting(db, HOME_FOLDED, [])).toEqual(['kept::Verbs', 'mineral']);
	});

	it('says the deck is missing when it was already deleted', async () => {
		const db = await twoDecks();
		await deleteDeck(db, 'mine');
		expect(await deleteDeckAfterSnapshot(db, 'mine', takeSnapshot(db))).toEqual({
			deleted: false,
			why: 'missing'
		});
	});
});
