import type { CardKind } from '$lib/deck/schema';
import type { DeckError } from '$lib/deck/errors';
import { cardOfError } from '$lib/deck/check-draft';
import { uniqueCardId, slugFromPrompt } from '$lib/deck/card-id';
import { clozeFrom, quoteOf, type Span } from '$lib/deck/quote';
import { copyCard, emptyCard, type DraftCard, type DraftDeck } from '$lib/deck/draft';
import type { StudyDb } from '$lib/storage/db';
import { DraftConflictError, getDraft, saveDraft, type DraftRow } from '$lib/storage/drafts';
import { DraftChecker } from '$lib/services/deck-check';
import { History } from './studio-history.svelte';

export type SaveState = 'saved' | 'saving' | 'unsaved' | 'conflict' | 'failed';

/**
 * A typing pause this long saves the draft and checks it again (one copy of the draft serves both:
 * copying 2,000 cards is the costly part on the page's thread). A crash loses at most this much.
 */
const SETTLE_MS = 300;

type DeckField = Exclude<keyof DraftDeck, 'cards' | 'version'>;
type CardField = Exclude<keyof DraftCard, 'id'>;

/**
 * The studio's editor of one draft: every change is an undoable step, saved to IndexedDB after a
 * short pause and checked (in a worker) by the deck validator. Saving refuses to overwrite a
 * change another tab made: the editor then shows `conflict` and lets the author choose.
 */
export class StudioEditor {
	draft = $state<DraftDeck>() as DraftDeck;
	errors = $state.raw<DeckError[]>([]);
	checked = $state(false);
	saveState = $state<SaveState>('saved');
	saveProblem = $state<string>();
	/** What another tab saved, when it saved over this tab's revision. */
	conflict = $state.raw<DraftRow>();
	selected = $state(0);
	history = new History();
	readonly id: string;
	/** Replaced whole (never changed in place), so the page sees a new set. */
	published = $state.raw<ReadonlySet<string>>(new Set()); // eslint-disable-line svelte/prefer-svelte-reactivity -- replaced whole
	originalYaml: string | undefined;
	installedVersion = $state<number>();
	#rev: number;
	#createdAt: number;
	#db: StudyDb;
	#clock: () => Date;
	#saveTimer: ReturnType<typeof setTimeout> | undefined;
	#checkTimer: ReturnType<typeof setTimeout> | undefined;
	#saving: Promise<void> | undefined;
	#checker: DraftChecker;

	/** Problems by card index, for the list's badges and the card editor. */
	errorsByCard = $derived.by(() => {
		// Built here and replaced whole on every check: a plain map is what is wanted.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const by = new Map<number, DeckError[]>();
		for (const e of this.errors) {
			const i = cardOfError(e);
			if (i === undefined) continue;
			const list = by.get(i) ?? [];
			list.push(e);
			by.set(i, list);
		}
		return by;
	});
	deckErrors = $derived(this.errors.filter((e) => cardOfError(e) === undefined));

