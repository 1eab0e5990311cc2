import { z } from 'zod';
import { MAX_MEDIA_PER_CARD } from './media';
import { richPlain } from './rich-text';

/** Version of the compiled deck format. Bump it (and add a migration) when the shape changes. */
export const DECK_SCHEMA_VERSION = 1;

export const CARD_KINDS = ['basic', 'mcq', 'typed', 'truefalse', 'cloze'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** Limits an author meets; the validator names them in its messages. Lengths are in characters. */
export const LIMITS = {
	id: 80,
	title: 120,
	description: 500,
	prompt: 400,
	answer: 200,
	quote: 800,
	explanation: 500,
	/** Alternatives in `accept`. */
	accept: 20,
	/** Tags on one card. */
	tags: 20,
	answerType: 40,
	language: 35,
	url: 2000,
	sourceFile: 200,
	/** A card's sub-deck path, levels joined by `::`. */
	subdeck: 200,
	cards: 20000
} as const;

/** A cloze blank: three or more underscores. */
export const BLANK = /_{3,}/g;

const MARKUP =
	/<[a-z!/?]|javascript\s*:|\bon(?:load|error|click|dblclick|mouse\w*|pointer\w*|touch\w*|key\w*|focus\w*|blur|submit|change|input|animation\w*|transition\w*|begin|end|toggle)\s*=|&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);/i;

/** Text is shown as text: anything that looks like markup or a script is refused at the boundary. */
export const hasMarkup = (value: string): boolean => MARKUP.test(value);

/**
 * What an author reads when a text looks like markup: what was found and what to write instead.
 * @example markupMessage('Paris<script>') // 'must be plain text: remove the HTML tag "<script>" (…'
 */
export function markupMessage(value: string): string {
	const match = MARKUP.exec(value);
	const found = match?.[0] ?? '';
	const why = 'the app shows text as written, never as HTML';
	if (found.startsWith('<')) {
		const rest = value.slice(match?.index ?? 0);
		const tag = /^<[^<>\s]{0,30}>?/.exec(rest)?.[0] ?? found;
		// `x<y` is not a tag: say how to write a comparison so it reads as one.
		const lessThan = /^<[^<>]*>/.test(rest) ? '' : '; for "less than" put a space after <';
		return `must be plain text: remove the HTML tag "${tag}" (${why})${lessThan}`;
	}
	if (found.startsWith('&'))
		return `must be plain text: write the character itself instead of the HTML entity "${found}" (${why})`;
	if (/^javascript/i.test(found))
		return `must be plain text: remove the script link "${found}" (${why})`;
	return `must be plain text: remove the script attribute "${found}" (${why})`;
}

/** `1,234` for counts in messages. */
const count = (n: number) => n.toLocaleString('en-US');

/** Whole numbers and yes/no words in YAML are not text unless quoted: say so. */
const mustBeText = (iss: { input?: unknown }): string =>
	typeof iss.input === 'number' || typeof iss.input === 'boolean'
		? `must be text: put it in quotes, for example "${String(iss.input)}"`
		: 'must be text';

const tooLong = (max: number) => (iss: { input?: unknown }) =>
	`is ${count(String(iss.input).length)} characters long: shorten it to at most ${count(max)}`;

/**
 * Text that may be shown: never parsed as HTML. `literal` text (a plain-text import such as Anki's
 * `#html:false`) may hold `<b>` or `&amp;` as the characters the learner wrote; otherwise text that
 * reads as markup is refused, since an author who writes it means markup the app will not render.
 */
const text = (max: number, literal = false) => {
	const shape = z
		.string({ error: mustBeText })
		.refine((v) => v.trim().length > 0, 'must not be empty: write some text')
		.refine((v) => v.length <= max, { error: tooLong(max) });
	return literal
		? shape
		: shape.refine((v) => !hasMarkup(v), { error: (iss) => markupMessage(String(iss.input)) });
};

const list = <T extends z.ZodType>(item: T, max: number, what: string) =>
	z
		.array(item, { error: `must be a list: write each ${what} on its own line starting with - ` })
		.max(max, {
			error: (iss) =>
				`lists ${count((iss.input as unknown[]).length)} ${what}s: at most ${count(max)} are allowed`
		});

