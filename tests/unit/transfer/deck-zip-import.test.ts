import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { writeDeckZip } from '$lib/transfer/deck-zip';
import { prepareDeckZip } from '$lib/transfer/deck-zip-import';
import { ImportFlow } from '$lib/state/import.svelte';
import { publishableMedia } from '$lib/storage/media';
import { freshDb } from '../../fixtures/db';
import { NOW } from '../../fixtures/decks';
import { PNG, wav } from '../../fixtures/anki-packages';

const SOURCE = 'Robins sing at dawn. Owls call at night.';

const YAML = `id: birds
title: Birds
version: 1
sourceFile: source.txt
cards:
  - id: robin
    kind: basic
    prompt: Which bird sings at dawn?
    answer: Robin
    image: robin.png
    source:
      quote: Robins sing at dawn.
  - id: owl
    kind: basic
    prompt: Which bird is this?
    answer: Owl
    audio: owl.wav
    image: [owl.png, gone.png]
    source:
      quote: Owls call at night.
`;

/** The studio's download: the deck, its source text, its media side by side. */
const studioZip = (media: Record<string, Uint8Array>, yaml = YAML) =>
	writeDeckZip(
		[
			{ name: 'birds.yaml', text: yaml },
			{ name: 'source.txt', text: SOURCE }
		],
		Object.entries(media).map(([name, data]) => ({ name, data }))
	);

const messages = (r: Awaited<ReturnType<typeof prepareDeckZip>>) =>
	r.ok ? [] : r.errors.map((e) => e.message);

describe('a deck zip from the studio', () => {
	it('is read as its deck with the media its cards name, and names those it lacks', async () => {
		const r = await prepareDeckZip(
			'birds.zip',
			studioZip({ 'robin.png': PNG, 'owl.png': PNG, 'owl.wav': wav(), 'notes.png': PNG })
		);
		if (!r.ok) throw new Error(messages(r).join('; '));
		expect(r.deck.id).toBe('birds');
		expect(r.deck.cards.map((c) => c.id)).toEqual(['robin', 'owl']);
		expect(r.media.map((m) => [m.name, m.type, m.blob.size])).toEqual([
			['owl.png', 'image/png', PNG.length],
			['owl.wav', 'audio/wav', wav().length],
			['robin.png', 'image/png', PNG.length]
		]);
		expect(r.missingMedia).toEqual(['gone.png']);
		// A file no card names (notes.png) is not stored.
		expect(r.warnings.map((w) => w.message)).toContain('1 file no card names was left out');
	});

	it('checks the deck as the deck checker does: a quote not in its source is refused', async () => {
		const r = await prepareDeckZip(
			'birds.zip',
			studioZip({}, YAML.replace('Robins sing at dawn.\n', 'Robins sing at noon.\n'))
		);
		expect(r.ok).toBe(false);
		expect(messages(r).join(' ')).toMatch(/is not in the source text/);
	});

	it('refuses what is not a deck zip, saying why', async () => {
		expect(messages(await prepareDeckZip('x.zip', strToU8('not a zip at all')))).toEqual([
			expect.stringMatching(/zip/i)
		]);
		expect(messages(await prepareDeckZip('x.zip', zipSync({ 'a.png': PNG })))).toEqual([
			'the zip holds no deck file: a deck zip from the studio has a .yaml or .json deck beside its pictures and sounds'
		]);
		const two = zipSync({ 'a.yaml': strToU8(YAML), 'b.json': strToU8('{}') });
		expect(messages(await prepareDeckZip('x.zip', two))).toEqual([
			'the zip holds 2 deck files (a.yaml, b.json): a deck zip holds one; import each deck on its own'
		]);
	});

	it('leaves out a media file over the cap and says so', async () => {
		const big = new Uint8Array(16 * 1024 * 1024 + 1);
		const r = await prepareDeckZip('birds.zip', studioZip({ 'robin.png': big, 'owl.png': PNG }));
		if (!r.ok) throw new Error(messages(r).join('; '));
		expect(r.media.map((m) => m.name)).toEqual(['owl.png']);
		expect(r.missingMedia).toEqual(['gone.png', 'owl.wav', 'robin.png']);
		expect(r.warnings.map((w) => [w.path, w.message])).toContainEqual([
			'robin.png',
			'a media file over 16 MB was left out'
		]);
	});

	it('imports on the Import page with its media, which a class publish then carries', async () => {
		const db = freshDb();
		const flow = new ImportFlow(db, () => NOW);
		const zip = studioZip({ 'robin.png': PNG, 'owl.png': PNG, 'owl.wav': wav() });
		await flow.openFiles([new File([zip as Uint8Array<ArrayBuffer>], 'birds.zip')]);
		expect(flow.errors).toEqual([]);
		expect(flow.preview?.package).toMatchObject({ media: 3, missingMedia: ['gone.png'] });
		// Nothing is written before the learner confirms.
		expect(await db.cards.count()).toBe(0);
		await flow.confirm();
		expect(flow.stage).toBe('done');
		expect(flow.result).toMatchObject({ deckId: 'birds', media: 3 });
		expect(flow.result?.history).toBeUndefined();
		expect(await db.cards.count()).toBe(2);
		const published = await publishableMedia(db, 'birds');
		expect(published.map((m) => [m.name, m.type]).sort()).toEqual([
			['owl.png', 'image/png'],
			['owl.wav', 'audio/wav'],
			['robin.png', 'image/png']
		]);
	});
});
