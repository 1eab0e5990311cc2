import type { z } from 'zod';
import {
	cardFieldsSchema,
	cardSchema,
	deckSchema,
	FIELDS,
	literalCardSchema,
	literalDeckSchema,
	type Deck
} from './schema';
import { cardProblems, duplicateIds, normaliseQuote, type Problem } from './content';
import { closest } from './closest';
import {
	formatDeckPath,
	type DeckError,
	type DeckResult,
	type Locate,
	type PathKey
} from './errors';

export { normaliseQuote } from './content';

export interface ValidateOptions {
	/** File name to put in each error. */
	file?: string;
	/** Turns a path into a line and column, for sources that have lines (YAML). */
	locate?: Locate;
	/** The deck's source text: when given, every card quote must occur in it. */
	sourceText?: string;
	/** Maps a path in the checked value back to a path in the file (authored decks). */
	mapPath?: (path: PathKey[]) => PathKey[];
	/**
	 * The cards' text is literal (a plain-text import such as Anki's `#html:false`): `<b>` and
	 * `&amp;` are characters the learner wrote, shown as written. Otherwise (deck files, the build)
	 * card text that reads as HTML is refused: an author who writes it means markup.
	 */
	literalText?: boolean;
}

/**
 * Checks a compiled deck in one pass: its shape and what the shape cannot say (unique ids,
 * distinct distractors, one blank per cloze, dates that parse, quotes that occur in the source).
 * Every problem comes back, in file order, with list numbers counted from 1 (`cards[1]` is the
 * first card); a card with a schema problem still gets the checks its usable fields allow.
 * @example validateDeck(JSON.parse(text), { file: 'deck.json' })
 */
export function validateDeck(raw: unknown, options: ValidateOptions = {}): DeckResult<Deck> {
	const checked = checkDeck(options.literalText ? literalDeckSchema : deckSchema, raw, options);
	return checked.ok ? { ok: true, deck: checked.data } : checked;
}

/**
 * The one pass behind `validateDeck` and `compileAuthoredDeck`: `schema` is the compiled or the
 * authored deck schema; `extra` adds problems found before (a missing source file).
 */
export function checkDeck<S extends z.ZodType>(
	schema: S,
	raw: unknown,
	options: ValidateOptions & { extra?: Problem[] } = {}
): { ok: true; data: z.output<S> } | { ok: false; errors: DeckError[] } {
	const parsed = schema.safeParse(raw, { reportInput: true });
	const problems: Problem[] = [...(options.extra ?? [])];
	if (!parsed.success)
		for (const issue of parsed.error.issues) problems.push(...issueProblems(issue));
	const cards = (raw as { cards?: unknown } | null)?.cards;
	if (Array.isArray(cards)) {
		const source =
			options.sourceText === undefined ? undefined : normaliseQuote(options.sourceText);
		// A schema problem on a field says enough: a content check on the same field is left out.
		const flagged = new Set(problems.map((p) => formatDeckPath(p.path)));
		const content: Problem[] = duplicateIds(cards).map((p) => ({
			...p,
			path: ['cards', ...p.path]
		}));
		cards.forEach((card, i) => {
			for (const p of cardProblems(card, source))
				content.push({ ...p, path: ['cards', i, ...p.path] });
		});
		problems.push(...content.filter((p) => !flagged.has(formatDeckPath(p.path))));
	}
	if (problems.length === 0 && parsed.success) return { ok: true, data: parsed.data };
	const ordered = inFileOrder(problems, raw);
	return { ok: false, errors: ordered.map((p) => toError(p, options)) };
}

/**
 * One card's own problems, exactly as `validateDeck` reports them for the card at `index` of a deck
 * (the same card schema, messages and order), without the checks that need the rest of the deck or
 * its source text (a duplicate id, a quote not in the source). Cheap enough to run on every
 * keystroke: the studio shows a field's problems as it is typed, before the whole deck is checked.
 * @example validateCard({ id: 'a', kind: 'basic', prompt: '', answer: 'x', source: { quote: 'x' } }, 0)
 * // [{ path: 'cards[1].prompt', keys: ['cards', 0, 'prompt'], message: 'must not be empty: write some text' }]
 */
