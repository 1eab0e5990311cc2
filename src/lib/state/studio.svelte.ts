import type { CardKind } from '$lib/deck/schema';
import type { DeckError } from '$lib/deck/errors';
import { cardOfError, checkDraftCard } from '$lib/deck/check-draft';
import { uniqueCardId, slugFromPrompt } from '$lib/deck/card-id';
import { clozeFrom, quoteOf, type Span } from '$lib/deck/quote';
import { copyCard, emptyCard, type DraftCard, type DraftDeck } from '$lib/deck/draft';
import type { StudyDb } from '$lib/storage/db';
import { DraftConflictError, getDraft, saveDraft, type DraftRow } from '$lib/storage/drafts';
import { DraftWorker, type DraftMeta } from '$lib/services/deck-check';
import { History } from './studio-history.svelte';
import { shownProblems, touchedBy, withTouched } from '$lib/deck/touched';

/**
 * Runs `run` once, after the next frame is painted (in a page), or in the next task (elsewhere). A
 * hidden tab paints no frames: a timer runs it there.
 */
function afterPaint(run: () => void): void {
	if (typeof requestAnimationFrame !== 'function') return void setTimeout(run);
	let done = false;
	const once = () => {
		if (done) return;
		done = true;
		clearTimeout(fallback);
		run();
	};
	const fallback = setTimeout(once, 500);
	requestAnimationFrame(() => setTimeout(once));
}

/** Whether two checks found the same problems, in the same order. */
function sameProblems(a: readonly DeckError[], b: readonly DeckError[]): boolean {
	return (
		a.length === b.length && a.every((e, i) => e.path === b[i]?.path && e.message === b[i]?.message)
	);
}

export type SaveState = 'saved' | 'saving' | 'unsaved' | 'conflict' | 'failed';

