import type { StudyDb } from './db';
import { bumpRevision } from './revision';
import { activeFlag, type CardActionKind, type CardRow } from './rows';
import { MissingCardError } from './answers';
import { newAction, recordAction } from './card-actions';
import { inSubdeck } from '$lib/deck/subdecks';

/** Sets a card's flags through a card action (the event sync sends), in one transaction. */
async function act(db: StudyDb, uid: string, kind: CardActionKind, now: Date, until?: number) {
	return db.transaction('rw', db.cards, db.cardActions, db.settings, async () => {
		const card = await db.cards.get(uid);
		if (!card) throw new MissingCardError(uid);
		// An action sorts after the card's last one, even when this clock runs behind another's.
		const last = Math.max(
			...Object.values(card.stamps ?? {}).map((s) => Number(s.slice(0, 16)) + 1),
			0
		);
		const at = Math.max(now.getTime(), last);
		const updated = await recordAction(
			db,
			card,
			newAction(card, kind, at, until === undefined ? {} : { until })
		);
		await db.cards.put(updated);
		await bumpRevision(db);
		return updated;
	});
}

/** Takes a card out of every queue until it is unsuspended. Its schedule is kept. */
export const suspendCard = (db: StudyDb, uid: string, now = new Date()) =>
	act(db, uid, 'suspend', now);

/** Puts a suspended card (or a leech) back into the queues. */
export const unsuspendCard = (db: StudyDb, uid: string, now = new Date()) =>
	act(db, uid, 'unsuspend', now);

/** Hides a card until `until` (the start of the next study day). */
export const buryCard = (db: StudyDb, uid: string, until: Date, now = new Date()) =>
	act(db, uid, 'bury', now, until.getTime());

/** Brings back every card whose burial ended by `now`. Reads the `buriedUntil` index only. */
export async function unburyDue(db: StudyDb, now: Date): Promise<number> {
	const due = db.cards.where('buriedUntil').between(1, now.getTime(), true, true);
	if ((await due.clone().limit(1).count()) === 0) return 0;
	return db.transaction('rw', db.cards, db.settings, async () => {
		const n = await due.modify((card: CardRow) => {
			card.buriedUntil = 0;
			card.active = activeFlag(card);
		});
		if (n > 0) await bumpRevision(db);
		return n;
	});
}

/**
 * The cards a practice test draws from: every installed card of the deck (or of all decks), or of
 * one of its sub-decks and those below it.
 */
export async function practicePool(
	db: StudyDb,
	deckId?: string,
	subdeck?: string
): Promise<CardRow[]> {
	const rows = await (deckId
		? db.cards.where('deckId').equals(deckId).toArray()
		: db.cards.toArray());
	return rows.filter((r) => !r.retired && (!deckId || inSubdeck(r.content.subdeck, subdeck)));
}
