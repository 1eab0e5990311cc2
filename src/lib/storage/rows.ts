import type { Card, DeckSource } from '$lib/deck';
import type { CardState } from '$lib/scheduler';

import type { QuizMode } from '$lib/quiz';

export type { QuizMode };

/** A card's FSRS state as stored: dates as epoch milliseconds. */
export interface StateRow {
	due: number;
	stability: number;
	difficulty: number;
	scheduled_days: number;
	learning_steps: number;
	reps: number;
	lapses: number;
	state: 0 | 1 | 2 | 3;
	last_review: number | null;
}

export interface DeckRow {
	id: string;
	title: string;
	description?: string;
	version: number;
	source?: DeckSource;
	cardCount: number;
	/** Shipped with the app (true) or imported by the learner. */
	bundled: boolean;
	/** The link the deck was imported from, so it can be shared and updated from there. */
	sourceUrl?: string;
	installedAt: number;
	updatedAt: number;
}

export interface CardRow extends StateRow {
	/** `<deck id>|<card id>`: unique across decks. */
	uid: string;
	deckId: string;
	cardId: string;
	/** Cards made from one fact are siblings: only one of them is introduced a day. */
	note: string;
	content: Card;
	/** Position in the deck: new cards are introduced in this order. */
	order: number;
	/** 1 while the card can be studied; 0 when suspended or retired. Indexed, so it is a number. */
	active: 0 | 1;
	suspended: 0 | 1;
	/** Removed from its deck by an update: hidden, its logs kept. */
	retired: 0 | 1;
	/** Hidden until this moment (bury until tomorrow); 0 when not buried. */
	buriedUntil: number;
	/** Forgotten too often (lapses reached the leech threshold): tagged and suspended. */
	leech: 0 | 1;
	/** When the card's latest log row was written: logs of one card are strictly ordered. */
	lastLogAt: number;
	createdAt: number;
	/**
	 * The card action that set `suspended`/`leech` and the one that set `buriedUntil`, as
	 * `actionStamp`s: a synced action applies only when it is newer, so devices agree in any order.
	 */
	stamps?: { suspension?: string; burial?: string };
}

/** What a card action does: suspend (or a leech), unsuspend, or bury until a time. */
export type CardActionKind = 'suspend' | 'unsuspend' | 'bury';

/**
 * One card action, append-only like the review log: the event sync sends, so other devices set the
 * same flags. Answers, resets and undo travel as log rows (and undone ids) instead.
 */
export interface CardActionRow {
	id: string;
	uid: string;
	deckId: string;
	cardId: string;
	kind: CardActionKind;
	at: number;
	/** For `bury`: hidden until this moment. */
	until?: number;
	/** For `suspend` and `unsuspend`: the leech tag it leaves (1 when an answer made a leech). */
	leech?: 0 | 1;
	/** The device that wrote it, when it arrived by sync; absent when this device wrote it. */
	origin?: string;
}

/** Orders actions the same on every device: time, then id (fixed width, so strings compare). */
export const actionStamp = (a: Pick<CardActionRow, 'at' | 'id'>) =>
	`${String(a.at).padStart(16, '0')}|${a.id}`;

/** Why a card can (1) or cannot (0) be studied now: the indexed `active` flag follows from these. */
export const activeFlag = (c: Pick<CardRow, 'suspended' | 'retired' | 'buriedUntil'>): 0 | 1 =>
	c.suspended || c.retired || c.buriedUntil ? 0 : 1;

/**
 * What a log row records: an answer that schedules (`review`), a practice answer that does not
 * (`practice`, ignored by the scheduler and by replay), or a reset to new (`forget`).
 */
export type LogKind = 'review' | 'practice' | 'forget';

/** One answer: append-only, never changed. The card's state is a cache rebuilt from these. */
export interface ReviewLogRow {
	id: string;
	uid: string;
	deckId: string;
	cardId: string;
	/** The card's sibling group (its fact), so the queue can keep siblings apart. */
	note: string;
	kind: LogKind;
	/** 1 Again, 2 Hard, 3 Good, 4 Easy; 0 for a reset (ts-fsrs `Rating.Manual`). */
	grade: 0 | 1 | 2 | 3 | 4;
	reviewedAt: number;
	durationMs: number;
	mode: QuizMode;
	/** The state before the answer: undo restores it exactly. */
	before: StateRow;
	/** What the learner typed or chose, when the app graded it. */
	response?: string;
	/** Whether the app judged the response right. */
	correct?: boolean;
	/** The learner changed the rating the app proposed. */
	overridden?: boolean;
	/**
	 * The interval (days) load balancing chose within the fuzz range, when it did: replay uses it,
	 * so the card rebuilt from its log is due on the day it was given.
	 */
	scheduledDays?: number;
	/** The device that wrote it, when it arrived by sync; absent when this device wrote it. */
	origin?: string;
}

/** A media file of an imported deck: a picture or a sound a card names. */
export interface MediaRow {
	deckId: string;
	/** The file name cards use (`image`, `audio`). */
	name: string;
	/** Its content type, checked at import (image/… or audio/…). */
	type: string;
	blob: Blob;
	size: number;
}

export interface SettingRow {
	key: string;
	value: unknown;
}

/**
 * Why a snapshot was taken: the first open of a study day, the learner's button, a restore, or a
 * deck being deleted.
 */
export type SnapshotReason = 'daily' | 'manual' | 'before-restore' | 'before-delete';

/** What one automatic snapshot holds; its data is in `snapshotData` under the same id. */
export interface SnapshotRow {
	id?: number;
	createdAt: number;
	/** The study day it was taken on, for example `2026-11-26`. */
	day: string;
	reason: SnapshotReason;
	/** What it was taken for, in words: the title of the deck about to be deleted. */
	label?: string;
	decks: number;
	cards: number;
	logs: number;
	/** Bytes stored (compressed when the browser can), and of the backup text before that. */
	bytes: number;
	rawBytes: number;
	/** Changes when the study data changes: a daily snapshot of unchanged data is not taken again. */
	fingerprint: string;
}

/** A snapshot's data: the backup format (BACKUP.md) as JSON text, gzipped when possible. */
export interface SnapshotDataRow {
	id: number;
	gzip: boolean;
	data: Uint8Array | string;
}

export function stateToRow(s: CardState): StateRow {
	return {
		due: s.due.getTime(),
		stability: s.stability,
		difficulty: s.difficulty,
		scheduled_days: s.scheduled_days,
		learning_steps: s.learning_steps,
		reps: s.reps,
		lapses: s.lapses,
		state: s.state,
		last_review: s.last_review ? s.last_review.getTime() : null
	};
}

export function rowToState(r: StateRow): CardState {
	const s: CardState = {
		due: new Date(r.due),
		stability: r.stability,
		difficulty: r.difficulty,
		scheduled_days: r.scheduled_days,
		learning_steps: r.learning_steps,
		reps: r.reps,
		lapses: r.lapses,
		state: r.state
	};
	if (r.last_review !== null) s.last_review = new Date(r.last_review);
	return s;
}

/** Just the state fields of a card row. */
export function pickState(r: StateRow): StateRow {
	return {
		due: r.due,
		stability: r.stability,
		difficulty: r.difficulty,
		scheduled_days: r.scheduled_days,
		learning_steps: r.learning_steps,
		reps: r.reps,
		lapses: r.lapses,
		state: r.state,
		last_review: r.last_review
	};
}
