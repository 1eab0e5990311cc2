import { hash } from '$lib/deck/hash';
import { LIMITS } from '$lib/deck/schema';

const CARD_ID = /^[a-z0-9]+(?:[-.][a-z0-9]+)*(?:\/[a-z0-9]+(?:[-.][a-z0-9]+)*)*$/;

/** Whether `id` already fits the card-id pattern, so it can be kept as it is. */
export const isCardId = (id: string): boolean => id.length <= LIMITS.id * 2 && CARD_ID.test(id);

/**
 * Lower-case letters and digits joined by single `-`: accents folded (é to e), anything else a
 * separator, cut at a word boundary to `max` characters. Empty when nothing is left.
 * @example slugify('Español: los verbos') // 'espanol-los-verbos'
 */
export function slugify(text: string, max: number = LIMITS.id): string {
	const slug = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (slug.length <= max) return slug;
	const cut = slug.slice(0, max + 1);
	const at = cut.lastIndexOf('-');
	return (at > max / 2 ? cut.slice(0, at) : slug.slice(0, max)).replace(/-+$/, '');
}

/**
 * A 64-bit digest as a short slug: two FNV-1a hashes from different starting points, so 10,000
 * cards collide with a chance of about one in 10^11 rather than one in a hundred.
 */
export function digest(text: string): string {
	const a = hash(text).toString(36).padStart(7, '0');
	const b = hash(`\u0001${text}`).toString(36).padStart(7, '0');
	return a + b;
}

/** An Anki guid kept when it is already a valid id, hashed otherwise (guids are case-sensitive). */
export const idFromGuid = (guid: string): string => (isCardId(guid) ? guid : `n-${digest(guid)}`);

/** An id for a card with no guid: the same question always gets the same id. */
export const idFromText = (front: string): string => `q-${digest(front)}`;

/**
 * An Anki tag as a deck tag: `Geo::Europe` becomes `geo.europe`; empty when nothing is left.
 */
export function tagSlug(tag: string): string {
	return tag
		.split('::')
		.map((part) => slugify(part, LIMITS.id))
		.filter(Boolean)
		.join('.')
		.slice(0, LIMITS.id)
		.replace(/[-.]+$/, '');
}
