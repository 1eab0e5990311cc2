import { decodeEntities } from '../entities';

const IMG = /<img\b(?:"[^"]*"|'[^']*'|[^'"<>])*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>]+))/gi;
const SOUND = /\[sound:([^[\]]+)\]/gi;

/**
 * Whether a media name is a plain file name: no folders, no `..`, no drive or scheme, no control
 * characters. Anything else is refused, so a package can never name a path outside its own media.
 * @example isSafeMediaName('paris.jpg') // true
 * @example isSafeMediaName('../../etc/passwd') // false
 */
export function isSafeMediaName(name: string): boolean {
	return (
		name.length > 0 &&
		name.length <= 200 &&
		// eslint-disable-next-line no-control-regex
		!/[/\\:\u0000-\u001f\u007f]/.test(name) &&
		!name.startsWith('.') &&
		name.trim() === name
	);
}

/** Media named in a side's HTML: pictures by their `src`, sounds by `[sound:…]`, in order. */
export function mediaIn(html: string): { images: string[]; sounds: string[] } {
	const images = [...html.matchAll(IMG)].map((m) => decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''));
	const sounds = [...html.matchAll(SOUND)].map((m) => decodeEntities(m[1] ?? '').trim());
	return { images: images.filter(Boolean), sounds: sounds.filter(Boolean) };
}

/** The content type a media file is stored with, from its extension (the deck format's rule). */
export { mediaType } from '$lib/deck/media';
