import { describe, expect, it } from 'vitest';
import type { Deck } from '$lib/deck';
import { summarise } from '$lib/deck';
import {
	bundledDecksToInstall,
	installOrder,
	syncBundledDecks,
	withDeckFiles
} from '$lib/services/bundled-decks';
import { freshDb } from '../../fixtures/db';
import { NOW, smallDeck } from '../../fixtures/decks';

/** A server with these decks and their list, as the build writes them. */
function server(decks: Deck[]): typeof fetch {
	const files = new Map<string, unknown>([
		['/decks/index.json', { decks: decks.map(summarise) }],
		...decks.map((d) => [`/decks/${d.id}.json`, d] as [string, unknown])
	]);
	return (async (url: string) => {
		const body = files.get(url);
		return new Response(body === undefined ? 'not found' : JSON.stringify(body), {
			status: body === undefined ? 404 : 200
		});
	}) as typeof fetch;
}

describe('bundled decks', () => {
	it('installs the missing decks with progress over all their cards, then nothing more', async () => {
		const db = freshDb();
		const fetcher = server([smallDeck(120, 1, 'one'), smallDeck(30, 1, 'two')]);
		expect((await bundledDecksToInstall(db, fetcher)).map((d) => d.id)).toEqual(['one', 'two']);
		const progress: [number, number][] = [];
		const reports = await syncBundledDecks(db, fetcher, NOW, {
			onProgress: (done, total) => progress.push([done, total])
		});
		expect(reports['one']?.added).toBe(120);
		expect(reports['two']?.added).toBe(30);
		expect(progress.every(([, total]) => total === 150)).toBe(true);
		expect(progress.map(([done]) => done)).toEqual(
			[...progress.map(([d]) => d)].sort((a, b) => a - b)
		);
		expect(progress.at(-1)).toEqual([150, 150]);
		expect(await bundledDecksToInstall(db, fetcher)).toEqual([]);
		expect(await syncBundledDecks(db, fetcher, NOW)).toEqual({});
	});

	it('installs a newer version of one deck and leaves the other alone', async () => {
		const db = freshDb();
		await syncBundledDecks(db, server([smallDeck(5, 1, 'one'), smallDeck(3, 1, 'two')]), NOW);
		const newer = server([smallDeck(6, 2, 'one'), smallDeck(3, 1, 'two')]);
		expect((await bundledDecksToInstall(db, newer)).map((d) => d.id)).toEqual(['one']);
		const reports = await syncBundledDecks(db, newer, NOW);
		expect(Object.keys(reports)).toEqual(['one']);
		expect(reports['one']).toMatchObject({ added: 1, unchanged: 5 });
	});

	it('leaves a deck whose file cannot be loaded out entirely', async () => {
		const db = freshDb();
		const decks = [smallDeck(5, 1, 'one')];
		const list = server(decks);
		const broken = (async (url: string) =>
			url === '/decks/one.json' ? new Response('', { status: 404 }) : list(url)) as typeof fetch;
		await expect(syncBundledDecks(db, broken, NOW)).rejects.toThrow(/Could not load deck one/);
		expect(await db.decks.count()).toBe(0);
		expect(await db.cards.count()).toBe(0);
	});

	it('installs the smallest deck first, or the one a screen waits for, each readable once told', async () => {
		const decks = [smallDeck(40, 1, 'big'), smallDeck(4, 1, 'small'), smallDeck(12, 1, 'mid')];
		expect(installOrder(decks.map(summarise)).map((d) => d.id)).toEqual(['small', 'mid', 'big']);
		expect(installOrder(decks.map(summarise), 'big').map((d) => d.id)).toEqual([
			'big',
			'small',
			'mid'
		]);
		const db = freshDb();
		const told: [string, number][] = [];
		let readDone = () => {};
		const installing = syncBundledDecks(db, server(decks), NOW, {
			// A screen reading what it was told of, while the next deck waits for it.
			onInstalled: async (id) => {
				told.push([id, await db.cards.count()]);
				if (id === 'small') await new Promise<void>((r) => (readDone = r));
			}
		});
		await expect.poll(() => told.length).toBe(1);
		await new Promise((r) => setTimeout(r, 50));
		expect(await db.cards.count()).toBe(4);
		readDone();
		await installing;
		expect(told).toEqual([
			['small', 4],
			['mid', 16],
			['big', 56]
		]);
	});

	it('takes the deck list from the caller and asks for every deck file before writing', async () => {
		const decks = [smallDeck(30, 1, 'one'), smallDeck(3, 1, 'two')];
		const files = server(decks);
		const asked: string[] = [];
		const fetcher = (async (url: string) => {
			asked.push(url);
			return files(url);
		}) as typeof fetch;
		const db = freshDb();
		const reports = await syncBundledDecks(db, fetcher, NOW, {
			listed: decks.map(summarise),
			onInstalled: (id) => void asked.push(`installed ${id}`)
		});
		expect(asked).toEqual(['/decks/two.json', '/decks/one.json', 'installed two', 'installed one']);
		expect(reports['one']?.added).toBe(30);
		// A listed deck already installed at its version is left alone.
		expect(await syncBundledDecks(db, fetcher, NOW, { listed: decks.map(summarise) })).toEqual({});
	});

	it('installs from deck files the page downloaded, and asks the server where one failed', async () => {
		const db = freshDb();
		const one = smallDeck(12, 1, 'one');
		const asked: string[] = [];
		const base = server([one, smallDeck(5, 1, 'two'), smallDeck(3, 1, 'three')]);
		const counting = (async (url: string) => {
			asked.push(url);
			return base(url);
		}) as typeof fetch;
		const bytes = (deck: Deck) =>
			Promise.resolve(new TextEncoder().encode(JSON.stringify(deck)).buffer);
		const files = new Map<string, Promise<ArrayBuffer>>([
			['one', bytes(one) as Promise<ArrayBuffer>],
			['two', Promise.reject(new Error('offline'))],
			// A buffer handed to a worker that died is empty: the server is asked instead.
			['three', Promise.resolve(new ArrayBuffer(0))]
		]);
		const reports = await syncBundledDecks(db, withDeckFiles(counting, files), NOW);
		expect(Object.keys(reports).sort()).toEqual(['one', 'three', 'two']);
		expect(reports['one']?.added).toBe(12);
		expect(reports['two']?.added).toBe(5);
		expect(reports['three']?.added).toBe(3);
		expect(asked.sort()).toEqual(['/decks/index.json', '/decks/three.json', '/decks/two.json']);
	});
});