/**
 * A typing pause this long saves the draft and checks it again: a crash loses at most this much
 * (and the write's own time).
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
	/** Plain data, replaced whole by every edit (see `#edit`). */
	draft = $state.raw<DraftDeck>() as DraftDeck;
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
	#closed = false;
	#saving: Promise<void> | undefined;
	#checker: DraftWorker;

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
	/** The cards as the last whole-deck check saw them (`errors` are theirs). */
	#checkedCards = $state.raw<readonly DraftCard[]>([]);
	/**
	 * The fields touched (typed into, or left) of each card added in this editor, by card object (an
	 * edit moves the entry to the new object; an undo finds the old one): a new card's problems wait
	 * until their field was touched. Cards not in it (opened with the draft) show every problem.
	 */
	#touched = new WeakMap<DraftCard, ReadonlySet<string>>();
	/** Counts touches, so what shows a card's problems reads them again (the map is not reactive). */
	#touches = $state(0);
	/** Every problem shows, touched or not: after an attempt to study or share, or a tap on a problem. */
	revealed = $state(false);
	/**
	 * Each card's own problems, by card object (an edit makes a new one): the card editor and the
	 * list's badge ask for the same card on every keystroke, and the check runs once for it.
	 */
	#ownErrors = new WeakMap<DraftCard, { index: number; errors: DeckError[] }>();

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
		this.#checker = new DraftWorker(
			(errors, cards) => {
				this.#checkedCards = cards;
				// Each save is checked again: the same problems keep the same list, so nothing that
				// shows them is drawn again after every typing pause.
				if (!sameProblems(this.errors, errors)) this.errors = errors;
				this.checked = true;
			},
			(row, expected, now) => saveDraft(db, row, expected, now)
		);
		// The first check waits for the first paint: handing 2,000 cards to the worker costs the page
		// about 50 ms at a 4x CPU slowdown, and the first screen needs none of it.
		afterPaint(() => {
			if (!this.#closed) this.#scheduleCheck(0);
		});
	}

	/** Opens a saved draft, or undefined when there is none with this id. */
	static async open(db: StudyDb, id: string): Promise<StudioEditor | undefined> {
		const row = await getDraft(db, id);
		return row ? new StudioEditor(db, row) : undefined;
	}

	/**
	 * The problems of card `index` as it is now, for its fields: a card edited since the last
	 * whole-deck check is checked on its own at once (the same validator, see `checkDraftCard`), so
	 * a field's problem shows, and goes, with the keystroke. What only the whole deck can tell (a
	 * duplicate id, a quote not in the source) is kept from the last check until the next. `card`
	 * asks for an earlier version of the card at `index` (what the card editor shows until the
	 * thread is idle after a keystroke).
	 */
	cardErrors(index: number, card: DraftCard | undefined = this.draft.cards[index]): DeckError[] {
		if (!card) return [];
		const checkedCards = this.#checkedCards;
		const checked = this.errorsByCard.get(index) ?? [];
		if (checkedCards[index] === card) return checked;
		const own = this.#own(card, index);
		// A list with cards added or removed since: the last check's numbers name other cards.
		if (checkedCards.length !== this.draft.cards.length) return own;
		const before = checkedCards[index];
		const ownBefore = (before ? this.#own(before, index) : []).map(
			(e) => `${e.path}\n${e.message}`
		);
		const whole = checked.filter((e) => !ownBefore.includes(`${e.path}\n${e.message}`));
		return whole.length === 0 ? own : [...own, ...whole];
	}

	/**
	 * The problems of card `index` to show beside its fields: `cardErrors`, less those of a new card's
	 * fields not touched yet (see `touch`). The list and the Problems tab still count them all.
	 */
	shownCardErrors(
		index: number,
		card: DraftCard | undefined = this.draft.cards[index]
	): DeckError[] {
		const errors = this.cardErrors(index, card);
		void this.#touches;
		const touched = card && !this.revealed ? this.#touched.get(card) : undefined;
		return touched ? shownProblems(errors, touched) : errors;
	}

	/** The author left a field of card `index` (`prompt`, `distractors[1]`…): its problems show. */
	touch(index: number, key: string): void {
		const card = this.draft.cards[index];
		const touched = card && this.#touched.get(card);
		if (!card || !touched || touched.has(key)) return;
		this.#touched.set(card, withTouched(touched, [key]));
		this.#touches++;
	}

	/** Shows every problem of every card (an attempt to study or share, or a tap on a problem). */
	reveal(): void {
		this.revealed = true;
	}

	/**
	 * How many problems card `index`'s row in the list shows: the last whole-deck check's count, or
	 * for a card edited since that check, `cardErrors`. Opening a deck checks no card on this thread
	 * (before the first check no card has a count yet): the first card-level check loads the
	 * validator's code paths, which cost more than the whole list's first paint.
	 */
	problemCount(index: number): number {
		const card = this.draft.cards[index];
		if (!card) return 0;
		if (!this.checked || this.#checkedCards[index] === card)
			return this.errorsByCard.get(index)?.length ?? 0;
		return this.cardErrors(index).length;
	}

	#own(card: DraftCard, index: number): DeckError[] {
		const known = this.#ownErrors.get(card);
		if (known?.index === index) return known.errors;
		const errors = checkDraftCard(card, index);
		this.#ownErrors.set(card, { index, errors });
		return errors;
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
	// The draft is plain data, replaced (never changed in place) by each edit: a card edit makes a
	// new card and a new list that shares every other card. Deep proxies over 2,000 cards made
	// opening and saving slow (every save copied the whole draft through them); an unchanged card
	// keeps its object, so the checker sends the worker only the cards that changed, and an undo
	// step is the draft before and after it.

	#changed(): void {
		this.saveState = this.saveState === 'conflict' ? 'conflict' : 'unsaved';
		this.#scheduleSave();
	}

	/**
	 * Replaces the draft with `next` as one undoable step (`key`: typing into one field merges into
	 * one step). `select` moves the selection with the step, and back with its undo.
	 */
	#edit(next: DraftDeck, key?: string, select?: number): void {
		const before = this.draft;
		const selectedBefore = this.selected;
		const selectedAfter =
			select === undefined ? undefined : Math.min(select, Math.max(0, next.cards.length - 1));
		const apply = (deck: DraftDeck, selected: number | undefined) => {
			// The version is not an edit: publishing raises it, and an undo must not lower it again.
			this.draft =
				deck.version === this.draft.version ? deck : { ...deck, version: this.draft.version };
			if (selected !== undefined) this.selected = selected;
			this.#changed();
		};
		apply(next, selectedAfter);
		this.history.record({
			...(key === undefined ? {} : { key }),
			at: this.#clock().getTime(),
			undo: () => apply(before, selectedAfter === undefined ? undefined : selectedBefore),
			redo: () => apply(next, selectedAfter)
		});
	}

	/** The draft with its cards replaced. */
	#withCards(cards: DraftCard[]): DraftDeck {
		return { ...this.draft, cards };
	}

	/** Sets a deck field (title, description, source…); a title also names an unpublished deck. */
	setDeckField(key: DeckField, value: string): void {
		const deck = this.draft;
		const id = key === 'title' && !this.deckIdFixed ? slugFromPrompt(value).slice(0, 80) : deck.id;
		this.#edit({ ...deck, [key]: value, id }, `deck.${key}`);
	}

	/** Sets one field of a card; a prompt also names a card that was never published. */
	setCardField<K extends CardField>(index: number, key: K, value: DraftCard[K]): void {
		const card = this.draft.cards[index];
		if (!card) return;
		const id = key === 'prompt' ? this.#idFor(card, value as string) : card.id;
		const cards = this.draft.cards.slice();
		const next = { ...card, [key]: value, id };
		cards[index] = next;
		const touched = this.#touched.get(card);
		if (touched) this.#touched.set(next, withTouched(touched, touchedBy(key, card[key], value)));
		// Typing into one field of one card is one step; another field or card starts another. A
		// picture or sound added or taken off, or a new kind, is a step of its own however soon
		// the next comes: an undo of a quick remove brings the file back, not the card before it.
		const typed = key !== 'image' && key !== 'audio' && key !== 'kind';
		this.#edit(this.#withCards(cards), typed ? `card.${index}.${key}` : undefined);
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
		const cards = this.draft.cards.slice();
		cards.splice(start, remove, ...insert);
		this.#edit(this.#withCards(cards), undefined, select);
	}

	/** Adds an empty card of a kind after the selected one (or at the end) and selects it. */
	addCard(kind: CardKind = 'basic', fields: Partial<DraftCard> = {}): number {
		const at = this.draft.cards.length === 0 ? 0 : this.selected + 1;
		const card = { ...emptyCard(kind), ...fields };
		card.id = this.#idFor(card, card.prompt);
		// A new card's problems wait for its fields to be touched; fields given (a cloze made from the
		// source) count as touched.
		this.#touched.set(card, withTouched([], Object.keys(fields)));
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
		const cards = this.draft.cards.slice();
		cards[index] = other;
		cards[to] = card;
		this.#edit(this.#withCards(cards), undefined, to);
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
			void this.#checker.check(this.draft);
		}, ms);
	}

	#scheduleSave(): void {
		clearTimeout(this.#saveTimer);
		// The worker checks the draft after saving it: one job, one copy of what changed.
		this.#saveTimer = setTimeout(() => void this.save(), SETTLE_MS);
	}

	/** The draft as saved, for publishing and downloads. */
	row(): Omit<DraftRow, 'rev' | 'updatedAt'> {
		return { ...this.#meta(), deck: this.draft };
	}

	#meta(): DraftMeta {
		const meta: DraftMeta = {
			id: this.id,
			createdAt: this.#createdAt,
			published: [...this.published]
		};
		if (this.originalYaml !== undefined) meta.originalYaml = this.originalYaml;
		if (this.installedVersion !== undefined) meta.installedVersion = this.installedVersion;
		return meta;
	}

	/**
	 * Saves now (a pending change, or when leaving); resolves when the draft is on disk. The worker
	 * writes it, off the page's thread; `inPlace` writes from the page instead, for when the page is
	 * going away (its worker goes with it).
	 */
	async save(options: { inPlace?: boolean } = {}): Promise<void> {
		clearTimeout(this.#saveTimer);
		if (!this.#unsaved()) return this.#saving;
		await this.#saving;
		// The save waited for may have written everything already.
		if (!this.#unsaved()) return;
		this.saveState = 'saving';
		const draft = this.draft;
		const meta = this.#meta();
		const now = this.#clock();
		const run = (async () => {
			try {
				const saved = options.inPlace
					? await saveDraft(this.#db, { ...meta, deck: draft }, this.#rev, now)
					: await this.#checker.save(draft, meta, this.#rev, now);
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
		this.draft = { ...this.draft, version };
		this.installedVersion = version;
		this.published = new Set(this.draft.cards.map((c) => c.id)); // eslint-disable-line svelte/prefer-svelte-reactivity -- replaced whole
		this.saveState = 'unsaved';
		await this.save();
	}

	/** Whether a change is not on disk yet (and may be written: not in a conflict). */
	#unsaved(): boolean {
		return this.saveState !== 'saved' && this.saveState !== 'conflict';
	}

	/** Stops checking; a change not yet saved is saved first (the worker ends after it). */
	close(): void {
		this.#closed = true;
		clearTimeout(this.#checkTimer);
		if (this.#unsaved()) void this.save().finally(() => this.#checker.stop());
		else this.#checker.stop();
	}
}
