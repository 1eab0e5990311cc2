/**
 * The media of a deck in `decks/` (a bundled deck): the build checks that every picture and sound
 * its cards name sits beside the deck file, and lists them in the compiled deck so the app can
 * install them. Pure: the caller reads the folder (Node at build time) and hands in what it found.
 */
import type { Problem } from './content';
import type { PathKey } from './errors';
import { MAX_AUDIO_BYTES, MAX_IMAGE_BYTES, mediaList, mediaType, type MediaKind } from './media';
import { mediaNameSchema, type BundledMedia, type Deck } from './schema';

/** A media file found beside a deck file: its size and the hex SHA-256 of its bytes. */
export interface FoundMedia {
	size: number;
	digest: string;
}

/** Looks a name up beside the deck file (exactly as written: case counts); undefined if absent. */
export type ReadMedia = (name: string) => FoundMedia | undefined;

const FIELDS: readonly MediaKind[] = ['image', 'audio'];

/** Megabytes rounded up to a tenth: a file just over the limit never reads as the limit. */
const mb = (bytes: number) => `${String(Math.ceil((bytes / 1024 / 1024) * 10) / 10)} MB`;

/** What is wrong with one named file, or undefined when the app can install it. */
function fileProblem(
	name: string,
	kind: MediaKind,
	found: FoundMedia | undefined
): string | undefined {
	const what = kind === 'image' ? 'picture' : 'sound';
	if (!found)
		return `no file "${name}" beside the deck: put the ${what} there, or correct the name (capitals count)`;
	if (!mediaType(name).startsWith(`${kind}/`))
		return kind === 'image'
			? `"${name}" is not a picture the app can show: use a JPEG, PNG, GIF, WebP or AVIF file`
			: `"${name}" is not a sound the app can play: use an MP3, M4A, AAC, Ogg, Opus, WAV, WebM or FLAC file`;
	if (found.size === 0) return `"${name}" is empty`;
	const max = kind === 'image' ? MAX_IMAGE_BYTES : MAX_AUDIO_BYTES;
	if (found.size > max)
		return `"${name}" is ${mb(found.size)}: a ${what} may be at most ${mb(max)}`;
	return undefined;
}

/**
 * The problems of the media a deck file's cards name (`value` as parsed, before the schema): each
 * name that is a plain file name but is missing beside the deck, not a picture (sound) by its
 * extension, empty or over the size a card's media may have. Names the schema refuses are left to
 * the schema's message.
 * @example bundledMediaProblems({ cards: [{ image: 'robin.jpg' }] }, () => undefined)
 * // [{ path: ['cards', 0, 'image'], message: 'no file "robin.jpg" beside the deck: …' }]
 */
export function bundledMediaProblems(value: unknown, readMedia: ReadMedia): Problem[] {
	const cards = (value as { cards?: unknown } | null)?.cards;
	if (!Array.isArray(cards)) return [];
	const problems: Problem[] = [];
	cards.forEach((card: unknown, i) => {
		if (!card || typeof card !== 'object') return;
		for (const kind of FIELDS) {
			const field = (card as Record<string, unknown>)[kind];
			const named: [unknown, PathKey[]][] =
				typeof field === 'string'
					? [[field, ['cards', i, kind]]]
					: Array.isArray(field)
						? field.map((n: unknown, j): [unknown, PathKey[]] => [n, ['cards', i, kind, j]])
						: [];
			for (const [name, path] of named) {
				if (typeof name !== 'string' || !mediaNameSchema.safeParse(name).success) continue;
				const message = fileProblem(name, kind, readMedia(name));
				if (message) problems.push({ path, message });
			}
		}
	});
	return problems;
}

/**
 * Every picture and sound a checked deck's cards name, once each and sorted by name, as the
 * compiled deck lists them: the file is served as `<first 16 hex digits of its SHA-256>.<ext>`.
 * Names not found are left out (the check above has refused the deck already).
 * @example listBundledMedia(deck, read) // [{ name: 'robin.jpg', type: 'image/jpeg', size: 5120, file: '3f…e1.jpg' }]
 */
export function listBundledMedia(deck: Deck, readMedia: ReadMedia): BundledMedia[] {
	const names = new Set(deck.cards.flatMap((c) => [...mediaList(c.image), ...mediaList(c.audio)]));
	const listed: BundledMedia[] = [];
	for (const name of [...names].sort()) {
		const found = readMedia(name);
		const type = mediaType(name);
		if (!found || !type) continue;
		const ext = (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? '').toLowerCase();
		listed.push({ name, type, size: found.size, file: `${found.digest.slice(0, 16)}.${ext}` });
	}
	return listed;
}
