import { zipSync, strToU8, type Zippable } from 'fflate';
import { isSafeMediaName } from './apkg/media-names';
import { streamZip, type EntryPlan } from './apkg/unzip';
import { MAX_AUDIO_BYTES } from '$lib/deck/media';

/** One file of a deck folder: the deck file, its source text, or a picture or sound beside them. */
export interface DeckFolderFile {
	name: string;
	data: Uint8Array;
}

/** Text files in a deck zip (the deck and its source) are read up to this size. */
const MAX_TEXT_BYTES = 32 * 1024 * 1024;

/**
 * A deck with media as one `.zip`: the deck file, its source text and every picture and sound side
 * by side at the top, as the deck format names them (a plain file name beside the deck file, like
 * `sourceFile`). Unzipped, it is a folder `npm run decks:check` reads as it is. Media are stored,
 * not compressed again: pictures and sounds are compressed already.
 * @example writeDeckZip({ name: 'birds.yaml', text }, [{ name: 'robin.jpg', data }])
 */
export function writeDeckZip(
	texts: readonly { name: string; text: string }[],
	media: readonly DeckFolderFile[]
): Uint8Array {
	const entries: Zippable = {};
	for (const t of texts) entries[t.name] = [strToU8(t.text), { level: 6 }];
	for (const m of media) if (!(m.name in entries)) entries[m.name] = [m.data, { level: 0 }];
	return zipSync(entries);
}

/** The file name an entry stands for: its last part; undefined for folders and hidden files. */
function entryName(path: string): string | undefined {
	if (path.endsWith('/') || path.startsWith('__MACOSX/')) return undefined;
	const name = path.split(/[/\\]/).at(-1) ?? '';
	return isSafeMediaName(name) ? name : undefined;
}

/**
 * The files of a deck zip (see `writeDeckZip`), by their plain names; a folder inside the zip (a
 * zipped deck folder) is read as if its files were at the top. Each file is capped (a larger one is
 * left out and named to `onTooLarge`; a zip bomb is refused); throws `PackageError` when it is not
 * a readable zip. The bytes may come whole or as a stream of chunks.
 */
export async function readDeckZip(
	bytes: Uint8Array | AsyncIterable<Uint8Array>,
	options: { onTooLarge?: (name: string) => void } = {}
): Promise<DeckFolderFile[]> {
	const files: DeckFolderFile[] = [];
	const names = new Map<string, string>();
	await streamZip(bytes instanceof Uint8Array ? [bytes] : bytes, {
		plan: (path): EntryPlan => {
			const name = entryName(path);
			if (!name || names.has(name)) return 'skip';
			names.set(name, path);
			const text = /\.(ya?ml|json|txt)$/i.test(name);
			return { cap: text ? MAX_TEXT_BYTES : MAX_AUDIO_BYTES, onCapped: 'skip' };
		},
		onEntry: ({ name: path, data }) => {
			const name = entryName(path);
			if (name) files.push({ name, data });
		},
		onTooLarge: (path) => options.onTooLarge?.(entryName(path) ?? path)
	});
	return files;
}