const slug = z
	.string({ error: mustBeText })
	.max(LIMITS.id, { error: tooLong(LIMITS.id) })
	.regex(
		/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/,
		'must be lower-case letters, digits and single - or . between them, for example world-capitals'
	);

/** A card id: one or more slugs joined by `/`, for example `lavrov-country/mcq`. */
export const cardIdSchema = z
	.string({ error: mustBeText })
	.max(LIMITS.id * 2, { error: tooLong(LIMITS.id * 2) })
	.regex(
		/^[a-z0-9]+(?:[-.][a-z0-9]+)*(?:\/[a-z0-9]+(?:[-.][a-z0-9]+)*)*$/,
		'must be lower-case slugs joined by /, for example lavrov-country/mcq'
	);

export const deckIdSchema = slug;

/** What kind of value an answer is: distractors and typed-answer forms depend on it. */
export const answerTypeSchema = z
	.string({ error: mustBeText })
	.max(LIMITS.answerType, { error: tooLong(LIMITS.answerType) })
	.regex(/^[a-z][a-z-]*$/, 'must be a lower-case word such as person, country, date');

/** A `sourceFile` name: a file beside the deck file, no folders. */
export const SOURCE_FILE = /^[\w.-]+$/;

/**
 * A media file a card shows: a plain file name (no folder, no `..`, no scheme), looked up among the
 * deck's media (stored in IndexedDB for an imported deck).
 */
export const mediaNameSchema = z
	.string({ error: 'must be text' })
	.max(200, 'must be at most 200 characters')
	// eslint-disable-next-line no-control-regex
	.regex(/^[^/\\:.\u0000-\u001f\u007f][^/\\:\u0000-\u001f\u007f]*$/, 'must be a plain file name');

/**
 * A card's pictures or sounds: one file name, or a list of them shown (played) in order. A single
 * name is what decks wrote before lists were allowed, and stays valid.
 */
const mediaFieldSchema = (what: string) => {
	const names = z
		.array(mediaNameSchema, { error: `must be a file name or a list of ${what} file names` })
		.min(1, `must name at least one ${what}: leave the field out for none`)
		.max(MAX_MEDIA_PER_CARD, {
			error: (iss) =>
				`lists ${count((iss.input as unknown[]).length)} ${what}s: at most ${MAX_MEDIA_PER_CARD} are allowed`
		});
	return z.union([mediaNameSchema, names], {
		// When neither shape fits, say why by the shape that was written.
		error: (iss) => {
			const shape = typeof iss.input === 'string' ? mediaNameSchema : names;
			return Array.isArray(iss.input) || typeof iss.input === 'string'
				? (shape.safeParse(iss.input).error?.issues[0]?.message ?? 'is not valid')
				: `must be a file name or a list of ${what} file names`;
		}
	});
};

/**
 * Formatted text (see rich-text.ts): its marks are not HTML, and what it says once they are removed
 * is held to the plain-text rules like any card text (content.ts checks it reads as its field).
 */
const richText = (max: number) =>
	z
		.string({ error: mustBeText })
		.max(max, { error: tooLong(max) })
		.refine((v) => !hasMarkup(richPlain(v)), {
			error: (iss) => markupMessage(richPlain(String(iss.input)))
		});

const richSchema = z
	.strictObject({
		prompt: richText(LIMITS.prompt * 2).optional(),
		answer: richText(LIMITS.answer * 2).optional(),
		explanation: richText(LIMITS.explanation * 2).optional()
	})
	.describe(
		'The prompt, answer or explanation with formatting: **bold**, *italic*, __underline__, H~2~O, x^2^, lines starting with - or 1. as lists. Each must read as its plain field once the marks are removed.'
	);

/** A sub-deck path: one or more names joined by `::`, each with some text. */
const subdeckSchema = text(LIMITS.subdeck).refine(
	(v) => v.split('::').every((level) => level.trim().length > 0 && level === level.trim()),
	'must be sub-deck names joined by :: with no empty or space-padded name, for example Verbs::Irregular'
);

