import { liveQuery, type Subscription } from 'dexie';
import {
	buildQueue,
	buryCard,
	forgetCard,
	nextDueAt,
	readRevision,
	recordAnswer,
	rowToState,
	StaleAnswerError,
	stateToRow,
	suspendCard,
	unburyDue,
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
	type Grade,
	type Scheduler
} from '$lib/scheduler';
import { loadSettings, queueOptions, type StudySettings } from './settings';

export interface RatingChoice {
	grade: Grade;
	name: string;
	key: string;
	/** "3d", "10m": when the card would come back. */
	interval: string;
}

type Status = 'loading' | 'studying' | 'done' | 'error';

/** What a learner can do to the card on screen besides answering it. */
export type CardAction = 'suspend' | 'bury' | 'forget';

/**
 * One review session: the due queue, the card on screen, and the answers given. Components read its
 * fields and call its methods; it alone talks to storage and the scheduler.
 */
export class ReviewSession {
	status = $state<Status>('loading');
	revealed = $state(false);
	/** A short notice for the learner (a refused stale answer, an undo, a new leech). */
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
	#revision = -1;
	#watch: Subscription | undefined;

	constructor(db: StudyDb, options: { clock?: () => Date; deckId?: string } = {}) {
		this.#db = db;
		// The wall clock, read only when an answer or a queue needs `now`: not reactive state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		this.#clock = options.clock ?? (() => new Date());
		this.#deckId = options.deckId;
	}

	get settings(): StudySettings | undefined {
		return this.#settings;
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

	/**
	 * Follows writes made elsewhere (another tab, another window): when the revision moves past our
	 * own, the queue is read again. Returns the function that stops watching.
	 */
	watch(): () => void {
		this.#watch?.unsubscribe();
		this.#watch = liveQuery(() => readRevision(this.#db)).subscribe({
			next: (revision) => {
				if (this.#revision >= 0 && revision > this.#revision && !this.#busy)
					void this.#refresh(undefined, true);
				this.#revision = Math.max(this.#revision, revision);
			},
			error: () => undefined
		});
		return () => this.#watch?.unsubscribe();
	}

	/**
	 * Reads the queue again. After an answer, the card just answered waits behind the others; after a
	 * change from elsewhere, the card on screen stays if it is still due, so nothing jumps under the
	 * learner's thumb.
	 */
	async #refresh(justAnswered?: string, keepCurrent = false): Promise<void> {
		if (!this.#settings) return;
		const now = this.#clock();
		await unburyDue(this.#db, now);
		const options = queueOptions(this.#settings, now, this.#deckId);
		let cards = (await buildQueue(this.#db, options)).cards;
		if (justAnswered && cards.length > 1 && cards[0]?.uid === justAnswered)
			cards = [...cards.slice(1), cards[0]];
		const shown = this.current;
		const stay = keepCurrent && shown && cards.find((c) => c.uid === shown.uid);
		if (stay) cards = [stay, ...cards.filter((c) => c !== stay)];
		this.#revision = await readRevision(this.#db);
		this.#queue = cards;
		if (keepCurrent && shown && !stay)
			this.notice =
				'That card was just answered in another tab or window, so it moved on here too.';
		if (!stay) {
			this.revealed = false;
			this.choices = [];
			this.#shownAt = this.#clock().getTime();
		}
		if (cards.length === 0) {
			this.nextDue = await nextDueAt(this.#db, options);
			this.status = 'done';
		} else this.status = 'studying';
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
	async rate(
		grade: Grade,
		details: { mode?: QuizMode; response?: string; correct?: boolean; overridden?: boolean } = {}
	): Promise<void> {
		const card = this.current;
		const scheduler = this.#scheduler;
		if (!card || !scheduler || !this.revealed || this.#busy) return;
		this.#busy = true;
		const now = this.#clock();
		try {
			const result = await recordAnswer(this.#db, {
				uid: card.uid,
				seen: card,
				grade,
				now,
				durationMs: now.getTime() - this.#shownAt,
				mode: details.mode ?? 'flashcard',
				...(details.response === undefined ? {} : { response: details.response }),
				...(details.correct === undefined ? {} : { correct: details.correct }),
				...(details.overridden === undefined ? {} : { overridden: details.overridden }),
				leechThreshold: this.#settings?.leechThreshold ?? 0,
				next: (current) => stateToRow(scheduler.answer(rowToState(current), grade, now, card.uid))
			});
			this.answered++;
			this.#undo = [...this.#undo, result.log.id].slice(-20);
			this.notice = result.becameLeech
				? `You have forgotten this card ${result.card.lapses} times, so it is now a leech and suspended. Rewrite it or study it apart, then unsuspend it.`
				: undefined;
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

	/** Suspends, buries until the next study day, or resets the card on screen. */
	async act(action: CardAction): Promise<void> {
		const card = this.current;
		const scheduler = this.#scheduler;
		if (!card || !scheduler || this.#busy || !this.#settings) return;
		this.#busy = true;
		const now = this.#clock();
		try {
			if (action === 'suspend') {
				await suspendCard(this.#db, card.uid);
				this.notice = 'Card suspended. It will not be shown until you unsuspend it.';
			} else if (action === 'bury') {
				await buryCard(this.#db, card.uid, studyDayEnd(now, this.#settings.dayStartHour));
				this.notice = 'Card buried until tomorrow.';
			} else {
				const { log } = await forgetCard(this.#db, card.uid, now, (s) =>
					stateToRow(scheduler.forget(rowToState(s), now))
				);
				this.#undo = [...this.#undo, log.id].slice(-20);
				this.notice = 'Card reset: it will be shown as a new card.';
			}
			await this.#refresh(card.uid);
		} catch (e) {
			this.#fail(e);
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
			this.revealed = false;
			this.choices = [];
			this.status = 'studying';
			this.notice = 'Answer undone.';
		} catch (e) {
			this.#fail(e);
		} finally {
			this.#busy = false;
		}
	}

	/** Stops following other tabs. */
	close(): void {
		this.#watch?.unsubscribe();
	}

	#fail(e: unknown): void {
		this.error = e instanceof Error ? e.message : String(e);
		this.status = 'error';
	}
}
