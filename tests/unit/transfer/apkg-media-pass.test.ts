import { describe, expect, it } from 'vitest';
import { readPackage, type PackageDeck } from '$lib/transfer/apkg/read-package';
import { readPackageMedia } from '$lib/transfer/apkg/read-media';
import type { PackageMedia } from '$lib/transfer/apkg/read-package';
import { ImportFlow } from '$lib/state/import.svelte';
import { getDeckMedia } from '$lib/storage/media';
import { freshDb } from '../../fixtures/db';
import { NOW } from '../../fixtures/decks';
import { BASIC, loadSqlite, makePackage, type Layout } from '../../fixtures/anki-packages';

/** A file of `size` bytes that does not compress, as a picture would not. */
function noise(size: number, seed: number): Uint8Array {
	let x = seed;
	return Uint8Array.from({ length: size }, () => {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		return x & 255;
	});
}

const FILES = ['a.jpg', 'b.jpg', 'c.mp3', 'd.jpg'];

function birds(layout: Layout) {
	return makePackage({
		layout,
		notetypes: [BASIC],
		decks: [{ id: 2, name: 'Birds' }],
		notes: FILES.map((name, i) => ({
			id: i + 1,
			guid: `n${i + 1}`,
			mid: BASIC.id,
			fields: [
				name.endsWith('.mp3') ? `Call ${i} [sound:${name}]` : `Bird ${i} <img src="${name}">`,
				`Answer ${i}`
			],
			did: 2,
			ords: [0]
		})),
		// 300 kB each: more than one 256 kB chunk, so files arrive over several chunks.
		media: Object.fromEntries(FILES.map((name, i) => [name, noise(300_000, i + 1)])),
		dropMedia: ['d.jpg']
	});
}

async function listed(bytes: Uint8Array): Promise<PackageDeck> {
	const r = await readPackage({ name: 'birds.apkg', chunks: [bytes], loadSqlite, media: 'list' });
	if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
	return r;
}

describe('issue 15: a package’s media read a second time, in batches, when the deck is saved', () => {
	for (const layout of ['anki21', 'anki21b'] as const) {
		it(`lists the media for the preview without reading them, then streams them (${layout})`, async () => {
			const bytes = await birds(layout);
			const r = await listed(bytes);
			expect(r.media).toEqual([]);
			expect(r.mediaToRead.map((m) => [m.name, m.type]).sort()).toEqual([
				['a.jpg', 'image/jpeg'],
				['b.jpg', 'image/jpeg'],
				['c.mp3', 'audio/mpeg']
			]);
			expect(r.missingMedia).toEqual(['d.jpg']);

			const batches: PackageMedia[][] = [];
			let storing = false;
			const out = await readPackageMedia({
				// Fed in 64 kB pieces, as a file stream gives them.
				chunks: (function* () {
					for (let at = 0; at < bytes.length; at += 65_536) yield bytes.subarray(at, at + 65_536);
				})(),
				entries: r.mediaToRead,
				batchBytes: 1,
				onBatch: async (files) => {
					// The zip waits while a batch is stored: never two batches at once.
					expect(storing).toBe(false);
					storing = true;
					batches.push(files);
					await new Promise((resolve) => setTimeout(resolve, 1));
					storing = false;
				}
			});
			expect(out).toEqual({ stored: 3, tooLarge: [] });
			// With a 1-byte batch, each file is handed over as soon as it is whole, one at a time.
			expect(batches.map((b) => b.length)).toEqual([1, 1, 1]);
			const byName = new Map(batches.flat().map((m) => [m.name, m]));
			for (const [i, name] of FILES.slice(0, 3).entries()) {
				const file = byName.get(name);
				expect(file?.type).toBe(name.endsWith('.mp3') ? 'audio/mpeg' : 'image/jpeg');
				const got = Buffer.from((await file?.blob.arrayBuffer()) ?? new ArrayBuffer(0));
				// Compared as one buffer: an element-wise deep equal of 300,000 bytes takes seconds.
				expect(got.equals(Buffer.from(noise(300_000, i + 1)))).toBe(true);
			}
		});
	}

	it('stores the media on the Import page only when the learner confirms', async () => {
		const db = freshDb();
		const flow = new ImportFlow(db, () => NOW);
		const bytes = await birds('anki21b');
		await flow.openFiles([new File([bytes as Uint8Array<ArrayBuffer>], 'birds.apkg')]);
		expect(flow.errors).toEqual([]);
		expect(flow.preview?.package).toMatchObject({ media: 3, missingMedia: ['d.jpg'] });
		expect(await db.media.count()).toBe(0);
		await flow.confirm();
		expect(flow.stage).toBe('done');
		expect(flow.result).toMatchObject({ deckId: 'birds', media: 3 });
		expect(await db.cards.count()).toBe(4);
		expect(await db.media.count()).toBe(3);
		const stored = await getDeckMedia(db, 'birds', 'b.jpg');
		expect(stored?.size).toBe(300_000);
		expect(stored?.type).toBe('image/jpeg');
	});
});
