import { Dexie } from 'dexie';
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
}

/** Each installed deck with how far the learner has got, for the library. */
export async function loadLibrary(db: StudyDb): Promise<DeckProgress[]> {
	const decks = await listDecks(db);
	return Promise.all(
		decks.map(async (deck) => {
			let total = 0;
			let started = 0;
			let mature = 0;
			await db.cards
				.where('deckId')
				.equals(deck.id)
				.each((c) => {
					if (c.retired) return;
					total++;
					if (c.state !== 0) started++;
					if (c.state === 2 && c.scheduled_days >= 21) mature++;
				});
			return { deck, total, started, mature };
		})
	);
}

/** A deck's cards (retired ones last), filtered by text in the prompt or answer. */
export async function browseCards(db: StudyDb, deckId: string, search = ''): Promise<CardRow[]> {
	const words = search.toLowerCase().split(/\s+/).filter(Boolean);
	const cards = await db.cards
		.where('[deckId+active+state+order]')
		.between(
			[deckId, Dexie.minKey, Dexie.minKey, Dexie.minKey],
			[deckId, Dexie.maxKey, Dexie.maxKey, Dexie.maxKey]
		)
		.filter((c) => {
			const text = `${c.content.prompt} ${c.content.answer}`.toLowerCase();
			return words.every((w) => text.includes(w));
		})
		.toArray();
	return cards.sort((a, b) => a.retired - b.retired || a.order - b.order);
}

export async function cardHistory(db: StudyDb, uid: string): Promise<ReviewLogRow[]> {
	return historyOf(db, uid);
}

export async function setSuspended(db: StudyDb, uid: string, suspended: boolean): Promise<CardRow> {
	return suspended ? suspendCard(db, uid) : unsuspendCard(db, uid);
}
