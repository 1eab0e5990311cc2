// The heavy half of "Publish to class": PouchDB's HTTP client. Imported dynamically by `class.ts`.
import PouchDB from 'pouchdb-browser';
import type { Deck } from '$lib/deck/schema';
import { publishableMedia } from '$lib/storage/media';
import { appDb } from '../database';
import type { Pouch } from './pouch';
import { publishNewVersion, type PublishOutcome } from './publish';

/**
 * Publishes to the class database at `url` with this browser's session cookie, with the media
 * files this device stores for the deck (an imported deck's pictures and sounds) and, from the
 * studio, the draft's own (`mediaKey`), which win over the installed deck's of the same name.
 */
export async function publishOnServer(
	url: string,
	name: string,
	deck: Deck,
	by: string,
	now: Date,
	mediaKey?: string
): Promise<PublishOutcome> {
	const db = new PouchDB(url, { skip_setup: true }) as Pouch;
	try {
		const media = await publishableMedia(appDb(), deck.id, mediaKey);
		return await publishNewVersion(db, name, deck, by, now, media);
	} finally {
		await db.close().catch(() => undefined);
	}
}
