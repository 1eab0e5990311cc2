import {
	answerBalance,
	answerCard,
	balancedDays,
	buildQueue,
	buryCard,
	deckValues,
	forgetCard,
	forgetCardState,
	nextDueAt,
	practicePool,
	readRevision,
	readDueCounts,
	recordAnswer,
	rowToState,
	sameState,
	StaleAnswerError,
	suspendCard,
	undoableLogs,
	UndoRefusedError,
	isQuotaError,
	unburyDue,
	undoAnswer,
	watchRevision,
	type Balance,
	type CardRow,
	type DeckValues,
	type DueQueue,
	type StudyDb
} from '$lib/storage';
import {
	createScheduler,
	formatInterval,
	type DueCounts,
	RATINGS,
	requeueAfterAnswer,
	studyDayEnd,
	studyDayKey,
	studyDayStart,
	waitFor,
	type Grade,
	type Scheduler,
	type Wait
} from '$lib/scheduler';
import { chooseMode, gradeShown, mcqOptions, poolFor, type QuizMode } from '$lib/quiz';
import { hash } from '$lib/deck/hash';
import { loadSettings, queueOptions, type StudySettings } from '$lib/storage/study-settings';
import { appStatus } from './app.svelte';

const DAY = 86_400_000;

const STORAGE_FULL =
	'Storage on this device is full, so this answer was not saved. Your earlier answers are safe. Free some space, then rate the card again.';

/** What was on screen when a rating was given: put back if its answer cannot be saved. */
interface Shown {
	queue: CardRow[];
	choices: RatingChoice[];
	mode: QuizMode;
	options: string[];
	shownAt: number;
}

export interface RatingChoice {
	grade: Grade;
	name: string;
	key: string;
	/** "3d", "10m": when the card would come back (empty in a practice test). */
	interval: string;
}

/** The app's verdict on a graded answer, shown before the next card. */
export interface Feedback {
	correct: boolean;
	note: string;
	/** The rating the app will apply unless the learner overrides it. */
	proposed: Grade;
	response: string;
}

export interface Missed {
	card: CardRow;
	response: string;
}

type Status = 'loading' | 'studying' | 'done' | 'error';

/** What a learner can do to the card on screen besides answering it. */
export type CardAction = 'suspend' | 'bury' | 'forget';

/** An answer that can be taken back, with what it added to this page's counts. */
export interface UndoEntry {
	logId: string;
	answer: boolean;
	graded: boolean;
	right: boolean;
}

/**
 * Where a session keeps the answers it can take back, so that a reload of the same session keeps
 * them (the app uses the tab's sessionStorage: a new tab starts with none). `key` names the study
 * day and the deck scope: a list kept under another key is not returned.
 */
export interface UndoStore {
	read(key: string): UndoEntry[];
	write(key: string, entries: UndoEntry[]): void;
}

export interface SessionOptions {
	clock?: () => Date;
	deckId?: string;
	/** With `deckId`: one of its sub-decks, and those below it (Anki's `A::B`). */
	subdeck?: string;
	/** A practice test of this many cards: scored, logged as practice, no schedule changes. */
	practice?: number;
	/** Random numbers for picking practice cards (seeded in tests). */
	random?: () => number;
	/** Keeps the undo list across a reload of the page (none: it lives as long as the session). */
	undoStore?: UndoStore;
	/**
	 * Resolves once the next card is on screen (the app: after its paint). An answer's write waits
	 * for it, so storage never competes with the frame that shows the next card. None: at once.
	 */
	afterShow?: () => Promise<void>;
}

/**
 * One study session: the queue, the card on screen and how it is asked, and the answers given.
 * Components read its fields and call its methods; it alone talks to storage and the scheduler.
 */
