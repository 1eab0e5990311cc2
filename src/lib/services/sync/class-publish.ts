// The heavy half of "Publish to class": PouchDB's HTTP client. Imported dynamically by `class.ts`.
import PouchDB from 'pouchdb-browser';
import type { Deck } from '$lib/deck/schema';
import type { Pouch } from './pouch';
import { publishNewVersion, type PublishOutcome } from './publish';

/** Publishes to the class database at `url` with this browser's session cookie. */
export async function publishOnServer(
	url: string,
	name: string,
	deck: Deck,
	by: string,
	now: Date
): Promise<PublishOutcome> {
	const db = new PouchDB(url, { skip_setup: true }) as Pouch;
	try {
		return await publishNewVersion(db, name, deck, by, now);
	} finally {
		await db.close().catch(() => undefined);
	}
}