/** The fields every card kind has; `literal` says whether card text may hold markup-like characters. */
function cardBaseFields(literal: boolean) {
	const sourceSchema = z.strictObject({
		quote: text(LIMITS.quote, literal).describe(
			'A verbatim span of the deck source text that backs the card'
		)
	});
	return {
		id: cardIdSchema.describe(
			'Stable id: keep it when you edit the card, so learners keep progress'
		),
		prompt: text(LIMITS.prompt, literal).describe(
			'The question, statement or cloze text shown first'
		),
		answer: text(LIMITS.answer, literal).describe('The correct answer'),
		answerType: answerTypeSchema.optional(),
		accept: list(text(LIMITS.answer, literal), LIMITS.accept, 'accepted answer')
			.optional()
			.describe('Other answers accepted when typed'),
		explanation: text(LIMITS.explanation, literal).optional(),
		fact: slug.optional().describe('The fact this card was generated from'),
		tags: list(slug, LIMITS.tags, 'tag').optional(),
		subdeck: subdeckSchema
			.optional()
			.describe(
				'The sub-deck the card sits in, levels joined by :: (Verbs::Irregular); studying a sub-deck includes the sub-decks below it'
			),
		source: sourceSchema,
		image: mediaFieldSchema('picture')
			.optional()
			.describe('A picture shown with the question (a file name), or a list shown in order'),
		audio: mediaFieldSchema('sound')
			.optional()
			.describe('A sound played with the question (a file name), or a list played in order'),
		rich: richSchema.optional()
	};
}

/** The card shapes, one per kind. */
function cardShapes(literal: boolean) {
	const cardBase = cardBaseFields(literal);
	const basicCard = z.strictObject({ ...cardBase, kind: z.literal('basic') });
	const typedCard = z.strictObject({ ...cardBase, kind: z.literal('typed') });
	const mcqCard = z.strictObject({
		...cardBase,
		kind: z.literal('mcq'),
		distractors: z
			.array(text(LIMITS.answer, literal), {
				error: 'must be a list of 3 wrong answers, each on its own line starting with - '
			})
			.length(3, {
				error: (iss) =>
					`lists ${(iss.input as unknown[]).length} wrong answers: write exactly 3, of the same type as the answer`
			})
			.describe('Three wrong answers of the same type as the answer')
	});
	const trueFalseCard = z.strictObject({
		...cardBase,
		kind: z.literal('truefalse'),
		answer: z.enum(['True', 'False'], {
			error: 'must be True or False: the prompt is a statement, the answer says if it holds'
		})
	});
	const clozeCard = z.strictObject({
		...cardBase,
		kind: z.literal('cloze'),
		prompt: text(LIMITS.prompt, literal).describe('The text with one blank written as ___')
	});

	return z.discriminatedUnion('kind', [basicCard, typedCard, mcqCard, trueFalseCard, clozeCard], {
		error: (issue) => {
			const kind = (issue.input as { kind?: unknown } | undefined)?.kind;
			return kind === undefined
				? `is missing its kind: one of ${CARD_KINDS.join(', ')}`
				: `unknown kind ${JSON.stringify(kind)}: must be one of ${CARD_KINDS.join(', ')}`;
		}
	});
}

/** A card whose text is plain: what deck files and the build hold. */
export const cardSchema = cardShapes(false);
/** A card whose text is literal (Anki's `#html:false`): any characters, shown as written. */
export const literalCardSchema = cardShapes(true);

/**
 * The fields every kind shares, read when a card's kind is missing or unknown, so its other
 * problems are reported in the same run.
 */
export const cardFieldsSchema = z.strictObject({
	...cardBaseFields(false),
	kind: z.unknown(),
	distractors: z.array(text(LIMITS.answer)).optional()
});

/** The fields an author may write, by where they are written: named when a field is unknown. */
export const FIELDS = {
	deck: ['id', 'title', 'description', 'version', 'language', 'source', 'sourceFile', 'cards'],
	deckSource: ['title', 'author', 'url'],
	card: [
		'id',
		'kind',
		'prompt',
		'answer',
		'answerType',
		'accept',
		'distractors',
		'explanation',
		'tags',
		'subdeck',
		'fact',
		'source',
		'image',
		'audio',
		'rich'
	],
	cardSource: ['quote']
} as const;

