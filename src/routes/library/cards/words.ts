/**
 * The card browser in the learner's words: how a card is asked, where it stands, when it is due
 * and how long it is remembered, instead of the deck format's and the scheduler's terms.
 */
import type { CardKind } from '$lib/deck';
import type { QuizMode } from '$lib/quiz';
import type { CardRow } from '$lib/services/cards';

const DAY = 86_400_000;

/** How a card asks, by its kind in the deck. */
export const KIND_WORDS: Record<CardKind, string> = {
	basic: 'Flashcard',
	mcq: 'Multiple choice',
	typed: 'Type the answer',
	truefalse: 'True or false',
	cloze: 'Fill in the blank'
};

/** How an answer was asked, by the quiz mode in its log row. */
export const MODE_WORDS: Record<QuizMode, string> = {
	flashcard: 'Flashcard',
	mcq: 'Multiple choice',
	typed: 'Type the answer',
	truefalse: 'True or false',
	cloze: 'Fill in the blank'
};

/** The states a learner can filter by; `all` shows every card. */
export const FILTERS = ['all', 'new', 'learning', 'review', 'suspended', 'leech'] as const;
export type StateFilter = (typeof FILTERS)[number];

export const FILTER_WORDS: Record<StateFilter, string> = {
	all: 'All',
	new: 'New',
	learning: 'Learning',
	review: 'In review',
	suspended: 'Suspended',
	leech: 'Leeches'
};

type Row = Pick<CardRow, 'state' | 'suspended' | 'retired' | 'leech'>;

/**
 * Whether a card is in a filter. Suspended cards (leeches are suspended too) are only under
 * Suspended and Leeches, so "New" lists the cards that a review can introduce. Cards removed from
 * the deck by an update show only under All.
 */
export function inFilter(card: Row, filter: StateFilter): boolean {
	if (filter === 'all') return true;
	if (card.retired) return false;
	if (filter === 'leech') return card.leech === 1;
	if (filter === 'suspended') return card.suspended === 1;
	if (card.suspended) return false;
	if (filter === 'new') return card.state === 0;
	if (filter === 'learning') return card.state === 1 || card.state === 3;
	return card.state === 2;
}

/** How many of `cards` each filter shows. */
export function filterCounts(cards: readonly Row[]): Record<StateFilter, number> {
	const counts = Object.fromEntries(FILTERS.map((f) => [f, 0])) as Record<StateFilter, number>;
	for (const card of cards) for (const f of FILTERS) if (inFilter(card, f)) counts[f]++;
	return counts;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A span of days, rounded as a person would say it: "2 days", "3 weeks", "5 months", "2 years". */
export function spanWords(days: number): string {
	if (days < 1) return 'less than a day';
	if (days < 14) return plural(Math.round(days), 'day');
	if (days < 60) return plural(Math.round(days / 7), 'week');
	if (days < 365) return plural(Math.round(days / 30.4), 'month');
	return plural(Math.round(days / 365), 'year');
}

/**
 * The scheduler's stability (days until the chance of recall falls to 90%), in words.
 * @example memoryWords(2.3) // 'Remembered for about 2 days'
 */
export function memoryWords(stability: number): string {
	return stability < 1
		? 'Remembered for less than a day'
		: `Remembered for about ${spanWords(stability)}`;
}

/**
 * When a studied card is due, by calendar days from `now`.
 * @example dueWords(new Date(2026, 10, 29, 9), new Date(2026, 10, 26, 9)) // 'Due in 3 days'
 */
export function dueWords(due: Date, now: Date): string {
	const ms = due.getTime() - now.getTime();
	if (ms <= 60_000) return 'Due now';
	if (ms < 3_600_000) return `Due in ${plural(Math.round(ms / 60_000), 'minute')}`;
	const days = Math.round(
		(new Date(due).setHours(0, 0, 0, 0) - new Date(now).setHours(0, 0, 0, 0)) / DAY
	);
	if (days <= 0) return `Due in ${plural(Math.round(ms / 3_600_000), 'hour')}`;
	if (days === 1) return 'Due tomorrow';
	return days < 14 ? `Due in ${days} days` : `Due in about ${spanWords(days)}`;
}

/**
 * Where a card stands, in one phrase: what the learner needs to know to find or fix it.
 * @example stateWords({ state: 0, suspended: 0, retired: 0, leech: 0, ... }, now) // 'New — not studied yet'
 */
export function stateWords(card: Row & Pick<CardRow, 'buriedUntil' | 'lapses'>, now: Date): string {
	if (card.retired) return 'Removed from the deck — its answers are kept';
	if (card.leech) return `Leech — forgotten ${plural(card.lapses, 'time')}, so suspended`;
	if (card.suspended) return 'Suspended — left out of reviews';
	if (card.buriedUntil > now.getTime()) return 'Put off until tomorrow';
	if (card.state === 0) return 'New — not studied yet';
	if (card.state === 1) return 'Learning';
	if (card.state === 3) return 'Relearning — forgotten, being learned again';
	return 'In review';
}

/** The status class for colour: new, learning, review or set aside. */
export function stateTone(card: Row): 'new' | 'learning' | 'review' | 'aside' {
	if (card.retired || card.suspended) return 'aside';
	return card.state === 0 ? 'new' : card.state === 2 ? 'review' : 'learning';
}

/**
 * Cards made from one fact sit together; `shared` is their prompt when all ask the same words, and
 * `answer` their answer when all have the same one.
 */
export interface CardGroup<T> {
	note: string;
	cards: T[];
	shared?: string;
	answer?: string;
}

/** Groups cards by fact, keeping the order in which each fact first appears. */
export function groupByFact<T extends Pick<CardRow, 'note' | 'content'>>(
	cards: readonly T[]
): CardGroup<T>[] {
	const groups = new Map<string, CardGroup<T>>();
	for (const card of cards) {
		const group = groups.get(card.note);
		if (group) group.cards.push(card);
		else groups.set(card.note, { note: card.note, cards: [card] });
	}
	return [...groups.values()].map((g) => {
		const [first] = g.cards;
		if (!first || g.cards.length === 1) return g;
		const same = (pick: (c: T) => string) => g.cards.every((c) => pick(c) === pick(first));
		return {
			...g,
			...(same((c) => c.content.prompt) ? { shared: first.content.prompt } : {}),
			...(same((c) => c.content.answer) ? { answer: first.content.answer } : {})
		};
	});
}
