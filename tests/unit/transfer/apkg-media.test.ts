import { describe, expect, it } from 'vitest';
import type { Card } from '$lib/deck/schema';
import { MAX_MEDIA_PER_CARD } from '$lib/deck/media';
import { readPackage, type PackageResult } from '$lib/transfer/apkg/read-package';
import { writePackage } from '$lib/transfer/apkg/write-package';
import { BASIC, loadSqlite, makePackage, PNG, wav } from '../../fixtures/anki-packages';

async function read(bytes: Uint8Array): Promise<PackageResult & { ok: true }> {
	const r = await readPackage({ name: 'birds.apkg', chunks: [bytes], loadSqlite });
	if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
	return r;
}

const note = (id: number, fields: string[]) => ({
	id,
	guid: `n${id}`,
	mid: BASIC.id,
	fields,
	did: 2,
	ords: [0]
});

describe('issue 15: an Anki field with several pictures and sounds', () => {
	it('keeps every one of them, in order, each once, and refuses only the path tricks', async () => {
		const pictures = Object.fromEntries(['a.png', 'b.png', 'c.png'].map((n) => [n, PNG]));
		const r = await read(
			await makePackage({
				layout: 'anki21b',
				notetypes: [BASIC],
				decks: [{ id: 2, name: 'Birds' }],
				notes: [
					note(1, [
						'Which birds? <img src="c.png"><img src="a.png"> <img src="../x.png"><img src="c.png"><img src="b.png">',
						'Robins'
					]),
					note(2, ['Which calls? [sound:one.wav] and [sound:two.wav]', 'Owls']),
					note(3, ['Nest', 'Answer side only: <img src="a.png"><img src="b.png"> [sound:one.wav]'])
				],
				media: { ...pictures, 'one.wav': wav(), 'two.wav': wav() }
			})
		);
		const byId = new Map(r.deck.cards.map((c) => [c.id, c]));
		expect(byId.get('n1')).toMatchObject({
			prompt: 'Which birds?',
			image: ['c.png', 'a.png', 'b.png']
		});
		expect(byId.get('n2')).toMatchObject({ audio: ['one.wav', 'two.wav'] });
		expect(byId.get('n2')?.image).toBeUndefined();
		expect(byId.get('n3')).toMatchObject({ image: ['a.png', 'b.png'], audio: 'one.wav' });
		expect(r.media.map((m) => m.name).sort()).toEqual([
			'a.png',
			'b.png',
			'c.png',
			'one.wav',
			'two.wav'
		]);
		expect(r.warnings.map((w) => w.message).join('\n')).not.toMatch(/only the first/);
		expect(r.warnings.map((w) => w.message).join('\n')).toMatch(
			/media with a path in its name were refused/
		);
	});

	it('keeps the first ten of a kind on a card and says so', async () => {
		const names = Array.from({ length: MAX_MEDIA_PER_CARD + 2 }, (_, i) => `p${i}.png`);
		const r = await read(
			await makePackage({
				layout: 'anki2',
				notetypes: [BASIC],
				decks: [{ id: 2, name: 'Birds' }],
				notes: [note(1, [names.map((n) => `<img src="${n}">`).join(''), 'Many'])],
				media: Object.fromEntries(names.map((n) => [n, PNG]))
			})
		);
		expect(r.deck.cards[0]?.image).toEqual(names.slice(0, MAX_MEDIA_PER_CARD));
		expect(r.warnings.map((w) => w.message).join('\n')).toMatch(
			/keeps its first 10 pictures and sounds of each kind/
		);
	});

	it('writes every picture and sound of a card to Anki, and reads them back in order', async () => {
		const card: Card = {
			id: 'robin',
			kind: 'basic',
			prompt: 'Which bird?',
			answer: 'A robin',
			source: { quote: 'A robin.' },
			image: ['front.png', 'side.png'],
			audio: ['song.wav', 'call.wav']
		};
		const media = ['front.png', 'side.png'].map((name) => ({
			name,
			blob: new Blob([PNG as Uint8Array<ArrayBuffer>])
		}));
		media.push(
			...['song.wav', 'call.wav'].map((name) => ({
				name,
				blob: new Blob([wav() as Uint8Array<ArrayBuffer>])
			}))
		);
		const out = await writePackage(
			{ deck: { id: 'birds', title: 'Birds' }, cards: [{ card }], media, now: Date.now() },
			loadSqlite
		);
		expect(out.media).toBe(4);
		const back = await read(out.bytes);
		expect(back.deck.cards[0]).toMatchObject({
			image: ['front.png', 'side.png'],
			audio: ['song.wav', 'call.wav']
		});
	});
});
