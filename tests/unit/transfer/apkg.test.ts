import { describe, expect, it } from 'vitest';
import { readPackage, type PackageResult } from '$lib/transfer/apkg/read-package';
import { loadSqlite, makePackage, samplePackage, type Layout } from '../../fixtures/anki-packages';

async function read(bytes: Uint8Array, name = 'deck.apkg'): Promise<PackageResult> {
	return readPackage({ name, chunks: [bytes], loadSqlite });
}

const ok = (r: PackageResult) => {
	if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
	return r;
};

describe.each<Layout>(['anki2', 'anki21', 'anki21b'])('an Anki package (%s)', (layout) => {
	it('makes a card per Anki card, by note type, never the dummy collection', async () => {
		const r = ok(await read(await makePackage(samplePackage(layout))));
		expect(r.layout).toBe(layout);
		const byId = new Map(r.deck.cards.map((c) => [c.id, c]));
		expect([...byId.keys()].sort()).toEqual(
			[
				'basic1',
				'rev1',
				'rev1/reverse',
				'opt1',
				'opt2',
				'opt2/reverse',
				'typed1',
				'cloze1/c1',
				'cloze1/c2',
				'img1',
				'snd1',
				'hostile1',
				'trick1',
				'missing1'
			].sort()
		);
		expect(r.deck.title).toBe('Geography');
		// The deck tree: Geography::Europe's cards sit in the sub-deck Europe, Geography's in none.
		expect(byId.get('basic1')?.subdeck).toBe('Europe');
		expect(byId.get('cloze1/c2')?.subdeck).toBe('Europe');
		expect(byId.get('rev1')?.subdeck).toBeUndefined();
		expect(byId.get('basic1')).toMatchObject({
			kind: 'basic',
			prompt: 'Capital of France?',
			answer: 'Paris',
			tags: ['capitals', 'geo.eu', 'geography.europe']
		});
		expect(byId.get('rev1/reverse')).toMatchObject({ prompt: 'dog', answer: 'chien' });
		expect(byId.get('typed1')).toMatchObject({
			kind: 'typed',
			prompt: 'Capital of Italy?',
			answer: 'Rome'
		});
		expect(byId.get('cloze1/c1')).toMatchObject({
			kind: 'basic',
			prompt: '___ is the capital of Spain; ___ is big.',
			answer: 'Madrid, it'
		});
		expect(byId.get('cloze1/c2')).toMatchObject({
			kind: 'cloze',
			prompt: 'Madrid is the capital of ___ (country); it is big.',
			answer: 'Spain'
		});
		expect(byId.get('img1')).toMatchObject({
			prompt: 'Eiffel Tower',
			answer: 'a tower in Paris',
			explanation: 'iron',
			image: 'tower.png',
			audio: 'bell.wav'
		});
		expect(byId.get('snd1')).toMatchObject({ prompt: 'What do you hear?', audio: 'bell.wav' });
		expect(byId.get('missing1')).toMatchObject({ image: 'gone.png' });
		expect(byId.get('trick1')?.image).toBeUndefined();
		expect(r.media.map((m) => [m.name, m.type]).sort()).toEqual([
			['bell.wav', 'audio/wav'],
			['tower.png', 'image/png']
		]);
		expect(
			new Uint8Array(await r.media.find((m) => m.name === 'tower.png')!.blob.arrayBuffer())[1]
		).toBe(0x50);
		expect(r.missingMedia).toEqual(['gone.png', 'x']);
	});

	it('reduces hostile fields to text: no tag, handler or script link survives', async () => {
		const r = ok(await read(await makePackage(samplePackage(layout))));
		const card = r.deck.cards.find((c) => c.id === 'hostile1')!;
		expect(card.prompt).toBe('Safe?');
		// An svg is dropped whole, its text with it.
		expect(card.answer).toBe('click');
		expect(JSON.stringify(r.deck)).not.toMatch(
			/<script|onerror|javascript:|<iframe|onload|evil\.example/i
		);
	});

	it('keeps each card’s answers, suspended and buried', async () => {
		const r = ok(await read(await makePackage(samplePackage(layout))));
		const h = new Map(r.history.map((x) => [x.cardId, x]));
		// The rescheduled row is skipped; the reset drops the answer before it.
		expect(h.get('basic1')?.reviews.map((x) => x.rating)).toEqual([3, 3, 3]);
		expect(h.get('rev1')?.reviews.map((x) => x.rating)).toEqual([4]);
		expect(h.get('typed1')?.reviews.map((x) => x.rating)).toEqual([3, 1, 3, 3]);
		expect(h.get('typed1')?.suspended).toBe(true);
		expect(h.get('cloze1/c1')?.buried).toBe(true);
		expect(r.withHistory).toBe(3);
	});
});
