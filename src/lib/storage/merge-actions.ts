import type { StudyDb } from './db';
import { applyAction } from './card-actions';
import { bumpRevision } from './revision';
import { actionStamp, type CardActionRow, type CardRow } from './rows';

/** Actions per transaction: each batch adds its actions and sets its cards' flags together. */
const BATCH = 5000;

/**
 * Merges a backup's card actions (suspend, unsuspend, bury) into this device: the union by id,
 * and each card they touch gets, per flag, the newest action's value (`applyAction`), so a backup
 * merged into a device that acted later keeps the later action, and the other way round. Returns
 * how many actions were new here. Cards missing here are skipped (their actions are still kept).
 */
export async function mergeActions(
	db: StudyDb,
	actions: readonly CardActionRow[]
): Promise<number> {
	let added = 0;
	const sorted = [...actions].sort((a, b) => (actionStamp(a) < actionStamp(b) ? -1 : 1));
	for (let i = 0; i < sorted.length; i += BATCH) {
		const batch = sorted.slice(i, i + BATCH);
		added += await db.transaction('rw', db.cards, db.cardActions, db.settings, async () => {
			const known = await db.cardActions.bulkGet(batch.map((a) => a.id));
			const fresh = batch.filter((_, j) => !known[j]);
			if (fresh.length === 0) return 0;
			await db.cardActions.bulkAdd(fresh);
			const uids = [...new Set(fresh.map((a) => a.uid))];
			const cards = new Map(
				(await db.cards.bulkGet(uids)).filter((c): c is CardRow => !!c).map((c) => [c.uid, c])
			);
			const changed = new Set<string>();
			for (const action of fresh) {
				const card = cards.get(action.uid);
				if (!card) continue;
				const next = applyAction(card, action);
				if (next !== card) {
					cards.set(card.uid, next);
					changed.add(card.uid);
				}
			}
			if (changed.size > 0) {
				await db.cards.bulkPut([...changed].map((uid) => cards.get(uid) as CardRow));
				await bumpRevision(db);
			}
			return fresh.length;
		});
	}
	return added;
}
