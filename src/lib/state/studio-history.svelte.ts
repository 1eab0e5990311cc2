/** One change the editor can take back and do again. */
export interface Step {
	undo: () => void;
	redo: () => void;
	/** Typing into one field makes one step while it goes on (see `History.record`). */
	key?: unknown;
	at: number;
}

/** Typing pauses longer than this start a new undo step. */
const MERGE_MS = 1000;
const MAX_STEPS = 500;

/**
 * The editor's undo and redo lists. A run of edits to one field (same `key`, each within a second
 * of the last) is one step, as in a text editor.
 */
export class History {
	#done: Step[] = [];
	#undone: Step[] = [];
	/** How many steps each list holds, for the Undo and Redo buttons. */
	#sizes = $state({ done: 0, undone: 0 });

	get canUndo(): boolean {
		return this.#sizes.done > 0;
	}
	get canRedo(): boolean {
		return this.#sizes.undone > 0;
	}

	#count(): void {
		this.#sizes.done = this.#done.length;
		this.#sizes.undone = this.#undone.length;
	}

	record(step: Step): void {
		this.#undone = [];
		const last = this.#done[this.#done.length - 1];
		if (last && step.key !== undefined && last.key === step.key && step.at - last.at < MERGE_MS) {
			this.#done[this.#done.length - 1] = { ...step, undo: last.undo };
			return this.#count();
		}
		this.#done.push(step);
		if (this.#done.length > MAX_STEPS) this.#done.shift();
		this.#count();
	}

	undo(): boolean {
		const step = this.#done.pop();
		if (!step) return false;
		step.undo();
		this.#undone.push(step);
		this.#count();
		return true;
	}

	redo(): boolean {
		const step = this.#undone.pop();
		if (!step) return false;
		step.redo();
		this.#done.push({ ...step, key: undefined });
		this.#count();
		return true;
	}

	clear(): void {
		this.#done = [];
		this.#undone = [];
		this.#count();
	}
}
