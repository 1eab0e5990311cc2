/**
 * Issue 15: a bundled deck's pictures and sounds. The build checks that every file its cards name
 * sits beside the deck file (a picture or sound by its extension, within the importers' sizes) and
 * lists them in the compiled deck, which the installer downloads from.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	buildDecks,
	bundledMediaProblems,
	deckSchema,
	formatError,
	type DeckEntry,
	type ReadMedia
} from '$lib/deck';
import { MAX_AUDIO_BYTES, MAX_IMAGE_BYTES } from '$lib/deck/media';
import { mediaBeside } from '$lib/server/media-files';

const FIXTURES = 'tests/fixtures/bundled-media';

function entry(folder: string, withMedia = true): DeckEntry {
	const dir = `${FIXTURES}/${folder}`;
	return {
		file: `${dir}/deck.yaml`,
		format: 'yaml',
		text: readFileSync(`${dir}/deck.yaml`, 'utf8'),
		...(withMedia ? { readMedia: mediaBeside(dir) } : {})
	};
}

const served = (path: string) => {
	const bytes = readFileSync(path);
	const digest = createHash('sha256').update(bytes).digest('hex');
	return { size: bytes.length, file: `${digest.slice(0, 16)}.${path.split('.').at(-1)}` };
};

describe('bundled deck media', () => {
	it('lists every picture and sound the cards name, once each, under a digest of its bytes', () => {
		const { decks, errors } = buildDecks([entry('birds')]);
		expect(errors).toEqual([]);
		const deck = decks[0]!;
		expect(deck.media).toEqual([
			{ name: 'robin-song.wav', type: 'audio/wav', ...served(`${FIXTURES}/birds/robin-song.wav`) },
			{ name: 'robin.png', type: 'image/png', ...served(`${FIXTURES}/birds/robin.png`) }
		]);
		// The compiled deck with its list is still a valid deck file for the app.
		expect(deckSchema.safeParse(deck).success).toBe(true);
	});

	it('lists nothing for a deck checked without its folder (the studio, an import)', () => {
		const { decks } = buildDecks([entry('birds', false)]);
		expect(decks[0]!.media).toBeUndefined();
	});

	it('refuses a missing, wrongly cased, non-media or empty file, each at its place', () => {
		const { decks, errors } = buildDecks([entry('broken')]);
		expect(decks).toEqual([]);
		const file = `${FIXTURES}/broken/deck.yaml`;
		expect(errors.map(formatError)).toEqual([
			`${file}:11:5 cards[1].image: no file "Robin.png" beside the deck: put the picture there, or correct the name (capitals count)`,
			`${file}:18:24 cards[2].image[2]: "notes.txt" is not a picture the app can show: use a JPEG, PNG, GIF, WebP or AVIF file`,
			`${file}:19:5 cards[2].audio: "robin.png" is not a sound the app can play: use an MP3, M4A, AAC, Ogg, Opus, WAV, WebM or FLAC file`,
			`${file}:26:5 cards[3].image: "empty.png" is empty`
		]);
	});

	it('holds pictures to 8 MB and sounds to 16 MB, as the importers do', () => {
		const sizes: Record<string, number> = {
			'ok.jpg': MAX_IMAGE_BYTES,
			'big.jpg': MAX_IMAGE_BYTES + 1,
			'ok.mp3': MAX_AUDIO_BYTES,
			'big.mp3': MAX_AUDIO_BYTES + 1
		};
		const read: ReadMedia = (name) => {
			const size = sizes[name];
			return size === undefined ? undefined : { size, digest: '0'.repeat(64) };
		};
		const value = {
			cards: [
				{ image: ['ok.jpg', 'big.jpg'], audio: 'ok.mp3' },
				// Names the schema refuses are its to report: not also "no file".
				{ audio: ['big.mp3'], image: ['../escape.jpg', {}, 3] }
			]
		};
		expect(bundledMediaProblems(value, read)).toEqual([
			{
				path: ['cards', 0, 'image', 1],
				message: '"big.jpg" is 8.1 MB: a picture may be at most 8 MB'
			},
			{
				path: ['cards', 1, 'audio', 0],
				message: '"big.mp3" is 16.1 MB: a sound may be at most 16 MB'
			}
		]);
	});
});
