/**
 * A deck's media file (an image or a sound a card shows) as a replicated document:
 * `media:<deck id>:<file name>`, the file itself as the CouchDB attachment `file`, with its type,
 * size and SHA-256, so a receiver can tell a damaged or swapped file and refuse it. Written only by
 * whoever publishes the deck (an instructor to a class), replaced when the file changes.
 * A publisher writes a deck's media before the deck, so a learner's cards find them on arrival.
 */
import { z } from 'zod';
import { deckIdSchema, mediaNameSchema, type Deck } from '$lib/deck/schema';
import { DOC_VERSION } from './doc-version';

/** Larger files are no card's picture or sound: a hostile document, refused. */
export const MAX_MEDIA_BYTES = 20 * 1024 * 1024;

export interface MediaDoc {
	_id: string;
	_rev?: string;
	type: 'media';
	v: typeof DOC_VERSION;
	deckId: string;
	name: string;
	contentType: string;
	size: number;
	sha256: string;
	_attachments?: Record<string, unknown>;
}

export const mediaDocId = (deckId: string, name: string) => `media:${deckId}:${name}`;

export const mediaDocSchema = z
	.object({
		_id: z.string(),
		_rev: z.string().max(200).optional(),
		type: z.literal('media'),
		v: z.literal(DOC_VERSION, { error: `must be ${DOC_VERSION}: made by a newer app` }),
		deckId: deckIdSchema,
		name: mediaNameSchema,
		contentType: z
			.string()
			.regex(/^(image|audio)\/[\w.+-]{1,100}$/, 'must be an image or audio type'),
		size: z
			.number()
			.int()
			.min(1)
			.max(MAX_MEDIA_BYTES, `must be at most ${MAX_MEDIA_BYTES / 1024 / 1024} MB`),
		sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex')
	})
	.superRefine((doc, ctx) => {
		if (doc._id !== mediaDocId(doc.deckId, doc.name))
			ctx.addIssue({ code: 'custom', path: ['_id'], message: 'must be media:<deck id>:<name>' });
	});

/** The media file names a deck's cards show (`image`, `audio`), each once. */
export function mediaNames(deck: Deck): string[] {
	const names = new Set<string>();
	for (const card of deck.cards) {
		const c = card as { image?: string; audio?: string };
		if (c.image) names.add(c.image);
		if (c.audio) names.add(c.audio);
	}
	return [...names];
}

/** The SHA-256 of some bytes, in hex (Web Crypto: in browsers and in Node alike). */
export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
	return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Base64 of some bytes, in pieces (one call with a large file would overflow the stack). */
export function base64(bytes: Uint8Array): string {
	let text = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(text);
}

/** A media document with its file as a base64 attachment (the form every PouchDB adapter takes). */
export async function mediaDoc(
	deckId: string,
	file: { name: string; type: string; blob: Blob },
	rev?: string
): Promise<MediaDoc> {
	const bytes = await file.blob.arrayBuffer();
	return {
		_id: mediaDocId(deckId, file.name),
		...(rev ? { _rev: rev } : {}),
		type: 'media',
		v: DOC_VERSION,
		deckId,
		name: file.name,
		contentType: file.type,
		size: bytes.byteLength,
		sha256: await sha256Hex(bytes),
		_attachments: { file: { content_type: file.type, data: base64(new Uint8Array(bytes)) } }
	};
}