export class ReviewSession {
	status = $state<Status>('loading');
	revealed = $state(false);
	/** A short notice for the learner (a refused stale answer, an undo, a new leech). */
	notice = $state<string | undefined>();
	error = $state<string | undefined>();
	/** Answers given in this session (this page), for its summary. */
	answered = $state(0);
	/**
	 * Scheduling answers given today in this session's scope (one deck or all), read from the review
	 * log: a reload or another tab's answers keep it right. Not kept for practice tests.
	 */
	answeredToday = $state(0);
	/** Graded answers that were right, and all graded answers: for accuracy. */
	right = $state(0);
	graded = $state(0);
	nextDue = $state.raw<Date | undefined>();
	choices = $state.raw<RatingChoice[]>([]);
	mode = $state<QuizMode>('flashcard');
	/** The four options of a multiple-choice card, in this showing's order. */
	options = $state.raw<string[]>([]);
	feedback = $state.raw<Feedback | undefined>();
	/** An answer is being written (the next card may already be on screen). */
	saving = $state(false);
	missed = $state.raw<Missed[]>([]);
	/**
	 * No card is ready, but learning cards wait for their step today: the session stays open and
	 * shows the first one when it is ready (or at once, if the learner chooses to study ahead).
	 */
	wait = $state.raw<Wait | undefined>();
	/** Learning cards that come back later today, when their step is over (not in `remaining`). */
	laterToday = $state(0);
	readonly practice: number | undefined;
	readonly startedAt: number;
	#queue = $state.raw<CardRow[]>([]);
	/** Answers that can be taken back, newest last, with what they added to the counts. */
	#undo = $state.raw<UndoEntry[]>([]);
	current = $derived(this.#queue[0]);
	remaining = $derived(this.#queue.length);

	/**
	 * How far the bar has come, from 0 to 1: in a review, today's answers against those and the cards
	 * left, those waiting for a learning step included (an Again card re-enters and the bar waits for
	 * it); in a practice test, its questions.
	 */
	get progress(): number {
		const review = this.practice === undefined;
		const done = review ? this.answeredToday : this.answered;
		const total = done + this.remaining + (review ? this.laterToday : 0);
		return total > 0 ? done / total : 0;
	}

	get canUndo(): boolean {
		return this.#undo.length > 0 && this.practice === undefined;
	}

	#db: StudyDb;
	#clock: () => Date;
	#random: () => number;
	#deckId: string | undefined;
	#subdeck: string | undefined;
	#undoStore: UndoStore | undefined;
	#afterShow: (() => Promise<void>) | undefined;
	/** The study day and deck scope the undo list belongs to. */
	#undoKey = '';
	#settings: StudySettings | undefined;
	/** Review cards due by day, for load balancing: read with the first queue, moved by answers. */
	#dueCounts: DueCounts | undefined;
	#scheduler: Scheduler | undefined;
	// A cache read once per deck, not state the UI follows.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#values = new Map<string, DeckValues>();
	#shownAt = 0;
	#busy = false;
	/** Settles when the answer being written is saved (or failed). */
	#idle: Promise<void> = Promise.resolve();
	/** The database revision the queue reflects. */
	#revision = -1;
	/** The newest revision another tab wrote while this session was busy (followed afterwards). */
	#seen = -1;
	#sinceRefresh = 0;
	/**
	 * When reading the queue again would change it without any write: a learning card left out
	 * comes within the learn-ahead window, or the study day ends (burials end, limits start over).
	 */
	#rereadAt = Number.POSITIVE_INFINITY;
	/** The last queue read left learning cards out (more were due than one read takes). */
	#truncated = false;
	/** Learning cards still in their step, from the last read of the queue. */
	#waiting: CardRow[] = [];
	/** Learning cards the learner chose to study ahead, by uid, with the due time they had then. */
	// Plain bookkeeping read only when the queue is read, not state the UI follows.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#ahead = new Map<string, number>();
	/** With nothing left to study: wakes the session when a learning card or the next day comes. */
	#wake: ReturnType<typeof setTimeout> | undefined;
	#unwatch: (() => void) | undefined;

	constructor(db: StudyDb, options: SessionOptions = {}) {
		this.#db = db;
		// The wall clock, read only when an answer or a queue needs `now`: not reactive state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		this.#clock = options.clock ?? (() => new Date());
		this.#random = options.random ?? Math.random;
		this.#deckId = options.deckId;
		this.#subdeck = options.deckId ? options.subdeck : undefined;
		this.#undoStore = options.undoStore;
		this.#afterShow = options.afterShow;
		this.practice = options.practice;
		this.startedAt = this.#clock().getTime();
	}

	get settings(): StudySettings | undefined {
		return this.#settings;
	}

	/** Reads settings and today's queue (or picks the practice cards). */
	async load(): Promise<void> {
		try {
			this.#settings = await loadSettings(this.#db);
			this.#scheduler = createScheduler(this.#settings.scheduler);
			if (this.practice !== undefined) await this.#pickPractice(this.practice);
			else {
				await this.#restoreUndo();
				await Promise.all([this.#refresh(), this.#readDueCounts()]);
			}
		} catch (e) {
			this.#fail(e);
		}
	}

	/** Reads the cards due by day once, when load balancing is on (see `#balance`). */
	async #readDueCounts(): Promise<void> {
		const settings = this.#settings;
		this.#dueCounts = settings?.loadBalance
			? await readDueCounts(this.#db, studyDayStart(this.#clock(), settings.dayStartHour).getTime())
			: undefined;
	}

	/**
	 * Load balancing for `grade` on `card` now, from the counts in memory: the rating button's label
	 * and the answer both use it, so the interval shown is the one recorded.
	 */
	#balance(grade: Grade, now: Date, uid: string): Balance | undefined {
		const settings = this.#settings;
		if (!settings?.loadBalance || !this.#scheduler) return undefined;
		return answerBalance(this.#scheduler, grade, now, uid, settings, this.#dueCounts);
	}

	/**
	 * Takes up the undo list this tab kept for today's session in this scope (a reload). An answer
	 * whose log row is gone (undone, or restored away) or that cannot be taken back any more (the card
	 * was answered since, outside this list) is dropped. Taken-up answers added nothing to this page's
	 * counts, so undoing them takes nothing from them.
	 */
	async #restoreUndo(): Promise<void> {
		const now = this.#clock();
		const hour = this.#settings?.dayStartHour;
		const scope = this.#subdeck ? `${this.#deckId}::${this.#subdeck}` : (this.#deckId ?? '*');
		this.#undoKey = `${studyDayKey(now, hour)}|${scope}`;
		const saved = this.#undoStore?.read(this.#undoKey) ?? [];
		if (saved.length === 0) return;
		const ids = saved.map((e) => e.logId);
		const live = await undoableLogs(this.#db, ids, studyDayStart(now, hour).getTime());
		this.#setUndo(
			saved
				.filter((e) => live.has(e.logId))
				.map((e) => ({ logId: e.logId, answer: false, graded: false, right: false }))
		);
	}

	/** Sets the undo list (the newest 20) and keeps it for a reload. */
	#setUndo(entries: UndoEntry[]): void {
		this.#undo = entries.slice(-20);
		if (this.#undoKey) this.#undoStore?.write(this.#undoKey, this.#undo);
	}

	async #pickPractice(count: number): Promise<void> {
		const pool = await practicePool(this.#db, this.#deckId, this.#subdeck);
		for (let i = pool.length - 1; i > 0; i--) {
			const j = Math.floor(this.#random() * (i + 1));
			[pool[i], pool[j]] = [pool[j] as CardRow, pool[i] as CardRow];
		}
		await this.#show(pool.slice(0, count));
	}

	/**
	 * Follows writes made elsewhere (another tab, another window): when the revision moves past our
	 * own, the queue is read again; while an answer is being written, once it is. Returns the
	 * function that stops watching.
	 */
	watch(): () => void {
		this.#unwatch?.();
		this.#unwatch = watchRevision(this.#db, (revision) => {
			const ours = this.#revision;
			if (ours < 0) this.#revision = revision;
			if (ours < 0 || revision <= ours || this.practice !== undefined) return;
			// Busy: this may be our own answer's write, told apart once its revision is known.
			if (this.#busy) this.#seen = Math.max(this.#seen, revision);
			else {
				this.#revision = revision;
				this.#refreshAlone(true);
			}
		});
		return () => this.#unwatch?.();
	}

	/**
	 * Waits until no write of this session is under way (answers, undos and card actions), then marks
	 * one under way, so that writes run one at a time, in the order asked. Returns the function that
	 * ends it.
	 */
	async #acquire(): Promise<() => void> {
		// Checked and taken in one step: two waiters woken together must not both go ahead.
		while (this.#busy) await this.#idle;
		this.#busy = true;
		let settle = () => {};
		this.#idle = new Promise<void>((resolve) => (settle = resolve));
		return () => {
			this.#release();
			settle();
		};
	}

	/** Ends a write; a write from elsewhere seen meanwhile is followed now. */
	#release(): void {
		this.#busy = false;
		if (this.#seen > this.#revision && this.practice === undefined) this.#refreshAlone(true);
	}

	/**
	 * Reads the queue again as a job of its own, taking its turn with answers and undos: a read that
	 * started before an undo and ended after it would put back the queue as it was before the undo.
	 */
	#refreshAlone(keepCurrent: boolean): void {
		void this.#acquire().then(async (finished) => {
			try {
				await this.#refresh(undefined, keepCurrent);
			} catch (e) {
				this.#fail(e);
			} finally {
				finished();
			}
		});
	}

	/**
	 * Reads the queue again. After an answer, the card just answered waits behind the others; after a
	 * change from elsewhere, the card on screen stays if it is still due, so nothing jumps under the
	 * learner's thumb. After an undo, the card taken back (`front`) comes first, once.
	 */
	async #refresh(justAnswered?: string, keepCurrent = false, front?: CardRow): Promise<void> {
		if (!this.#settings) return;
		const now = this.#clock();
		await unburyDue(this.#db, now);
		const options = queueOptions(this.#settings, now, this.#deckId, this.#subdeck);
		this.#sinceRefresh = 0;
		// Read before the queue: a write in between is then followed again, never missed.
		const revision = await readRevision(this.#db);
		const queue = await buildQueue(this.#db, options);
		let cards = this.#withAhead(queue);
		this.#truncated = queue.truncated;
		this.#rereadAt = Math.min(
			options.dayEnd.getTime(),
			queue.learningLater ?? Number.POSITIVE_INFINITY
		);
		const shown = this.current;
		const fresh = keepCurrent && shown ? cards.find((c) => c.uid === shown.uid) : undefined;
		// The card on screen stays only while nothing changed it. Answered elsewhere, a rating here
		// would be for a state the learner never saw: it moves on, as if answered here.
		const stay = fresh && shown && sameState(fresh, shown) ? fresh : undefined;
		const behind = justAnswered ?? (keepCurrent && !stay ? shown?.uid : undefined);
		if (behind && cards.length > 1 && cards[0]?.uid === behind)
			cards = [...cards.slice(1), cards[0]];
		if (stay) cards = [stay, ...cards.filter((c) => c !== stay)];
		if (front) cards = [front, ...cards.filter((c) => c.uid !== front.uid)];
		if (keepCurrent && shown && !stay)
			this.notice =
				'That card was just answered in another tab or window, so it moved on here too.';
		this.#revision = Math.max(this.#revision, revision);
		this.answeredToday = queue.answered;
		if (stay) this.#queue = cards;
		else await this.#show(cards);
		this.#noteWaiting(cards.length === 0, now, options.dayEnd);
		if (cards.length === 0) this.nextDue = await nextDueAt(this.#db, options);
		this.#sleep(cards.length === 0 ? this.#rereadAt - now.getTime() : undefined);
	}

	/**
	 * The queue's cards, and after them the learning cards the learner chose to study ahead (those
	 * not answered since). The others wait for their step.
	 */
	#withAhead(queue: DueQueue): CardRow[] {
		const ahead = queue.waiting.filter((c) => this.#ahead.get(c.uid) === c.due);
		this.#waiting = queue.waiting.filter((c) => this.#ahead.get(c.uid) !== c.due);
		this.laterToday = queue.waitingCount - ahead.length;
		return ahead.length > 0 ? [...queue.cards, ...ahead] : queue.cards;
	}

	/** With no card left to ask (`empty`), whether the session waits for a learning card. */
	#noteWaiting(empty: boolean, now: Date, dayEnd: Date): void {
		this.wait = empty ? waitFor(this.#waiting, now.getTime(), dayEnd.getTime()) : undefined;
	}

	/**
	 * The learner chose to study ahead: every learning card waiting for its step today is asked now,
	 * soonest due first. Each is asked once; answered, it waits for its new step like any other.
	 */
	async studyAhead(): Promise<void> {
		const finished = await this.#acquire();
		try {
			for (const c of this.#waiting) this.#ahead.set(c.uid, c.due);
			await this.#refresh();
		} catch (e) {
			this.#fail(e);
		} finally {
			finished();
		}
	}

	/**
	 * All done for now: the done screen comes back to life by itself when a learning card comes
	 * within the learn-ahead window or the next study day starts, as if the learner had reloaded.
	 */
	#sleep(ms: number | undefined): void {
		clearTimeout(this.#wake);
		this.#wake = undefined;
		// setTimeout cannot wait longer than about 24.8 days; the day's end always comes sooner.
		if (ms === undefined || !Number.isFinite(ms) || ms > 2 ** 31 - 1) return;
		this.#wake = setTimeout(
			() => {
				this.#wake = undefined;
				if (!this.#busy && this.practice === undefined && this.status === 'done')
					this.#refreshAlone(false);
			},
			Math.max(1000, ms)
		);
	}

	/** Puts `cards` on screen from the first, deciding how the first is asked. */
	async #show(cards: CardRow[]): Promise<void> {
		this.#queue = cards;
		this.revealed = false;
		this.choices = [];
		this.feedback = undefined;
		const card = cards[0];
		if (!card) {
			this.status = 'done';
			return;
		}
		const deckMode = this.#settings?.deckModes[card.deckId] ?? 'mixed';
		// The deck's other answers (for choices and grading) are read once per deck, and only when
		// this card can be asked as something other than a flashcard.
		const plain = deckMode === 'flashcard' || card.content.kind === 'basic';
		const values = plain ? undefined : await this.#valuesOf(card.deckId);
		const pool = poolFor(card.content, values);
		this.mode = chooseMode(card.content, card.state, deckMode, pool);
		this.#shownAt = this.#clock().getTime();
		this.options =
			this.mode === 'mcq'
				? mcqOptions(card.content, pool, hash(`${card.uid}|${this.#shownAt}`))
				: [];
		this.status = 'studying';
	}

	async #valuesOf(deckId: string): Promise<DeckValues> {
		let values = this.#values.get(deckId);
		if (!values) {
			values = await deckValues(this.#db, deckId);
			this.#values.set(deckId, values);
		}
		return values;
	}

	/** Shows the answer and the interval each rating would give (flashcards, or after grading). */
	reveal(): void {
		const card = this.current;
		if (!card || this.revealed || !this.#scheduler) return;
		if (this.practice !== undefined) {
			this.choices = this.feedback
				? []
				: [
						{ grade: 1, name: 'Missed it', key: '1', interval: '' },
						{ grade: 3, name: 'Knew it', key: '2', interval: '' }
					];
		} else {
			const now = this.#clock();
			const outcomes = this.#scheduler.preview(rowToState(card), now, card.uid);
			this.choices = RATINGS.map((r) => {
				const balance = this.#balance(r.grade, now, card.uid);
				const days = balance && balancedDays(balance, card);
				return {
					grade: r.grade,
					name: r.name,
					key: r.key,
					interval: formatInterval(days ? days * DAY : outcomes[r.grade].intervalMs)
				};
			});
		}
		this.revealed = true;
	}

	/** Grades what the learner chose or typed, and shows the verdict with the proposed rating. */
	submit(response: string): void {
		const card = this.current;
		if (!card || this.revealed || this.mode === 'flashcard') return;
		const values = this.#values.get(card.deckId);
		const grading = gradeShown({
			card: card.content,
			mode: this.mode,
			response,
			durationMs: this.#clock().getTime() - this.#shownAt,
			state: card.state,
			...(this.#settings ? { slowSeconds: this.#settings.slowSeconds } : {}),
			...(values ? { values } : {}),
			options: this.options
		});
		this.feedback = {
			correct: grading.correct,
			note: grading.note,
			proposed: grading.grade,
			response
		};
		this.reveal();
	}

	/**
	 * Records the answer (state and log in one transaction) and moves to the next card. When another
	 * card is waiting it is painted at once, while the answer is written: the learner never waits for
	 * storage. The answer counts (the counter moves) only once its transaction has committed; if the
	 * write fails, the card comes back as it was.
	 */
	async rate(grade: Grade): Promise<void> {
		// A rating given while the previous answer is still being written waits for it, in order.
		const finished = await this.#acquire();
		const card = this.current;
		const scheduler = this.#scheduler;
		if (!card || !scheduler || !this.revealed) return finished();
		this.saving = true;
		const now = this.#clock();
		const feedback = this.feedback;
		const practice = this.practice !== undefined;
		const shown: Shown = {
			queue: this.#queue,
			choices: this.choices,
			mode: this.mode,
			options: this.options,
			shownAt: this.#shownAt
		};
		const rest = this.#queue.slice(1);
		const early = rest.length > 0;
		if (early) await this.#show(rest);
		// Not acknowledged until it commits: a tab closed meanwhile loses an answer it never counted.
		if (early) await this.#afterShow?.();
		try {
			const result = await recordAnswer(this.#db, {
				uid: card.uid,
				seen: card,
				grade,
				now,
				durationMs: now.getTime() - shown.shownAt,
				mode: shown.mode,
				kind: practice ? 'practice' : 'review',
				...(feedback
					? {
							response: feedback.response,
							correct: feedback.correct,
							overridden: grade !== feedback.proposed
						}
					: {}),
				leechThreshold: this.#settings?.leechThreshold ?? 0,
				next: (current) => answerCard(scheduler, current, grade, now, card.uid),
				...(this.#settings?.loadBalance ? { balance: this.#balance(grade, now, card.uid) } : {})
			});
			// As the index counts them: cards in review that can be studied (a new leech is suspended).
			if (!practice && this.#dueCounts) {
				if (card.state === 2) this.#dueCounts.add(card.due, -1);
				if (result.card.state === 2 && result.card.active) this.#dueCounts.add(result.card.due, 1);
			}
			this.answered++;
			if (!practice) this.answeredToday++;
			const right = feedback ? feedback.correct : grade > 1;
			const graded = !!feedback || practice;
			if (graded) this.graded++;
			if (graded && right) this.right++;
			if (practice && !right)
				this.missed = [...this.missed, { card, response: feedback?.response ?? '' }];
			if (!practice)
				this.#setUndo([...this.#undo, { logId: result.log.id, answer: true, graded, right }]);
			appStatus.storageFull = false;
			this.notice = result.becameLeech
				? `You have forgotten this card ${result.card.lapses} times, so it is now a leech and suspended. Rewrite it or study it apart, then unsuspend it.`
				: undefined;
			if (practice) {
				if (!early) await this.#show(rest);
			} else await this.#advance(result.card, result.revision, now, early);
		} catch (e) {
			if (e instanceof StaleAnswerError) {
				this.notice = e.message;
				await this.#refresh();
			} else if (isQuotaError(e)) this.#putBack(shown, feedback, true);
			// Closed for another tab's upgrade: the card stays, and the banner asks for a reload.
			else if (appStatus.explains(e)) this.#putBack(shown, feedback, false);
			else this.#fail(e);
		} finally {
			this.saving = false;
			finished();
		}
	}

	/**
	 * Nothing was written (one transaction), because storage was full or the database was closed:
	 * the card and its answer return.
	 */
	#putBack(shown: Shown, feedback: Feedback | undefined, full: boolean): void {
		this.#queue = shown.queue;
		this.mode = shown.mode;
		this.options = shown.options;
		this.feedback = feedback;
		this.choices = shown.choices;
		this.revealed = true;
		this.#shownAt = shown.shownAt;
		this.status = 'studying';
		if (!full) return;
		appStatus.storageFull = true;
		this.notice = STORAGE_FULL;
	}

	/**
	 * After an answer: the next card is taken from the queue as it is, and the queue is read again
	 * only when `requeueAfterAnswer` says something can have changed it. A read of the whole queue
	 * costs more than a frame on a slow phone, so it is not done for nothing: it would delay the next
	 * card.
	 */
	async #advance(answered: CardRow, revision: number, now: Date, early: boolean): Promise<void> {
		const plan = requeueAfterAnswer(
			{
				answered,
				early,
				known: this.#revision,
				revision,
				seen: this.#seen,
				rereadAt: this.#rereadAt,
				truncated: this.#truncated,
				sinceRefresh: this.#sinceRefresh + 1
			},
			now
		);
		if (plan.waits) this.#countWaiting(answered, now);
		this.#revision = Math.max(this.#revision, revision);
		this.#sinceRefresh++;
		this.#rereadAt = plan.rereadAt;
		if (!early) await this.#refresh(answered.uid);
		else {
			// The next card is on screen already; the answered one may join the back of the queue.
			if (plan.comesBack) this.#queue = [...this.#queue, answered];
			if (plan.reread) await this.#refresh(answered.uid, true);
		}
	}

	/** An answered learning card waits for its step: the counter says it comes back later today. */
	#countWaiting(answered: CardRow, now: Date): void {
		if (answered.due < studyDayEnd(now, this.#settings?.dayStartHour).getTime()) this.laterToday++;
	}

	/** Applies the proposed rating of a graded answer. */
	async next(): Promise<void> {
		if (this.feedback) await this.rate(this.feedback.proposed);
	}

	/** Suspends, buries until the next study day, or resets the card on screen. */
	async act(action: CardAction): Promise<void> {
		const finished = await this.#acquire();
		const card = this.current;
		const scheduler = this.#scheduler;
		if (!card || !scheduler || !this.#settings) return finished();
		const now = this.#clock();
		try {
			if (action === 'suspend') {
				await suspendCard(this.#db, card.uid, now);
				this.notice = 'Card suspended. It will not be shown until you unsuspend it.';
			} else if (action === 'bury') {
				await buryCard(this.#db, card.uid, studyDayEnd(now, this.#settings.dayStartHour), now);
				this.notice = 'Card buried until tomorrow.';
			} else {
				const { log } = await forgetCard(this.#db, card.uid, now, (s) =>
					forgetCardState(scheduler, s, now)
				);
				this.#setUndo([
					...this.#undo,
					{ logId: log.id, answer: false, graded: false, right: false }
				]);
				this.notice = 'Card reset: it will be shown as a new card.';
			}
			if (this.practice !== undefined) await this.#show(this.#queue.slice(1));
			else await this.#refresh(card.uid);
		} catch (e) {
			this.#fail(e);
		} finally {
			finished();
		}
	}

	/** Takes back the last answer of this session and shows that card again. */
	async undo(): Promise<void> {
		// Undo pressed while the last answer is being saved takes back that answer, once saved.
		if (this.practice !== undefined) return;
		const finished = await this.#acquire();
		const last = this.#undo.at(-1);
		if (!last) return finished();
		try {
			let restored: CardRow;
			try {
				restored = await undoAnswer(this.#db, last.logId);
			} catch (e) {
				if (!(e instanceof UndoRefusedError)) throw e;
				// Taken back or answered again in another tab: nothing to undo here any more.
				this.#setUndo(this.#undo.slice(0, -1));
				await this.#refresh(undefined, true);
				this.notice =
					'That answer was taken back or answered again in another tab or window, so it cannot be undone here.';
				return;
			}
			this.#setUndo(this.#undo.slice(0, -1));
			await this.#readDueCounts();
			if (last.answer) this.answered--;
			if (last.graded) this.graded--;
			if (last.graded && last.right) this.right--;
			// The card taken back comes first, as it was before the answer: put on screen once, with
			// the queue read after the undo (not shown twice, first in its queue place and then again).
			await this.#refresh(undefined, false, restored);
			this.notice = 'Answer undone.';
		} catch (e) {
			this.#fail(e);
		} finally {
			finished();
		}
	}

	/** Stops following other tabs, and any wake-up of the done screen. */
	close(): void {
		this.#unwatch?.();
		this.#sleep(undefined);
	}

	#fail(e: unknown): void {
		// A connection closed for another tab's upgrade: the reload banner is the one message.
		if (appStatus.explains(e)) return;
		this.error = e instanceof Error ? e.message : String(e);
		this.status = 'error';
	}
}