const deckSourceSchema = z.strictObject({
	title: text(LIMITS.title),
	author: text(LIMITS.title).optional(),
	url: z
		.url({ protocol: /^https?$/, error: 'must be a web address starting with https:// or http://' })
		.max(LIMITS.url, { error: tooLong(LIMITS.url) })
		.optional()
		.describe('Where the source can be read')
});

const cardList = (cards: typeof cardSchema) =>
	z
		.array(cards, { error: 'must be a list of cards, each starting with - id:' })
		.min(1, 'must have at least one card')
		.max(LIMITS.cards, {
			error: (iss) =>
				`has ${count((iss.input as unknown[]).length)} cards: a deck holds at most ${count(LIMITS.cards)}; split it into two decks`
		});

const deckFields = {
	id: deckIdSchema.describe('Deck id: keep it for every version of the deck'),
	title: text(LIMITS.title),
	description: text(LIMITS.description).optional(),
	version: z
		.number({ error: 'must be a whole number such as 1' })
		.int('must be a whole number such as 1')
		.positive('must be 1 or more')
		.describe('Raise it each time you publish a change'),
	language: z
		.string({ error: mustBeText })
		.max(LIMITS.language, { error: tooLong(LIMITS.language) })
		.regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a language tag such as en or en-GB')
		.optional(),
	source: deckSourceSchema.optional(),
	cards: cardList(cardSchema)
};

/**
 * One picture or sound of a bundled deck, as the build lists it in the compiled deck: the name its
 * cards use, and `file`, the name the build serves it under (`/decks/media/<deck id>/<file>`, a
 * digest of its bytes with its extension, so a changed file is a new address).
 */
export const bundledMediaSchema = z.strictObject({
	name: mediaNameSchema,
	type: z
		.string({ error: mustBeText })
		.regex(/^(image|audio)\/[\w.+-]+$/, 'must be image/… or audio/…'),
	size: z.number({ error: 'must be a number' }).int().positive('must be 1 or more'),
	file: z
		.string({ error: mustBeText })
		.regex(/^[0-9a-f]{16,64}\.[a-z0-9]{2,5}$/, 'must be a digest and an extension')
});

const compiledDeck = (cards: typeof cardSchema) =>
	z.strictObject({
		schemaVersion: z.literal(DECK_SCHEMA_VERSION, {
			error: `must be ${DECK_SCHEMA_VERSION}`
		}),
		...deckFields,
		cards: cardList(cards),
		// Written by the build for a bundled deck whose cards name media; never by an author.
		media: z
			.array(bundledMediaSchema, { error: 'must be a list of media files' })
			.max(LIMITS.cards * MAX_MEDIA_PER_CARD * 2)
			.optional()
	});

/** The compiled deck: what the build writes to /decks/<id>.json and what the app installs. */
export const deckSchema = compiledDeck(cardSchema);
/** A compiled deck made from a plain-text import: its card text is kept literally. */
export const literalDeckSchema = compiledDeck(literalCardSchema);

/** A hand-written deck file (YAML or JSON): a compiled deck, with a source text file beside it. */
export const authoredDeckSchema = z.strictObject({
	$schema: z
		.string({ error: mustBeText })
		.max(LIMITS.url, { error: tooLong(LIMITS.url) })
		.optional(),
	schemaVersion: z
		.literal(DECK_SCHEMA_VERSION, { error: `must be ${DECK_SCHEMA_VERSION}` })
		.optional(),
	...deckFields,
	sourceFile: z
		.string({ error: mustBeText })
		.max(LIMITS.sourceFile, { error: tooLong(LIMITS.sourceFile) })
		.regex(SOURCE_FILE, 'must be the name of a file beside the deck file, such as source.txt')
		.optional()
		.describe('A text file beside the deck: every card quote must occur in it')
});

export type Card = z.infer<typeof cardSchema>;
export type Deck = z.infer<typeof deckSchema>;
export type AuthoredDeck = z.infer<typeof authoredDeckSchema>;
export type DeckSource = z.infer<typeof deckSourceSchema>;
export type BundledMedia = z.infer<typeof bundledMediaSchema>;

/** One entry of /decks/index.json. */
export interface DeckSummary {
	id: string;
	title: string;
	description?: string;
	version: number;
	cardCount: number;
	source?: DeckSource;
}
