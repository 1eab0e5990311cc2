import { describe, expect, it } from 'vitest';
import {
	checkPickedMedia,
	freeName,
	mediaField,
	mediaFileName,
	mediaList,
	MAX_IMAGE_BYTES,
	MAX_MEDIA_PER_CARD
} from '$lib/deck/media';
import { cardSchema } from '$lib/deck/schema';
import { authoredCard, draftCard } from '$lib/deck/draft';
import { writeDeckYaml } from '$lib/deck/yaml-writer';
import { compileAuthoredDeck } from '$lib/deck/authored';

const base = {
	id: 'a',
	kind: 'basic',
	prompt: 'What is it?',
	answer: 'A robin',
	source: { quote: 'q' }
};
const problems = (card: unknown) =>
	cardSchema.safeParse(card).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('media names on a card', () => {
	it('accepts one name (as decks wrote before lists) or a list, shown in order', () => {
		expect(problems({ ...base, image: 'robin.jpg', audio: 'song.mp3' })).toEqual([]);
		expect(
			problems({ ...base, image: ['robin.jpg', 'nest.png'], audio: ['a.mp3', 'b.ogg'] })
		).toEqual([]);
		expect(mediaList('robin.jpg')).toEqual(['robin.jpg']);
		expect(mediaList(['b.png', 'a.png'])).toEqual(['b.png', 'a.png']);
		expect(mediaList(undefined)).toEqual([]);
		expect(mediaField(['a.png'])).toBe('a.png');
		expect(mediaField(['a.png', 'b.png'])).toEqual(['a.png', 'b.png']);
		expect(mediaField([])).toBeUndefined();
	});

	it('refuses paths, empty lists and too many, naming the place', () => {
		expect(problems({ ...base, image: '../etc/passwd' })).toEqual([
			'image: must be a plain file name'
		]);
		expect(problems({ ...base, image: ['ok.png', 'a/b.png'] })).toEqual([
			'image.1: must be a plain file name'
		]);
		expect(problems({ ...base, audio: [] })).toEqual([
			'audio: must name at least one sound: leave the field out for none'
		]);
		const many = Array.from({ length: MAX_MEDIA_PER_CARD + 1 }, (_, i) => `p${i}.png`);
		expect(problems({ ...base, image: many })).toEqual([
			`image: lists ${MAX_MEDIA_PER_CARD + 1} pictures: at most ${MAX_MEDIA_PER_CARD} are allowed`
		]);
		expect(problems({ ...base, image: 3 })).toEqual([
			'image: must be a file name or a list of picture file names'
		]);
	});

	it('a draft keeps a card’s media through the studio and back to YAML that compiles', () => {
		const one = draftCard({ ...base, image: 'robin.jpg' });
		expect(one.image).toEqual(['robin.jpg']);
		expect(authoredCard(one).image).toBe('robin.jpg');
		const two = draftCard({ ...base, id: 'b', image: ['a.png', 'b.png'], audio: 'c.mp3' });
		expect(authoredCard(two)).toMatchObject({ image: ['a.png', 'b.png'], audio: 'c.mp3' });
		expect(authoredCard(draftCard(base))).not.toHaveProperty('image');
		const yaml = writeDeckYaml({
			id: 'birds',
			title: 'Birds',
			version: 1,
			cards: [authoredCard(one), authoredCard(two)]
		});
		expect(yaml).toContain('image: robin.jpg');
		expect(yaml).toContain('image: [a.png, b.png]');
		const compiled = compileAuthoredDeck({ file: 'birds.yaml', text: yaml });
		expect(compiled.ok && compiled.deck.cards.map((c) => c.image)).toEqual([
			'robin.jpg',
			['a.png', 'b.png']
		]);
	});
});

describe('a file picked in the studio', () => {
	it('is taken as a picture or a sound by its extension, or its type when it has none', () => {
		expect(
			checkPickedMedia({ name: 'IMG_1.JPG', type: 'image/jpeg', size: 1000 }, 'image')
		).toEqual({ ok: true, type: 'image/jpeg', extension: 'JPG' });
		expect(checkPickedMedia({ name: 'recording', type: 'audio/mp4', size: 10 }, 'audio')).toEqual({
			ok: true,
			type: 'audio/mp4',
			extension: 'm4a'
		});
	});

	it('is refused with a reason when it is not media, the wrong kind, empty or too large', () => {
		const refusal = (f: { name: string; type: string; size: number }, kind: 'image' | 'audio') => {
			const r = checkPickedMedia(f, kind);
			return r.ok ? '' : r.message;
		};
		expect(refusal({ name: 'notes.pdf', type: 'application/pdf', size: 9 }, 'image')).toBe(
			'“notes.pdf” is not a picture the app can show: choose a JPEG, PNG, GIF, WebP or AVIF file.'
		);
		expect(refusal({ name: 'logo.svg', type: 'image/svg+xml', size: 9 }, 'image')).toMatch(
			/is not a picture/
		);
		expect(refusal({ name: 'song.mp3', type: 'audio/mpeg', size: 9 }, 'image')).toMatch(
			/is not a picture/
		);
		expect(refusal({ name: 'a.png', type: 'image/png', size: 9 }, 'audio')).toMatch(
			/is not a sound the app can play/
		);
		expect(
			refusal({ name: 'big.jpg', type: 'image/jpeg', size: MAX_IMAGE_BYTES + 1 }, 'image')
		).toBe('“big.jpg” is 8 MB: a picture may be at most 8 MB. Choose a smaller file.');
		expect(
			refusal({ name: 'big.jpg', type: 'image/jpeg', size: 12.3 * 1024 * 1024 }, 'image')
		).toMatch(/is 12\.3 MB/);
		expect(refusal({ name: 'e.png', type: 'image/png', size: 0 }, 'image')).toBe(
			'“e.png” is empty.'
		);
	});

	it('is stored under a plain name that no other file of the draft has', () => {
		expect(mediaFileName('image.jpg', 'jpg', new Set())).toBe('image.jpg');
		expect(mediaFileName('image.jpg', 'jpg', new Set(['image.jpg', 'image-2.jpg']))).toBe(
			'image-3.jpg'
		);
		expect(mediaFileName('C:\\photos\\..\\.hidden.PNG', 'PNG', new Set())).toBe('hidden.png');
		expect(mediaFileName('a:b\u0000c.jpg', 'jpg', new Set())).toBe('a-b-c.jpg');
		expect(mediaFileName('', 'webm', new Set())).toBe('media.webm');
		const name = mediaFileName('x'.repeat(400) + '.jpg', 'jpg', new Set());
		expect(name.length).toBeLessThanOrEqual(200);
		expect(problems({ ...base, image: name })).toEqual([]);
	});

	it('takes the first free numbered name, with or without an extension', () => {
		expect(freeName('map', '.png', new Set())).toBe('map.png');
		expect(freeName('map', '.png', new Set(['map.png', 'map-2.png']))).toBe('map-3.png');
		expect(freeName('notes', '', new Set(['notes']))).toBe('notes-2');
	});
});
