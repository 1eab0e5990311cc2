import {
	historyOf,
	listDecks,
	suspendCard,
	unsuspendCard,
	type CardRow,
	type DeckRow,
	type ReviewLogRow,
	type StudyDb
} from '$lib/storage';
import { subdeckTree, type SubdeckNode } from '$lib/deck/subdecks';

/** Where a card stands, in the learner's words. */
export type CardStatus =
	'new' | 'learning' | 'review' | 'relearning' | 'suspended' | 'leech' | 'buried' | 'retired';

export function cardStatus(card: CardRow, now: Date): CardStatus {
	if (card.retired) return 'retired';
	if (card.leech) return 'leech';
	if (card.suspended) return 'suspended';
	if (card.buriedUntil > now.getTime()) return 'buried';
	return (['new', 'learning', 'review', 'relearning'] as const)[card.state];
}

export interface DeckProgress {
	deck: DeckRow;
	/** Cards not retired. */
	total: number;
	/** Cards answered at least once. */
	started: number;
	/** Cards in review with an interval of 21 days or more. */
	mature: number;
	/** Its sub-decks (an Anki package's deck tree), in reading order; empty for most decks. */
	subdecks: SubdeckNode[];
}

/** Each installed deck with how far the learner has got, for the library. */
export async function loadLibrary(db: StudyDb): Promise<DeckProgress[]> {
	const decks = await listDecks(db);
	return Promise.all(
		decks.map(async (deck) => {
			let total = 0;
			let started = 0;
			let mature = 0;
			const paths: (string | undefined)[] = [];
			await db.cards
				.where('deckId')
				.equals(deck.id)
				.each((c) => {
					if (c.retired) return;
					total++;
					if (c.state !== 0) started++;
					if (c.state === 2 && c.scheduled_days >= 21) mature++;
					paths.push(c.content.subdeck);
				});
			return { deck, total, started, mature, subdecks: subdeckTree(paths) };
		})
	);
}

/**
 * Every card of a deck, retired ones last, in deck order: read once by the card browser, which
 * searches and filters them in memory (no read per keystroke).
 */
export async function deckCards(db: StudyDb, deckId: string): Promise<CardRow[]> {
	const cards = await db.cards.where('deckId').equals(deckId).toArray();
	return cards.sort((a, b) => a.retired - b.retired || a.order - b.order);
}

/** One card's answers, newest first. */
export async function cardHistory(db: StudyDb, uid: string): Promise<ReviewLogRow[]> {
	return historyOf(db, uid);
}

export async function setSuspended(
	db: StudyDb,
	uid: string,
	suspended: boolean,
	now: Date
): Promise<CardRow> {
	return suspended ? suspendCard(db, uid, now) : unsuspendCard(db, uid, now);
}
