import type { DeckError } from '$lib/deck/errors';
import type { DraftDeck } from '$lib/deck/draft';

export interface CheckJob {
	seq: number;
	deck: DraftDeck;
	/** Sent only when it changed since the last job. */
	sourceText?: string;
}

export interface CheckReply {
	seq: number;
	errors: DeckError[];
}

/**
 * Checks studio drafts in a worker; the latest answer wins. Where workers are missing it checks in
 * place (loaded on demand).
 */
export class DraftChecker {
	#worker: Worker | undefined;
	#started = false;
	#seq = 0;
	#sentSource: string | undefined;
	#onResult: (errors: DeckError[]) => void;

	constructor(onResult: (errors: DeckError[]) => void) {
		this.#onResult = onResult;
	}

	async #start(): Promise<Worker | undefined> {
		if (this.#started) return this.#worker;
		this.#started = true;
		if (typeof Worker === 'undefined') return undefined;
		try {
			const { default: CheckWorker } = await import('./deck-check-worker?worker');
			const w = new CheckWorker();
			w.onmessage = (event: MessageEvent<CheckReply>) => {
				if (event.data.seq === this.#seq) this.#onResult(event.data.errors);
			};
			w.onerror = (event) => {
				event.preventDefault();
				this.#worker = undefined;
			};
			this.#worker = w;
		} catch {
			this.#worker = undefined;
		}
		return this.#worker;
	}

	/** Checks this draft (a plain copy, not a proxy); an answer to an older draft is dropped. */
	async check(draft: DraftDeck): Promise<void> {
		const seq = ++this.#seq;
		const w = await this.#start();
		if (!w) {
			const { checkDraft } = await import('$lib/deck/check-draft');
			const errors = checkDraft(draft);
			if (seq === this.#seq) this.#onResult(errors);
			return;
		}
		const { sourceText, ...rest } = draft;
		const job: CheckJob = { seq, deck: { ...rest, sourceText: '' } };
		if (sourceText !== this.#sentSource) {
			job.sourceText = sourceText;
			this.#sentSource = sourceText;
		}
		w.postMessage(job);
	}

	stop(): void {
		this.#worker?.terminate();
		this.#worker = undefined;
	}
}
