import { mediaList, mediaType, MAX_AUDIO_BYTES } from '$lib/deck/media';
import type { DeckError } from '$lib/deck/errors';
import { readDeckZip } from './deck-zip';
import { PackageError } from './apkg/limits';
import { formatBytes } from './limits';
import { prepareDeck, type Prepared } from './prepare';
import type { PackageMedia } from './apkg/read-package';

/** A deck zip read for import: the checked deck, its media as Blobs, and the media it lacks. */
export type ZipDeck =
	| (Extract<Prepared, { ok: true }> & { media: PackageMedia[]; missingMedia: string[] })
	| { ok: false; errors: DeckError[]; warnings: DeckError[] };

const DECK = /\.(json|ya?ml)$/i;
const TEXT = /\.txt$/i;

/**
 * Reads a deck zip (the studio's download: the deck file, its source text and its pictures and
 * sounds side by side, see `writeDeckZip`) for the import page: the deck is checked as a deck file
 * chosen with its source text is, and only the media its cards name are kept, each a picture or
 * sound by its extension and within the size a card's media may have. Nothing is written; every
 * failure is a result with a message, never a throw.
 */
export async function prepareDeckZip(
	name: string,
	bytes: Uint8Array | AsyncIterable<Uint8Array>
): Promise<ZipDeck> {
	const fail = (message: string): ZipDeck => ({
		ok: false,
		errors: [{ file: name, path: '', message }],
		warnings: []
	});
	const tooLarge = new Set<string>();
	let files;
	try {
		files = await readDeckZip(bytes, { onTooLarge: (n) => tooLarge.add(n) });
	} catch (e) {
		if (e instanceof PackageError) return fail(e.message);
		return fail(`the zip could not be read (${e instanceof Error ? e.message : String(e)})`);
	}
	const decks = files.filter((f) => DECK.test(f.name));
	if (decks.length === 0)
		return fail(
			'the zip holds no deck file: a deck zip from the studio has a .yaml or .json deck beside its pictures and sounds'
		);
	if (decks.length > 1)
		return fail(
			`the zip holds ${decks.length} deck files (${decks.map((d) => d.name).join(', ')}): a deck zip holds one; import each deck on its own`
		);
	const deckFile = decks[0] as (typeof decks)[number];
	const decoder = new TextDecoder();
	const prepared = prepareDeck({
		file: { name: deckFile.name, text: decoder.decode(deckFile.data) },
		others: files
			.filter((f) => TEXT.test(f.name))
			.map((f) => ({ name: f.name, text: decoder.decode(f.data) }))
	});
	if (!prepared.ok) return { ok: false, errors: prepared.errors, warnings: prepared.warnings };
	const byName = new Map(files.map((f) => [f.name, f]));
	const named = new Set(
		prepared.deck.cards.flatMap((c) => [...mediaList(c.image), ...mediaList(c.audio)])
	);
	const media: PackageMedia[] = [];
	const missingMedia: string[] = [];
	const warnings = [...prepared.warnings];
	for (const mediaName of [...named].sort()) {
		const file = byName.get(mediaName);
		const type = mediaType(mediaName);
		if (!file || !type || file.data.length === 0) {
			missingMedia.push(mediaName);
			if (tooLarge.has(mediaName))
				warnings.push({
					file: name,
					path: mediaName,
					message: `a media file over ${formatBytes(MAX_AUDIO_BYTES)} was left out`
				});
			continue;
		}
		media.push({
			name: mediaName,
			type,
			blob: new Blob([file.data as Uint8Array<ArrayBuffer>], { type })
		});
	}
	const unused = files.filter(
		(f) => !DECK.test(f.name) && !TEXT.test(f.name) && !named.has(f.name)
	).length;
	if (unused > 0)
		warnings.push({
			file: name,
			path: '',
			message: `${unused} file${unused === 1 ? '' : 's'} no card names ${unused === 1 ? 'was' : 'were'} left out`
		});
	return { ...prepared, warnings, media, missingMedia };
}
