import { getDeckMedia } from '$lib/storage/media';
import { appDb } from './database';

/**
 * An object URL for a deck's stored media file (the caller revokes it), or undefined when the
 * file is not stored. Object URLs are the only way media reach the page: allowed by the CSP as
 * `blob:`, so a card can never load anything from elsewhere.
 */
export async function mediaObjectUrl(deckId: string, name: string): Promise<string | undefined> {
	const row = await getDeckMedia(appDb(), deckId, name);
	return row ? URL.createObjectURL(row.blob) : undefined;
}
