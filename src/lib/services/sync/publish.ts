import type { Deck } from '$lib/deck/schema';
import { DOC_VERSION, checkDoc, deckDocId, type DeckDoc } from './documents';
import type { Pouch, PouchDoc } from './pouch';
import { describeError } from './errors';

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
	const doc: DeckDoc = {
		_id: deckDocId(deck.id, deck.version),
		type: 'deck',
		v: DOC_VERSION,
		deck,
		publishedAt: now.getTime(),
		by
	};
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
