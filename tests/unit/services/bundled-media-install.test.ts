/**
 * Issue 15: installing a bundled deck brings its pictures and sounds into IndexedDB, where cards
 * show them from (as an imported deck's), in the deck's own transaction: all of it or nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDecks, summarise, type Deck } from '$lib/deck';
import { bundledMediaUrl, syncBundledDecks } from '$lib/services/bundled-decks';
import { mediaBeside } from '$lib/server/media-files';
import { readMedia } from '$lib/storage/media';
import type { StudyDb } from '$lib/storage/db';
import { freshDb } from '../../fixtures/db';
import { NOW } from '../../fixtures/decks';

const DIR = 'tests/fixtures/bundled-media/birds';
const PNG = readFileSync(`${DIR}/robin.png`);
const WAV = readFileSync(`${DIR}/robin-song.wav`);

/** The fixture deck as the build compiles it, with its media listed. */
function birds(version = 1): Deck {
	const text = readFileSync(`${DIR}/deck.yaml`, 'utf8').replace(
		'version: 1',
		`version: ${version}`
	);
	const { decks, errors } = buildDecks([
		{ file: `${DIR}/deck.yaml`, format: 'yaml', text, readMedia: mediaBeside(DIR) }
	]);
	if (errors.length > 0) throw new Error(JSON.stringify(errors));
	return decks[0]!;
}

/** A static host serving the deck list, the deck and its media; `files` overrides by URL. */
function host(deck: Deck, files: Record<string, Uint8Array | null> = {}): typeof fetch {
	const byName: Record<string, Uint8Array> = { 'robin.png': PNG, 'robin-song.wav': WAV };
	const served = new Map<string, Uint8Array | null>([
		['/decks/index.json', new TextEncoder().encode(JSON.stringify({ decks: [summarise(deck)] }))],
		[`/decks/${deck.id}.json`, new TextEncoder().encode(JSON.stringify(deck))],
		...(deck.media ?? []).map(
			(m) =>
				[bundledMediaUrl(deck.id, m.file), byName[m.name] ?? null] as [string, Uint8Array | null]
		),
		...Object.entries(files)
	]);
	return (async (url: string) => {
		const body = served.get(url);
		return body ? new Response(new Uint8Array(body)) : new Response('not found', { status: 404 });
	}) as typeof fetch;
}

async function stored(db: StudyDb) {
	const rows = await readMedia(db, 'birds', ['robin.png', 'robin-song.wav']);
	return Promise.all(
		rows.map(async (r) => ({
			name: r.name,
			type: r.type,
			size: r.size,
			bytes: new Uint8Array(await r.blob.arrayBuffer())
		}))
	);
}

const urlOf = (deck: Deck, name: string) =>
	bundledMediaUrl(deck.id, deck.media!.find((m) => m.name === name)!.file);

describe('installing a bundled deck with media', () => {
	it('stores every picture and sound its cards name, with the cards', async () => {
		const db = freshDb();
		const deck = birds();
		const reports = await syncBundledDecks(db, host(deck), NOW);
		expect(reports['birds']?.added).toBe(2);
		expect(await stored(db)).toEqual([
			{ name: 'robin.png', type: 'image/png', size: PNG.length, bytes: new Uint8Array(PNG) },
			{ name: 'robin-song.wav', type: 'audio/wav', size: WAV.length, bytes: new Uint8Array(WAV) }
		]);
	});

	it('writes nothing of a deck one of whose files cannot be downloaded', async () => {
		const db = freshDb();
		const deck = birds();
		const missing = host(deck, { [urlOf(deck, 'robin-song.wav')]: null });
		await expect(syncBundledDecks(db, missing, NOW)).rejects.toThrow(
			'Could not load “robin-song.wav” of deck birds (404)'
		);
		expect(await db.decks.count()).toBe(0);
		expect(await db.cards.count()).toBe(0);
		expect(await db.media.count()).toBe(0);
		// Cut short on the way: refused too, never stored as a broken picture.
		const cut = host(deck, { [urlOf(deck, 'robin.png')]: PNG.subarray(0, 50) });
		await expect(syncBundledDecks(db, cut, NOW)).rejects.toThrow(
			/robin\.png” of deck birds came incomplete \(50 of \d+ bytes\)/
		);
		expect(await db.media.count()).toBe(0);
		// Once the files can be had, the deck goes in whole.
		await syncBundledDecks(db, host(deck), NOW);
		expect((await stored(db)).map((m) => m.name)).toEqual(['robin.png', 'robin-song.wav']);
	});

	it('updates the files with a new version, and keeps the old version whole when that fails', async () => {
		const db = freshDb();
		await syncBundledDecks(db, host(birds(1)), NOW);
		const newer = birds(2);
		// The new version's picture did not arrive: version 1 stays, with its picture.
		await expect(
			syncBundledDecks(db, host(newer, { [urlOf(newer, 'robin.png')]: null }), NOW)
		).rejects.toThrow(/robin\.png/);
		expect((await db.decks.get('birds'))?.version).toBe(1);
		expect((await stored(db))[0]?.bytes).toEqual(new Uint8Array(PNG));
		// The new version arrives with a changed picture (same length, other bytes): it replaces it.
		const redrawn = new Uint8Array(PNG);
		redrawn[PNG.length - 20] = redrawn[PNG.length - 20]! ^ 0xff;
		await syncBundledDecks(db, host(newer, { [urlOf(newer, 'robin.png')]: redrawn }), NOW);
		expect((await db.decks.get('birds'))?.version).toBe(2);
		expect((await stored(db))[0]?.bytes).toEqual(redrawn);
		expect(await db.media.count()).toBe(2);
	});
});
