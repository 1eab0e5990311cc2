import { describe, expect, it } from 'vitest';
import { installDeck } from '$lib/storage';
import { loadOverview } from '$lib/storage/overview';
import { loadDeckTrees } from '$lib/storage/deck-tree';
import { loadSettings, saveScopeLimits, saveSettings } from '$lib/storage/study-settings';
import {
	inheritedLimit,
	shownNodes,
	subdeckTree,
	subtreeCounts,
	hasChildren,
	type Deck
} from '$lib/deck';
import { freshDb } from '../../fixtures/db';
import { NOW, basicCard, smallDeck } from '../../fixtures/decks';

/** Spanish: 2 cards of its own, Verbs (3) with Verbs::Irregular (2), Nouns (3); all new. */
function treeDeck(): Deck {
	const cards = [
		...['root1', 'root2'].map((id) => basicCard(id)),
		...['verb1', 'verb2', 'verb3'].map((id) => basicCard(id, { subdeck: 'Verbs' })),
		...['irr1', 'irr2'].map((id) => basicCard(id, { subdeck: 'Verbs::Irregular' })),
		...['noun1', 'noun2', 'noun3'].map((id) => basicCard(id, { subdeck: 'Nouns' }))
	];
	return { schemaVersion: 1, id: 'spanish', title: 'Spanish', version: 1, cards };
}

describe('home’s deck tree', () => {
	it('gives a parent sub-deck its children’s counts, and the deck all of them', async () => {
		const db = freshDb();
		await installDeck(db, treeDeck(), { now: NOW, bundled: false });
		const { decks } = await loadOverview(db, NOW);
		const spanish = decks[0];
		if (!spanish) throw new Error('no deck');
		expect(subtreeCounts(spanish.dueByPath, 'Verbs').new).toBe(5);
		expect(subtreeCounts(spanish.dueByPath, 'Verbs::Irregular').new).toBe(2);
		expect(subtreeCounts(spanish.dueByPath, 'Nouns').new).toBe(3);
		// The deck's own two and its sub-decks' eight: the sub-decks' counts add up to the deck's.
		expect(spanish.due.new).toBe(10);
		expect((spanish.dueByPath[''] ?? { new: 0 }).new + 5 + 3).toBe(spanish.due.new);
	});

	it('follows a sub-deck’s own limit and the deck’s shared one', async () => {
		const db = freshDb();
		await installDeck(db, treeDeck(), { now: NOW, bundled: false });
		await saveScopeLimits(db, 'spanish::Verbs', { newPerDay: 1 });
		let spanish = (await loadOverview(db, NOW)).decks[0];
		expect(spanish && subtreeCounts(spanish.dueByPath, 'Verbs').new).toBe(1);
		expect(spanish?.due.new).toBe(6);
		await saveScopeLimits(db, 'spanish', { newPerDay: 4 });
		spanish = (await loadOverview(db, NOW)).decks[0];
		expect(spanish?.due.new).toBe(4);
	});

	it('lists the tree of decks that have one, and reads it again only when the deck changed', async () => {
		const db = freshDb();
		await installDeck(db, treeDeck(), { now: NOW, bundled: false });
		await installDeck(db, smallDeck(3), { now: NOW, bundled: true });
		const decks = async () => (await loadOverview(db, NOW)).decks.map((d) => d.deck);
		const trees = await loadDeckTrees(db, await decks());
		expect(Object.keys(trees)).toEqual(['spanish']);
		expect(trees.spanish?.map((n) => [n.path, n.own, n.total])).toEqual([
			['Nouns', 3, 3],
			['Verbs', 3, 5],
			['Verbs::Irregular', 2, 2]
		]);
		// Kept: a second read takes the kept tree, however the cards were changed behind it...
		await db.cards.update('spanish|noun1', { 'content.subdeck': 'Adjectives' });
		expect((await loadDeckTrees(db, await decks())).spanish?.[0]?.path).toBe('Nouns');
		// ...until the deck changes: an update with a new sub-deck shows it.
		const next = treeDeck();
		next.version = 2;
		next.cards.push(basicCard('adj1', { subdeck: 'Adjectives' }));
		await installDeck(db, next, { now: new Date(NOW.getTime() + 1000), bundled: false });
		const after = await loadDeckTrees(db, await decks());
		expect(after.spanish?.map((n) => n.path)).toEqual([
			'Adjectives',
			'Nouns',
			'Verbs',
			'Verbs::Irregular'
		]);
	});

	it('keeps the tree when a deck is installed: home’s first read after an import reads no card', async () => {
		const db = freshDb();
		await installDeck(db, treeDeck(), { now: NOW, bundled: false });
		// Changed behind the kept tree: a first read that read the cards would show it.
		await db.cards.update('spanish|noun1', { 'content.subdeck': 'Adjectives' });
		const decks = (await loadOverview(db, NOW)).decks.map((d) => d.deck);
		expect((await loadDeckTrees(db, decks)).spanish?.map((n) => n.path)).toEqual([
			'Nouns',
			'Verbs',
			'Verbs::Irregular'
		]);
		// A deck without sub-decks is kept too, and listed without a tree.
		await installDeck(db, smallDeck(3), { now: NOW, bundled: true });
		const all = (await loadOverview(db, NOW)).decks.map((d) => d.deck);
		expect(Object.keys(await loadDeckTrees(db, all))).toEqual(['spanish']);
	});

	it('hides what is below a folded sub-deck, not the folded one itself', () => {
		const tree = subdeckTree(['A', 'A::B', 'A::B::C', 'D', 'D::E']);
		const paths = (folded: string[]) => shownNodes(tree, new Set(folded)).map((n) => n.path);
		expect(paths([])).toEqual(['A', 'A::B', 'A::B::C', 'D', 'D::E']);
		expect(paths(['A'])).toEqual(['A', 'D', 'D::E']);
		expect(paths(['A::B', 'D'])).toEqual(['A', 'A::B', 'D']);
		expect(tree.map((_, i) => hasChildren(tree, i))).toEqual([true, true, false, true, false]);
	});
});

describe('a deck’s and a sub-deck’s own limits', () => {
	it('are saved alone, keep other settings, and fall back to the nearest above', async () => {
		const db = freshDb();
		await saveSettings(db, { ...(await loadSettings(db)), newPerDay: 12 });
		await saveScopeLimits(db, 'spanish', { newPerDay: 5, reviewsPerDay: 50 });
		await saveScopeLimits(db, 'spanish::Verbs', { newPerDay: 0 });
		let settings = await loadSettings(db);
		expect(settings.newPerDay).toBe(12);
		const limits = settings.deckLimits;
		expect(inheritedLimit(limits, 'spanish', 'Verbs', 'newPerDay')).toEqual({
			limit: 0,
			from: 'Verbs'
		});
		expect(inheritedLimit(limits, 'spanish', 'Verbs::Irregular', 'reviewsPerDay')).toEqual({
			limit: 50,
			from: ''
		});
		expect(inheritedLimit(limits, 'french', '', 'newPerDay')).toBeUndefined();
		// Cleared: the entry goes, and the sub-deck takes the deck's limits again.
		await saveScopeLimits(db, 'spanish::Verbs', {});
		settings = await loadSettings(db);
		expect(Object.keys(settings.deckLimits)).toEqual(['spanish']);
		expect(inheritedLimit(settings.deckLimits, 'spanish', 'Verbs', 'newPerDay')?.limit).toBe(5);
	});
});
