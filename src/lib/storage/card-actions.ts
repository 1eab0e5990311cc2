import type { StudyDb } from './db';
import {
	actionStamp,
	activeFlag,
	type CardActionKind,
	type CardActionRow,
	type CardRow
} from './rows';

/** A new action of this device on `card`, with the fields it sets. */
export function newAction(
	card: CardRow,
	kind: CardActionKind,
	at: number,
	extra: Pick<CardActionRow, 'until' | 'leech'> = {}
): CardActionRow {
	return {
		id: crypto.randomUUID(),
		uid: card.uid,
		deckId: card.deckId,
		cardId: card.cardId,
		kind,
		at,
		...extra
	};
}

/**
 * The card after `action`, when the action is newer than the one that last set the same flag (by
 * `actionStamp`); unchanged otherwise. Per flag, the newest action wins: every device that has the
 * same actions shows the same flags, whatever order they arrived in.
 */
export function applyAction(card: CardRow, action: CardActionRow): CardRow {
	const stamp = actionStamp(action);
	const register = action.kind === 'bury' ? 'burial' : 'suspension';
	const current = card.stamps?.[register];
	if (current !== undefined && current >= stamp) return card;
	const stamps = { ...card.stamps, [register]: stamp };
	const next: CardRow =
		action.kind === 'bury'
			? { ...card, buriedUntil: action.until ?? 0, stamps }
			: {
					...card,
					suspended: action.kind === 'suspend' ? 1 : 0,
					leech: action.leech ?? 0,
					stamps
				};
	next.active = activeFlag(next);
	return next;
}

/** Records a card action of this device and applies it, inside the caller's transaction. */
export async function recordAction(db: StudyDb, card: CardRow, action: CardActionRow) {
	await db.cardActions.add(action);
	return applyAction(card, action);
}

/**
 * Per card, the stamps of the newest suspension and burial among `actions`: what a card restored
 * from a backup needs so that an older action arriving later does not change it.
 */
export function stampsOf(
	actions: readonly CardActionRow[]
): Map<string, NonNullable<CardRow['stamps']>> {
	const out = new Map<string, NonNullable<CardRow['stamps']>>();
	for (const a of actions) {
		const register = a.kind === 'bury' ? 'burial' : 'suspension';
		const stamps = out.get(a.uid) ?? {};
		const stamp = actionStamp(a);
		if ((stamps[register] ?? '') < stamp) stamps[register] = stamp;
		out.set(a.uid, stamps);
	}
	return out;
}
