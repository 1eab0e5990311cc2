import type { DeckError } from '$lib/deck/errors';
import type { DraftCard, DraftDeck } from '$lib/deck/draft';
import { DraftConflictError, type DraftRow } from '$lib/storage/drafts';
import { diffCards, type CardsPatch } from './draft-patch';

/** A draft row without its deck, revision and time: what the worker needs to save the deck it holds. */
export type DraftMeta = Omit<DraftRow, 'rev' | 'updatedAt' | 'deck'>;

/** Saves a whole row in place (where workers are missing): `saveDraft` on the page's database. */
export type SaveInPlace = (
	row: Omit<DraftRow, 'rev' | 'updatedAt'>,
	expected: number,
	now: Date
) => Promise<DraftRow>;

/**
 * One job for the worker. The deck comes without its cards and its source text: `cards` is what
 * changed since the last job (see `diffCards`); the source text (up to megabytes) is sent only
 * when it changed. With `save`, the worker writes the draft to IndexedDB before checking it.
 */
export interface CheckJob {
	seq: number;
	deck: Omit<DraftDeck, 'cards' | 'sourceText'>;
	cards: CardsPatch;
	sourceText?: string;
	save?: { meta: DraftMeta; expected: number; now: number };
}

export type CheckReply =
	| { kind: 'checked'; seq: number; errors: DeckError[] }
	| { kind: 'saved'; seq: number; rev: number; updatedAt: number }
	| { kind: 'conflict'; seq: number; current: DraftRow }
	| { kind: 'failed'; seq: number; message: string };

/** A check's problems, and the cards it checked (the list as sent: its objects are the draft's). */
export type CheckResult = (errors: DeckError[], cards: readonly DraftCard[]) => void;

/**
 * Checks and saves studio drafts in a worker, so that neither the validator over thousands of cards
 * nor copying the whole draft into IndexedDB runs on the page's thread: after the first job only
 * the cards that changed are sent. The latest check's answer wins. Where workers are missing it
 * checks and saves in place.
 */
export class DraftWorker {
	#worker: Worker | undefined;
	#starting: Promise<void> | undefined;
	#seq = 0;
	#sentSource: string | undefined;
	/** The cards the worker holds: the list sent last (its objects are never changed in place). */
	#sentCards: readonly DraftCard[] | undefined;
	#onResult: CheckResult;
	#saveInPlace: SaveInPlace;
	#saves = new Map<
		number,
		{
			row: Omit<DraftRow, 'rev' | 'updatedAt'>;
			resolve: (row: DraftRow) => void;
			reject: (e: unknown) => void;
		}
	>();

	constructor(onResult: CheckResult, saveInPlace: SaveInPlace) {
		this.#onResult = onResult;
		this.#saveInPlace = saveInPlace;
	}

	/** Starts the worker once; every job waits for the same start (none falls back meanwhile). */
	async #start(): Promise<Worker | undefined> {
		this.#starting ??= this.#load();
		await this.#starting;
		return this.#worker;
	}

	async #load(): Promise<void> {
		if (typeof Worker === 'undefined') return;
		try {
			const { default: CheckWorker } = await import('./deck-check-worker?worker');
			const w = new CheckWorker();
			w.onmessage = (event: MessageEvent<CheckReply>) => this.#reply(event.data);
			w.onerror = (event) => {
				event.preventDefault();
				this.#lost();
			};
			this.#worker = w;
		} catch {
			this.#worker = undefined;
		}
	}

	#reply(reply: CheckReply): void {
		if (reply.kind === 'checked') {
			if (reply.seq === this.#seq && this.#sentCards) this.#onResult(reply.errors, this.#sentCards);
			return;
		}
		const waiting = this.#saves.get(reply.seq);
		this.#saves.delete(reply.seq);
		if (!waiting) return;
		if (reply.kind === 'saved') {
			waiting.resolve({ ...waiting.row, rev: reply.rev, updatedAt: reply.updatedAt });
		} else if (reply.kind === 'conflict') waiting.reject(new DraftConflictError(reply.current));
		else waiting.reject(new Error(reply.message));
	}

	/** The worker failed: saves under way are retried in place, later jobs run in place. */
	#lost(): void {
		this.#worker?.terminate();
		this.#worker = undefined;
		this.#sentCards = undefined;
		for (const waiting of this.#saves.values())
			waiting.reject(
				new Error('The draft could not be saved; it is saved again on the next change.')
			);
		this.#saves.clear();
	}

	/** Sends the draft (only what changed since the last job) and returns the job's number. */
	#send(w: Worker, draft: DraftDeck, save?: CheckJob['save']): number {
		const seq = ++this.#seq;
		const { sourceText, cards, ...rest } = draft;
		const job: CheckJob = { seq, deck: rest, cards: diffCards(this.#sentCards, cards) };
		this.#sentCards = cards;
		if (sourceText !== this.#sentSource) {
			job.sourceText = sourceText;
			this.#sentSource = sourceText;
		}
		if (save) job.save = save;
		w.postMessage(job);
		return seq;
	}

	async #checkInPlace(draft: DraftDeck, seq: number): Promise<void> {
		const { checkDraft } = await import('$lib/deck/check-draft');
		const errors = checkDraft(draft);
		if (seq === this.#seq) this.#onResult(errors, draft.cards);
	}

	/**
	 * Checks this draft (plain data whose cards are replaced, never changed in place, by an edit);
	 * an answer to an older draft is dropped.
	 */
	async check(draft: DraftDeck): Promise<void> {
		const w = await this.#start();
		if (w) this.#send(w, draft);
		else await this.#checkInPlace(draft, ++this.#seq);
	}

	/**
	 * Saves this draft as `saveDraft` does (revision `expected + 1`, or a `DraftConflictError` when
	 * another tab saved since), then checks it. Resolves with the row as saved.
	 */
	async save(draft: DraftDeck, meta: DraftMeta, expected: number, now: Date): Promise<DraftRow> {
		const w = await this.#start();
		if (!w) {
			const saved = await this.#saveInPlace({ ...meta, deck: draft }, expected, now);
			void this.#checkInPlace(draft, ++this.#seq);
			return saved;
		}
		return new Promise<DraftRow>((resolve, reject) => {
			const seq = this.#send(w, draft, { meta, expected, now: now.getTime() });
			this.#saves.set(seq, { row: { ...meta, deck: draft }, resolve, reject });
		});
	}

	stop(): void {
		this.#lost();
	}
}
