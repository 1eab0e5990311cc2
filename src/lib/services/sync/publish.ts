import type { Deck } from '$lib/deck/schema';
import { DOC_VERSION, checkDoc, deckDocId, type DeckDoc } from './documents';
import type { Pouch, PouchDoc } from './pouch';
import { describeError } from './errors';
import { mediaDoc, mediaDocId, mediaNames, type MediaDoc } from './media-docs';

/**
 * Writes a deck version to a class database, where every learner who joined the class receives it
 * (progress kept, as any deck update). A version already there is left as it is: versions are
 * immutable. Returns the sentence to show when the server refuses (a learner cannot publish).
 * @example await publishDeckToClass(classDb, deck, 'teacher', new Date())
 */
export async function publishDeckToClass(
	classDb: Pouch,
	deck: Deck,
	by: string,
	now: Date
): Promise<{ ok: true; id: string } | { ok: false; error: string }> {
	const doc = publishedDoc(deck, by, now);
	const checked = checkDoc(doc);
	if (!checked.ok) return { ok: false, error: checked.errors.join('; ') };
	try {
		await classDb.put(doc as unknown as PouchDoc);
		return { ok: true, id: doc._id };
	} catch (error) {
		if ((error as { status?: number }).status === 409) return { ok: true, id: doc._id };
		return { ok: false, error: describeError(error) };
	}
}

export type PublishOutcome =
	| {
			ok: true;
			version: number;
			unchanged: boolean;
			/** Media files written (new or changed); the others were there already. */
			media?: number;
			/** Files the cards show that this device does not have: learners will miss them too. */
			missing?: string[];
	  }
	| { ok: false; error: string };

/** A media file to publish with a deck. */
export interface PublishMedia {
	name: string;
	type: string;
	blob: Blob;
}

/**
 * Writes the deck's media files the class does not have yet (or has with other bytes), before
 * the deck, so learners' cards find them. Returns how many were written.
 */
async function publishMedia(
	classDb: Pouch,
	deck: Deck,
	files: readonly PublishMedia[]
): Promise<number> {
	let written = 0;
	for (const file of files) {
		const existing = (await classDb.get(mediaDocId(deck.id, file.name)).catch(() => undefined)) as
			MediaDoc | undefined;
		const doc = await mediaDoc(deck.id, file, existing?._rev);
		if (existing?.sha256 === doc.sha256 && existing.size === doc.size) continue;
		await classDb.put(doc as unknown as PouchDoc);
		written++;
	}
	return written;
}

/** The deck without its version: two versions with the same content are the same deck. */
const content = (deck: Deck) => JSON.stringify({ ...deck, version: 0 });

/**
 * A publish or read refused by the server, in words an instructor can act on (`name` is the
 * class database).
 */
export function describePublishError(error: unknown, name: string): string {
	const status = (error as { status?: number } | undefined)?.status;
	if (status === 401)
		return 'Not signed in: your session on the sync server has ended. Sign in again in Settings → Sync.';
	if (status === 403)
		return `Forbidden: the server lets only the instructor of “${name}” publish there.`;
	if (status === 404)
		return `There is no class database “${name}” on the sync server: its admin creates it (see the README's server setup).`;
	const text = describeError(error);
	if (text.startsWith('The server cannot be reached'))
		return 'Offline: the sync server cannot be reached. Publish again when you are online.';
	return text;
}

/**
 * Publishes the deck as the class's next version: the draft's version, or one above the newest
 * already in the class, whichever is higher. A deck the same as the newest published one is not
 * written again (`unchanged`); its media files that changed are. Every refusal comes back in words.
 * @example await publishNewVersion(classDb, 'class-bio', deck, 'teacher', new Date())
 */
export async function publishNewVersion(
	classDb: Pouch,
	name: string,
	deck: Deck,
	by: string,
	now: Date,
	/** The deck's media on this device: the files its cards show are published with it. */
	media: readonly PublishMedia[] = []
): Promise<PublishOutcome> {
	const names = mediaNames(deck);
	const files = media.filter((m) => names.includes(m.name));
	const missing = names.filter((n) => !files.some((m) => m.name === n));
	// Said only of a deck whose cards show media.
	const extra: { media?: number; missing?: string[] } = missing.length > 0 ? { missing } : {};
	let newest: Deck | undefined;
	try {
		const prefix = `deck:${deck.id}:`;
		const found = await classDb.allDocs({
			startkey: prefix,
			endkey: `${prefix}\uffff`,
			include_docs: true
		});
		for (const row of found.rows) {
			const checked = checkDoc(row.doc);
			if (checked.ok && checked.doc.type === 'deck' && checked.doc.deck.id === deck.id)
				if (!newest || checked.doc.deck.version > newest.version) newest = checked.doc.deck;
		}
		if (names.length > 0) extra.media = await publishMedia(classDb, deck, files);
	} catch (error) {
		return { ok: false, error: describePublishError(error, name) };
	}
	const version = Math.max(deck.version, (newest?.version ?? 0) + 1);
	const doc = publishedDoc({ ...deck, version }, by, now);
	// Compared as the checks read both (defaults filled in), as the newest one was read.
	const checked = checkDoc(doc);
	if (!checked.ok || checked.doc.type !== 'deck')
		return { ok: false, error: checked.ok ? 'Not a deck.' : checked.errors.join('; ') };
	if (newest && content(newest) === content(checked.doc.deck))
		return { ok: true, version: newest.version, unchanged: true, ...extra };
	try {
		await classDb.put(doc as unknown as PouchDoc);
		return { ok: true, version, unchanged: false, ...extra };
	} catch (error) {
		return { ok: false, error: describePublishError(error, name) };
	}
}

function publishedDoc(deck: Deck, by: string, now: Date): DeckDoc {
	return {
		_id: deckDocId(deck.id, deck.version),
		type: 'deck',
		v: DOC_VERSION,
		deck,
		publishedAt: now.getTime(),
		by
	};
}
