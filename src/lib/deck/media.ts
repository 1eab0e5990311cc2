/**
 * The media a card names (`image`, `audio`): one file name or a list of them, shown and played in
 * order. Pure rules shared by the validator, the studio, the Anki reader and writer.
 */

/** Pictures (or sounds) one card may name. */
export const MAX_MEDIA_PER_CARD = 10;
/** The largest picture the studio stores for a card. */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
/** The largest sound the studio stores for a card (as large as one file of an Anki package). */
export const MAX_AUDIO_BYTES = 16 * 1024 * 1024;

/** A card's media field as a list: absent is none, one name is a list of one. */
export function mediaList(value: string | readonly string[] | undefined): string[] {
	if (value === undefined) return [];
	return typeof value === 'string' ? [value] : [...value];
}

/**
 * A list of names as the deck format writes it: one name alone, several as a list, none left out.
 * @example mediaField(['a.png']) // 'a.png'
 */
export function mediaField(names: readonly string[]): string | string[] | undefined {
	if (names.length === 0) return undefined;
	return names.length === 1 ? names[0] : [...names];
}

/** Content types by extension: what the app stores and shows. No SVG: it is a document, not a picture. */
const TYPES: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	gif: 'image/gif',
	webp: 'image/webp',
	avif: 'image/avif',
	mp3: 'audio/mpeg',
	m4a: 'audio/mp4',
	aac: 'audio/aac',
	ogg: 'audio/ogg',
	oga: 'audio/ogg',
	opus: 'audio/ogg',
	wav: 'audio/wav',
	webm: 'audio/webm',
	flac: 'audio/flac'
};

/** Every extension of a picture or sound the app stores (lower case): the build precaches these. */
export const MEDIA_EXTENSIONS: readonly string[] = Object.keys(TYPES);

/** The extension a browser's content type is written with, for files named without one. */
const EXTENSIONS: Record<string, string> = {
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/gif': 'gif',
	'image/webp': 'webp',
	'image/avif': 'avif',
	'audio/mpeg': 'mp3',
	'audio/mp3': 'mp3',
	'audio/mp4': 'm4a',
	'audio/x-m4a': 'm4a',
	'audio/aac': 'aac',
	'audio/ogg': 'ogg',
	'audio/wav': 'wav',
	'audio/x-wav': 'wav',
	'audio/wave': 'wav',
	'audio/webm': 'webm',
	'audio/flac': 'flac'
};

/**
 * The content type a media file is stored with, from its extension; '' when it is not media the
 * app shows.
 * @example mediaType('paris.JPG') // 'image/jpeg'
 */
export function mediaType(name: string): string {
	const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
	return TYPES[ext] ?? '';
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;

/** A file the studio was asked to attach, as the browser describes it. */
export interface PickedFile {
	name: string;
	/** The browser's content type, often '' for sounds on phones. */
	type: string;
	size: number;
}

export type MediaKind = 'image' | 'audio';

/**
 * Whether a picked file may go on a card as a picture or a sound: its type (by extension, or by
 * the browser's content type when the name has none the app knows) and its size. The name it is
 * stored under is `mediaFileName`'s.
 * @example checkPickedMedia({ name: 'a.pdf', type: 'application/pdf', size: 10 }, 'image').ok // false
 */
export function checkPickedMedia(
	file: PickedFile,
	kind: MediaKind
): { ok: true; type: string; extension: string } | { ok: false; message: string } {
	const byName = mediaType(file.name);
	const type = byName || (EXTENSIONS[file.type.toLowerCase()] ? file.type.toLowerCase() : '');
	const what = kind === 'image' ? 'picture' : 'sound';
	const formats =
		kind === 'image'
			? 'JPEG, PNG, GIF, WebP or AVIF'
			: 'MP3, M4A, AAC, Ogg, Opus, WAV, WebM or FLAC';
	if (!type.startsWith(`${kind}/`))
		return {
			ok: false,
			message: `“${file.name}” is not a ${what} the app can ${kind === 'image' ? 'show' : 'play'}: choose a ${formats} file.`
		};
	const max = kind === 'image' ? MAX_IMAGE_BYTES : MAX_AUDIO_BYTES;
	if (file.size > max)
		return {
			ok: false,
			message: `“${file.name}” is ${mb(file.size)}: a ${what} may be at most ${mb(max)}. Choose a smaller file.`
		};
	if (file.size === 0) return { ok: false, message: `“${file.name}” is empty.` };
	const extension = byName
		? (/\.([a-z0-9]+)$/i.exec(file.name)?.[1] ?? '')
		: (EXTENSIONS[type] ?? '');
	return { ok: true, type: TYPES[extension.toLowerCase()] ?? type, extension };
}

/**
 * The name a picked file is stored under: a plain file name the deck format accepts (no folder, no
 * leading dot, no `:` or control characters), with the file's extension, and not one of `taken`
 * (a phone names every photo `image.jpg`): `image-2.jpg`, `image-3.jpg`…
 * @example mediaFileName('../My photo.jpeg', 'jpeg', new Set(['My photo.jpeg'])) // 'My photo-2.jpeg'
 */
export function mediaFileName(raw: string, extension: string, taken: ReadonlySet<string>): string {
	const base = raw.split(/[/\\]/).at(-1) ?? '';
	const stem =
		base
			.replace(/\.[a-z0-9]+$/i, '')
			// eslint-disable-next-line no-control-regex
			.replace(/[:\u0000-\u001f\u007f]+/g, '-')
			.replace(/^[.\s-]+/, '')
			.trim()
			.slice(0, 150) || 'media';
	return freeName(stem, `.${extension.toLowerCase()}`, taken);
}

/**
 * `stem` + `ext`, or the first of `stem-2` + `ext`, `stem-3` + `ext`… that is not in `taken`.
 * @example freeName('map', '.png', new Set(['map.png'])) // 'map-2.png'
 */
export function freeName(stem: string, ext: string, taken: ReadonlySet<string>): string {
	let name = `${stem}${ext}`;
	for (let n = 2; taken.has(name); n++) name = `${stem}-${n}${ext}`;
	return name;
}