export function validateCard(
	raw: unknown,
	index: number,
	options: Pick<ValidateOptions, 'literalText' | 'file' | 'locate' | 'mapPath'> = {}
): DeckError[] {
	const schema = options.literalText ? literalCardSchema : cardSchema;
	const parsed = schema.safeParse(raw, { reportInput: true });
	const problems: Problem[] = [];
	if (!parsed.success)
		for (const issue of parsed.error.issues)
			problems.push(
				...issueProblems({
					...issue,
					path: ['cards', index, ...issue.path]
				} as z.core.$ZodIssue)
			);
	const flagged = new Set(problems.map((p) => formatDeckPath(p.path)));
	for (const p of cardProblems(raw, undefined)) {
		const path = ['cards', index, ...p.path];
		if (!flagged.has(formatDeckPath(path))) problems.push({ ...p, path });
	}
	if (problems.length === 0) return [];
	// The card where the deck would hold it, so its problems sort as they do in the deck's list.
	const cards: unknown[] = [];
	cards[index] = raw;
	return inFileOrder(problems, { cards }).map((p) => toError(p, options));
}

function issueProblems(issue: z.core.$ZodIssue): Problem[] {
	const path = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
	if (issue.code === 'unrecognized_keys')
		return issue.keys.map((k) => ({ path: [...path, k], message: unknownField(k, path) }));
	if (issue.code === 'invalid_type' && issue.input === undefined)
		return [{ path, message: missing(path) }];
	if (
		issue.code === 'invalid_union' &&
		path.length === 3 &&
		path[0] === 'cards' &&
		path[2] === 'kind'
	) {
		// No kind to pick the card's shape by: check the fields every kind has, so nothing waits.
		const card = (issue as { input?: unknown }).input;
		const rest = cardFieldsSchema.safeParse(card, { reportInput: true });
		const more = rest.success
			? []
			: rest.error.issues.flatMap((i) =>
					issueProblems({ ...i, path: [...path.slice(0, 2), ...i.path] } as z.core.$ZodIssue)
				);
		return [{ path, message: issue.message }, ...more];
	}
	return [{ path, message: issue.message }];
}

/** What to write for a missing field, by its name. */
const WHAT: Record<string, string> = {
	id: 'a short lower-case name, such as capital-of-france',
	kind: 'one of basic, mcq, typed, truefalse, cloze',
	prompt: 'the question the learner sees first',
	answer: 'the correct answer',
	quote: 'the sentence of the source text that backs the card',
	source: 'a quote: the sentence of the source text that backs the card',
	distractors: 'a list of 3 wrong answers',
	title: 'the name learners see',
	version: '1 for the first version',
	cards: 'a list of cards'
};

function missing(path: PathKey[]): string {
	const key = path.at(-1);
	const what = typeof key === 'string' ? WHAT[key] : undefined;
	return what ? `is missing: add "${String(key)}:" with ${what}` : 'is missing';
}

function unknownField(key: string, parent: PathKey[]): string {
	const [fields, owner]: [readonly string[], string] =
		parent.length === 0
			? [FIELDS.deck, 'a deck']
			: parent.length === 1 && parent[0] === 'source'
				? [FIELDS.deckSource, "the deck's source"]
				: parent.at(-1) === 'source'
					? [FIELDS.cardSource, "a card's source"]
					: [FIELDS.card, 'a card'];
	const near = closest(key, fields);
	const list = fields.join(', ');
	return near
		? `unknown field "${key}": did you mean "${near}"? The fields of ${owner} are ${list}`
		: `unknown field "${key}": remove it, or use one of the fields of ${owner}: ${list}`;
}

/** A path's place in the value as read: the position of each key among its siblings. */
function placeOf(raw: unknown, path: PathKey[]): number[] {
	const place: number[] = [];
	let node: unknown = raw;
	for (const key of path) {
		if (Array.isArray(node) && typeof key === 'number') place.push(key);
		else if (node && typeof node === 'object')
			// A missing field sorts first among its siblings: it is reported where its parent starts.
			place.push(Object.keys(node).indexOf(String(key)));
		else place.push(-1);
		node = node && typeof node === 'object' ? (node as Record<PathKey, unknown>)[key] : undefined;
	}
	return place;
}

/** Problems in the order of the file: YAML and JSON keep their keys in the order written. */
function inFileOrder(problems: Problem[], raw: unknown): Problem[] {
	const keyed = problems.map((p, i) => ({ p, i, place: placeOf(raw, p.path) }));
	keyed.sort((a, b) => {
		for (let k = 0; k < Math.min(a.place.length, b.place.length); k++) {
			const d = (a.place[k] ?? 0) - (b.place[k] ?? 0);
			if (d !== 0) return d;
		}
		return a.place.length - b.place.length || a.i - b.i;
	});
	return keyed.map((k) => k.p);
}

function toError(problem: Problem, options: ValidateOptions): DeckError {
	const keys = options.mapPath ? options.mapPath(problem.path) : problem.path;
	const error: DeckError = { path: formatDeckPath(keys), keys, message: problem.message };
	if (options.file) error.file = options.file;
	const at = options.locate?.(keys);
	if (at) {
		error.line = at.line;
		error.column = at.column;
	}
	return error;
}