	// The wall clock stamps each save: not reactive state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	constructor(db: StudyDb, row: DraftRow, clock: () => Date = () => new Date()) {
		this.#db = db;
		this.#clock = clock;
		this.id = row.id;
		this.#rev = row.rev;
		this.#createdAt = row.createdAt;
		this.published = new Set(row.published); // eslint-disable-line svelte/prefer-svelte-reactivity -- replaced whole
		this.originalYaml = row.originalYaml;
		this.installedVersion = row.installedVersion;
		this.draft = row.deck;
		this.#checker = new DraftChecker((errors) => {
			this.errors = errors;
			this.checked = true;
		});
		this.#scheduleCheck(0);
	}

	/** Opens a saved draft, or undefined when there is none with this id. */
	static async open(db: StudyDb, id: string): Promise<StudioEditor | undefined> {
		const row = await getDraft(db, id);
		return row ? new StudioEditor(db, row) : undefined;
	}

	/** Whether the deck id may still change: not once the deck has been installed or shared. */
	get deckIdFixed(): boolean {
		return this.installedVersion !== undefined || this.published.size > 0;
	}

	/** Why the draft cannot be studied or shared yet (empty when it can). */
	get blockers(): string[] {
		if (!this.checked) return ['The draft is still being checked.'];
		const out: string[] = [];
		if (this.errors.length > 0)
			out.push(
				`${this.errors.length} problem${this.errors.length === 1 ? '' : 's'} to fix (see Problems).`
			);
		return out;
	}

	// ---- edits -------------------------------------------------------------------------------

	#changed(): void {
		this.saveState = this.saveState === 'conflict' ? 'conflict' : 'unsaved';
		this.#scheduleSave();
	}

	/** Sets a deck field (title, description, source…); a title also names an unpublished deck. */
	setDeckField(key: DeckField, value: string): void {
		const deck = this.draft;
		const before = { value: deck[key], id: deck.id };
		const apply = (v: string, id: string) => {
			deck[key] = v;
			deck.id = id;
			this.#changed();
		};
		const id = key === 'title' && !this.deckIdFixed ? slugFromPrompt(value).slice(0, 80) : deck.id;
		apply(value, id);
		this.history.record({
			key: `deck.${key}`,
			at: this.#clock().getTime(),
			undo: () => apply(before.value, before.id),
			redo: () => apply(value, id)
		});
	}

	/** Sets one field of a card; a prompt also names a card that was never published. */
	setCardField<K extends CardField>(index: number, key: K, value: DraftCard[K]): void {
		const card = this.draft.cards[index];
		if (!card) return;
		const before = { value: card[key], id: card.id };
		const id = key === 'prompt' ? this.#idFor(card, value as string) : card.id;
		const apply = (v: DraftCard[K], cardId: string) => {
			card[key] = v;
			card.id = cardId;
			this.#changed();
		};
		apply(value, id);
		this.history.record({
			// Typing into one field of one card is one step; another field starts another.
			key: `${this.#tag(card)}.${key}`,
			at: this.#clock().getTime(),
			undo: () => apply(before.value, before.id),
			redo: () => apply(value, id)
		});
	}

	#tags = new WeakMap<DraftCard, number>();
	#nextTag = 1;
	#tag(card: DraftCard): number {
		let tag = this.#tags.get(card);
		if (tag === undefined) {
			tag = this.#nextTag++;
			this.#tags.set(card, tag);
		}
		return tag;
	}

	#idFor(card: DraftCard, prompt: string): string {
		if (this.published.has(card.id)) return card.id;
		// A scratch set for one id: not state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const taken = new Set(this.published);
		for (const c of this.draft.cards) if (c !== card) taken.add(c.id);
		return uniqueCardId(prompt, taken);
	}

	#splice(start: number, remove: number, insert: DraftCard[], select: number): void {
		const cards = this.draft.cards;
		const removed = cards.slice(start, start + remove);
		const before = this.selected;
		const apply = () => {
			cards.splice(start, remove, ...insert);
			this.selected = Math.min(select, Math.max(0, cards.length - 1));
			this.#changed();
		};
		apply();
		this.history.record({
			at: this.#clock().getTime(),
			undo: () => {
				cards.splice(start, insert.length, ...removed);
				this.selected = before;
				this.#changed();
			},
			redo: apply
		});
	}

	/** Adds an empty card of a kind after the selected one (or at the end) and selects it. */
	addCard(kind: CardKind = 'basic', fields: Partial<DraftCard> = {}): number {
		const at = this.draft.cards.length === 0 ? 0 : this.selected + 1;
		const card = { ...emptyCard(kind), ...fields };
		card.id = this.#idFor(card, card.prompt);
		this.#splice(at, 0, [card], at);
		return at;
	}

	duplicateCard(index: number): void {
		const card = this.draft.cards[index];
		if (!card) return;
		const copy = copyCard(card);
		copy.id = this.#idFor(copy, copy.prompt);
		this.#splice(index + 1, 0, [copy], index + 1);
	}

	deleteCard(index: number): void {
		if (!this.draft.cards[index]) return;
		this.#splice(index, 1, [], Math.max(0, index - 1));
	}

	/** Moves a card up (-1) or down (+1). */
	moveCard(index: number, by: -1 | 1): void {
		const to = index + by;
		const card = this.draft.cards[index];
		const other = this.draft.cards[to];
		if (!card || !other) return;
		const cards = this.draft.cards;
		const swap = (a: number, b: number, select: number) => {
			const x = cards[a] as DraftCard;
			cards[a] = cards[b] as DraftCard;
			cards[b] = x;
			this.selected = select;
			this.#changed();
		};
		swap(index, to, to);
		this.history.record({
			at: this.#clock().getTime(),
			undo: () => swap(index, to, index),
			redo: () => swap(index, to, to)
		});
	}

	/** Changes a card's kind, keeping its text; a multiple-choice card gets three distractor slots. */
	setKind(index: number, kind: CardKind): void {
		const card = this.draft.cards[index];
		if (!card) return;
		if (kind === 'mcq' && card.distractors.length < 3) {
			this.setCardField(index, 'distractors', [
				...card.distractors,
				...Array<string>(3 - card.distractors.length).fill('')
			]);
		}
		if (kind === 'truefalse' && card.answer !== 'True' && card.answer !== 'False')
			this.setCardField(index, 'answer', 'True');
		this.setCardField(index, 'kind', kind);
	}

	/** "Quote this": the selected words of the source become the card's quote, verbatim. */
	quoteThis(index: number, span: Span): void {
		const quote = quoteOf(this.draft.sourceText, span);
		if (quote) this.setCardField(index, 'quote', quote.replace(/\s+/g, ' '));
	}

	/** "Make a cloze": a new cloze card from the selected phrase and its sentence. */
	makeCloze(span: Span): number | undefined {
		const cloze = clozeFrom(this.draft.sourceText, span);
		if (!cloze) return undefined;
		return this.addCard('cloze', cloze);
	}

	undo(): void {
		this.history.undo();
	}

	redo(): void {
		this.history.redo();
	}

	// ---- saving and checking ------------------------------------------------------------------

	#scheduleCheck(ms: number): void {
		clearTimeout(this.#checkTimer);
		this.#checkTimer = setTimeout(() => {
			void this.#checker.check($state.snapshot(this.draft));
		}, ms);
	}

	#scheduleSave(): void {
		clearTimeout(this.#saveTimer);
		this.#saveTimer = setTimeout(() => {
			const row = this.row();
			void this.#checker.check(row.deck);
			void this.save(row);
		}, SETTLE_MS);
	}

	/** The draft as saved, for publishing and downloads. */
	row(): Omit<DraftRow, 'rev' | 'updatedAt'> {
		const row: Omit<DraftRow, 'rev' | 'updatedAt'> = {
			id: this.id,
			createdAt: this.#createdAt,
			deck: $state.snapshot(this.draft),
			published: [...this.published]
		};
		if (this.originalYaml !== undefined) row.originalYaml = this.originalYaml;
		if (this.installedVersion !== undefined) row.installedVersion = this.installedVersion;
		return row;
	}

	/** Saves now (a pending change, or when leaving); resolves when the draft is on disk. */
	async save(row?: Omit<DraftRow, 'rev' | 'updatedAt'>): Promise<void> {
		clearTimeout(this.#saveTimer);
		if (this.saveState === 'saved' || this.saveState === 'conflict') return this.#saving;
		await this.#saving;
		this.saveState = 'saving';
		const run = (async () => {
			try {
				const saved = await saveDraft(this.#db, row ?? this.row(), this.#rev, this.#clock());
				this.#rev = saved.rev;
				// A change made while the write was under way is saved by its own timer.
				if (this.saveState === 'saving') this.saveState = 'saved';
				this.saveProblem = undefined;
			} catch (e) {
				if (e instanceof DraftConflictError) {
					this.conflict = e.current;
					this.saveState = 'conflict';
				} else {
					this.saveState = 'failed';
					this.saveProblem = e instanceof Error ? e.message : String(e);
				}
			}
		})();
		this.#saving = run;
		await run;
	}

	/**
	 * Settles a conflict with another tab: `mine` saves this tab's draft over theirs, `theirs` takes
	 * what the other tab saved (this tab's unsaved changes are dropped).
	 */
	async resolveConflict(keep: 'mine' | 'theirs'): Promise<void> {
		const theirs = this.conflict;
		if (!theirs) return;
		this.conflict = undefined;
		this.#rev = theirs.rev;
		if (keep === 'theirs') {
			this.draft = theirs.deck;
			this.published = new Set(theirs.published); // eslint-disable-line svelte/prefer-svelte-reactivity -- replaced whole
			this.installedVersion = theirs.installedVersion;
			this.history.clear();
			this.selected = Math.min(this.selected, Math.max(0, theirs.deck.cards.length - 1));
			this.saveState = 'saved';
			this.#scheduleCheck(0);
			return;
		}
		this.saveState = 'unsaved';
		await this.save();
	}

	/** After installing: the cards now have learners, so their ids (and the deck's) are fixed. */
	async markPublished(version: number): Promise<void> {
		this.draft.version = version;
		this.installedVersion = version;
		this.published = new Set(this.draft.cards.map((c) => c.id)); // eslint-disable-line svelte/prefer-svelte-reactivity -- replaced whole
		this.saveState = 'unsaved';
		await this.save();
	}

	close(): void {
		clearTimeout(this.#checkTimer);
		this.#checker.stop();
	}
}
