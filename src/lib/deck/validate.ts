import type { z } from 'zod';
import { BLANK, deckSchema, literalDeckSchema, type Card, type Deck } from './schema';
import { parseDateText } from './dates';
import { formatPath, type DeckError, type DeckResult, type Locate, type PathKey } from './errors';

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

/** Folds case, quotes and white space, so a quote matches the source as a reader sees it. */
export function normaliseQuote(text: string): string {
	return text
		.replace(/[\u2018\u2019\u201b\u2032]/g, "'")
		.replace(/[\u201c\u201d\u201f\u2033]/g, '"')
		.replace(/[\u2013\u2014]/g, '-')
		.replace(/\s+/g, ' ')
		.trim();
}

const fold = (s: string) => normaliseQuote(s).toLowerCase();

function cardProblems(card: Card, sourceText: string | undefined): [PathKey[], string][] {
	const problems: [PathKey[], string][] = [];
	if (card.kind === 'mcq') {
		const seen = new Set<string>();
		card.distractors.forEach((d, i) => {
			const key = fold(d);
			if (key === fold(card.answer))
				problems.push([['distractors', i], 'is the answer: a wrong answer must differ from it']);
			else if (seen.has(key))
				problems.push([['distractors', i], 'repeats another wrong answer: need 3 distinct ones']);
			seen.add(key);
		});
	}
	if (card.kind === 'cloze') {
		const blanks = card.prompt.match(BLANK)?.length ?? 0;
		if (blanks !== 1)
			problems.push([
				['prompt'],
				`must contain exactly one blank written as ___ (found ${blanks})`
			]);
	}
	if (card.answerType === 'date' && card.kind !== 'truefalse' && !parseDateText(card.answer))
		problems.push([
			['answer'],
			`"${card.answer}" is not a date: write it as "November 2013", "2013-11" or "2013"`
		]);
	if (sourceText !== undefined && !sourceText.includes(normaliseQuote(card.source.quote)))
		problems.push([['source', 'quote'], 'does not occur in the deck source text']);
	return problems;
}

/**
 * Checks a compiled deck: its shape, then what the shape cannot say (unique ids, distinct distractors,
 * one blank per cloze, dates that parse, quotes that occur in the source).
 * @example validateDeck(JSON.parse(text), { file: 'deck.json' })
 */
export function validateDeck(raw: unknown, options: ValidateOptions = {}): DeckResult<Deck> {
	const schema = options.literalText ? literalDeckSchema : deckSchema;
	const parsed = schema.safeParse(raw, { reportInput: true });
	const problems: [PathKey[], string][] = [];
	if (!parsed.success) {
		for (const issue of parsed.error.issues) problems.push(...issueProblems(issue));
	} else {
		const source =
			options.sourceText === undefined ? undefined : normaliseQuote(options.sourceText);
		const ids = new Map<string, number>();
		parsed.data.cards.forEach((card, i) => {
			const first = ids.get(card.id);
			if (first !== undefined)
				problems.push([
					['cards', i, 'id'],
					`duplicate card id "${card.id}" (also cards[${first}])`
				]);
			else ids.set(card.id, i);
			for (const [path, message] of cardProblems(card, source))
				problems.push([['cards', i, ...path], message]);
		});
	}
	if (problems.length === 0 && parsed.success) return { ok: true, deck: parsed.data };
	return { ok: false, errors: problems.map(([path, message]) => toError(path, message, options)) };
}

function issueProblems(issue: z.core.$ZodIssue): [PathKey[], string][] {
	const path = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
	if (issue.code === 'unrecognized_keys')
		return issue.keys.map((k) => [[...path, k], `unknown field "${k}"`]);
	if (issue.code === 'invalid_type' && issue.input === undefined) return [[path, 'is missing']];
	return [[path, issue.message]];
}

function toError(path: PathKey[], message: string, options: ValidateOptions): DeckError {
	const filePath = options.mapPath ? options.mapPath(path) : path;
	const error: DeckError = { path: formatPath(filePath), message };
	if (options.file) error.file = options.file;
	const at = options.locate?.(filePath);
	if (at) {
		error.line = at.line;
		error.column = at.column;
	}
	return error;
}
