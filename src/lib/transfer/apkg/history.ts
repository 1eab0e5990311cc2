import type { AnkiRevlog } from './collection';
import type { MadeCard } from './note-cards';

/** One answer from Anki's review log, as the app's scheduler replays it. */
export interface PastReview {
	/** Epoch milliseconds. */
	at: number;
	rating: 1 | 2 | 3 | 4;
	/** How long the answer took, in milliseconds. */
	ms: number;
}

export interface CardHistory {
	cardId: string;
	reviews: PastReview[];
	suspended: boolean;
	buried: boolean;
}

const MANUAL = 4;
const RESCHEDULED = 5;

/**
 * Each card's answers that schedule: learn, review, relearn and filtered-deck rows, oldest first.
 * Manual and rescheduled rows are not answers and are skipped; a reset to new (a manual row with no
 * interval) drops every answer before it, as Anki's own scheduler forgets them.
 */
export function historyOf(
	cards: readonly MadeCard[],
	revlog: readonly AnkiRevlog[]
): CardHistory[] {
	const byAnki = new Map<number, CardHistory>();
	const out: CardHistory[] = cards.map((c) => {
		const h: CardHistory = {
			cardId: c.card.id,
			reviews: [],
			suspended: c.ankiCard.queue === -1,
			buried: c.ankiCard.queue === -2 || c.ankiCard.queue === -3
		};
		byAnki.set(c.ankiCard.id, h);
		return h;
	});
	for (const row of revlog) {
		const h = byAnki.get(row.cid);
		if (!h) continue;
		if (row.type === MANUAL || row.type === RESCHEDULED || row.ease < 1 || row.ease > 4) {
			if (row.type === MANUAL && row.ivl === 0) h.reviews = [];
			continue;
		}
		const ms = Math.min(Math.max(0, row.time), 60 * 60 * 1000);
		h.reviews.push({ at: row.id, rating: row.ease as PastReview['rating'], ms });
	}
	return out;
}
