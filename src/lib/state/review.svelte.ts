import {
	buildQueue,
	nextDueAt,
	recordAnswer,
	rowToState,
	StaleAnswerError,
	stateToRow,
	undoAnswer,
	type CardRow,
	type QuizMode,
	type StudyDb
} from '$lib/storage';
import {
	createScheduler,
	formatInterval,
	RATINGS,
	studyDayEnd,
	studyDayStart,
	type Grade,
	type Scheduler
} from '$lib/scheduler';
import { loadSettings, type StudySettings } from './settings';

export interface RatingChoice {
	grade: Grade;
	name: string;
	key: string;
	/** "3d", "10m": when the card would come back. */
	interval: string;
}

type Status = 'loading' | 'studying' | 'done' | 'error';

/**
 * One review session: the due queue, the card on screen, and the answers given. Components read its
 * fields and call its methods; it alone talks to storage and the scheduler.
 */
export class ReviewSession {
	status = $state<Status>('loading');
	revealed = $state(false);
	/** A short notice for the learner (a refused stale answer, an undo). */
	notice = $state<string | undefined>();
	error = $state<string | undefined>();
	answered = $state(0);
	nextDue = $state.raw<Date | undefined>();
	choices = $state.raw<RatingChoice[]>([]);
	#queue = $state.raw<CardRow[]>([]);
	#undo = $state.raw<string[]>([]);
	current = $derived(this.#queue[0]);
	remaining = $derived(this.#queue.length);
	canUndo = $derived(this.#undo.length > 0);

	#db: StudyDb;
	#clock: () => Date;
	#deckId: string | undefined;
	#settings: StudySettings | undefined;
	#scheduler: Scheduler | undefined;
	#shownAt = 0;
	#busy = false;

	constructor(db: StudyDb, options: { clock?: () => Date; deckId?: string } = {}) {
		this.#db = db;
		// The wall clock, read only when an answer or a queue needs `now`: not reactive state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		this.#clock = options.clock ?? (() => new Date());
		this.#deckId = options.deckId;
	}

	/** Reads settings and today's queue. */
	async load(): Promise<void> {
		try {
			this.#settings = await loadSettings(this.#db);
			this.#scheduler = createScheduler(this.#settings.scheduler);
			await this.#refresh();
		} catch (e) {
			this.#fail(e);
		}
	}

	async #refresh(justAnswered?: string): Promise<void> {
		const settings = this.#settings;
		if (!settings) return;
		const now = this.#clock();
		const options = {
			now,
			dayStart: studyDayStart(now, settings.dayStartHour),
			dayEnd: studyDayEnd(now, settings.dayStartHour),
			newPerDay: settings.newPerDay,
			reviewsPerDay: settings.reviewsPerDay,
			learnAheadMs: settings.learnAheadMinutes * 60_000,
			...(this.#deckId ? { deckId: this.#deckId } : {})
		};
		let cards = (await buildQueue(this.#db, options)).cards;
		// A card just answered that comes straight back waits behind the others.
		if (justAnswered && cards.length > 1 && cards[0]?.uid === justAnswered)
			cards = [...cards.slice(1), cards[0]];
		this.#queue = cards;
		this.revealed = false;
		this.choices = [];
		if (cards.length === 0) {
			this.nextDue = await nextDueAt(this.#db, options);
			this.status = 'done';
		} else {
			this.status = 'studying';
			this.#shownAt = this.#clock().getTime();
		}
	}

	/** Shows the answer and the interval each rating would give. */
	reveal(): void {
		const card = this.current;
		if (!card || this.revealed || !this.#scheduler) return;
		const now = this.#clock();
		const outcomes = this.#scheduler.preview(rowToState(card), now, card.uid);
		this.choices = RATINGS.map((r) => ({
			grade: r.grade,
			name: r.name,
			key: r.key,
			interval: formatInterval(outcomes[r.grade].intervalMs)
		}));
		this.revealed = true;
	}

	/** Records the answer (state and log in one transaction), then moves to the next card. */
	async rate(grade: Grade, mode: QuizMode = 'flashcard'): Promise<void> {
		const card = this.current;
		const scheduler = this.#scheduler;
		if (!card || !scheduler || !this.revealed || this.#busy) return;
		this.#busy = true;
		const now = this.#clock();
		try {
			const { log } = await recordAnswer(this.#db, {
				uid: card.uid,
				seen: card,
				grade,
				now,
				durationMs: now.getTime() - this.#shownAt,
				mode,
				next: (current) => stateToRow(scheduler.answer(rowToState(current), grade, now, card.uid))
			});
			this.answered++;
			this.#undo = [...this.#undo, log.id].slice(-20);
			this.notice = undefined;
			await this.#refresh(card.uid);
		} catch (e) {
			if (e instanceof StaleAnswerError) {
				this.notice = e.message;
				await this.#refresh();
			} else this.#fail(e);
		} finally {
			this.#busy = false;
		}
	}

	/** Takes back the last answer of this session and shows that card again. */
	async undo(): Promise<void> {
		const logId = this.#undo.at(-1);
		if (!logId || this.#busy) return;
		this.#busy = true;
		try {
			const restored = await undoAnswer(this.#db, logId);
			this.#undo = this.#undo.slice(0, -1);
			this.answered = Math.max(0, this.answered - 1);
			await this.#refresh();
			// Show the card that was taken back first, as it was before the answer.
			this.#queue = [restored, ...this.#queue.filter((c) => c.uid !== restored.uid)];
			this.status = 'studying';
			this.notice = 'Answer undone.';
		} catch (e) {
			this.#fail(e);
		} finally {
			this.#busy = false;
		}
	}

	#fail(e: unknown): void {
		this.error = e instanceof Error ? e.message : String(e);
		this.status = 'error';
	}
}
