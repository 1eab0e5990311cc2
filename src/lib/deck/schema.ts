import { z } from 'zod';

/** Version of the compiled deck format. Bump it (and add a migration) when the shape changes. */
export const DECK_SCHEMA_VERSION = 1;

export const CARD_KINDS = ['basic', 'mcq', 'typed', 'truefalse', 'cloze'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** Limits an author meets; the validator names them in its messages. */
export const LIMITS = {
	id: 80,
	title: 120,
	description: 500,
	prompt: 400,
	answer: 200,
	quote: 800,
	explanation: 500,
	accept: 20,
	cards: 20000
} as const;

/** A cloze blank: three or more underscores. */
export const BLANK = /_{3,}/g;

const MARKUP =
	/<[a-z!/?]|javascript\s*:|\bon(?:load|error|click|dblclick|mouse\w*|pointer\w*|touch\w*|key\w*|focus\w*|blur|submit|change|input|animation\w*|transition\w*|begin|end|toggle)\s*=|&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);/i;

/** Text is shown as text: anything that looks like markup or a script is refused at the boundary. */
export const hasMarkup = (value: string): boolean => MARKUP.test(value);

const text = (max: number) =>
	z
		.string({ error: 'must be text' })
		.refine((v) => v.trim().length > 0, 'must not be empty')
		.refine((v) => v.length <= max, `must be at most ${max} characters`)
		.refine((v) => !hasMarkup(v), 'must be plain text: no HTML tags, entities or scripts');

const slug = z
	.string({ error: 'must be text' })
	.max(LIMITS.id, `must be at most ${LIMITS.id} characters`)
	.regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'must be lower-case letters, digits and single - or .');

/** A card id: one or more slugs joined by `/`, for example `lavrov-country/mcq`. */
export const cardIdSchema = z
	.string({ error: 'must be text' })
	.max(LIMITS.id * 2, `must be at most ${LIMITS.id * 2} characters`)
	.regex(
		/^[a-z0-9]+(?:[-.][a-z0-9]+)*(?:\/[a-z0-9]+(?:[-.][a-z0-9]+)*)*$/,
		'must be lower-case slugs joined by /, for example lavrov-country/mcq'
	);

export const deckIdSchema = slug;

/** What kind of value an answer is: distractors and typed-answer forms depend on it. */
export const answerTypeSchema = z
	.string()
	.regex(/^[a-z][a-z-]*$/, 'must be a lower-case word such as person, country, date');

const sourceSchema = z.strictObject({
	quote: text(LIMITS.quote).describe('A verbatim span of the deck source text that backs the card')
});

/**
 * A media file a card shows: a plain file name (no folder, no `..`, no scheme), looked up among the
 * deck's media (stored in IndexedDB for an imported deck).
 */
export const mediaNameSchema = z
	.string({ error: 'must be text' })
	.max(200, 'must be at most 200 characters')
	// eslint-disable-next-line no-control-regex
	.regex(/^[^/\\:.\u0000-\u001f\u007f][^/\\:\u0000-\u001f\u007f]*$/, 'must be a plain file name');

const cardBase = {
	id: cardIdSchema.describe('Stable id: keep it when you edit the card, so learners keep progress'),
	prompt: text(LIMITS.prompt).describe('The question, statement or cloze text shown first'),
	answer: text(LIMITS.answer).describe('The correct answer'),
	answerType: answerTypeSchema.optional(),
	accept: z
		.array(text(LIMITS.answer))
		.max(LIMITS.accept, `must list at most ${LIMITS.accept} alternatives`)
		.optional()
		.describe('Other answers accepted when typed'),
	explanation: text(LIMITS.explanation).optional(),
	fact: slug.optional().describe('The fact this card was generated from'),
	tags: z.array(slug).max(20).optional(),
	source: sourceSchema,
	image: mediaNameSchema.optional().describe('A picture shown with the question'),
	audio: mediaNameSchema.optional().describe('A sound played with the question')
};

const basicCard = z.strictObject({ ...cardBase, kind: z.literal('basic') });
const typedCard = z.strictObject({ ...cardBase, kind: z.literal('typed') });
const mcqCard = z.strictObject({
	...cardBase,
	kind: z.literal('mcq'),
	distractors: z
		.array(text(LIMITS.answer))
		.length(3, 'must list exactly 3 wrong answers')
		.describe('Three wrong answers of the same type as the answer')
});
const trueFalseCard = z.strictObject({
	...cardBase,
	kind: z.literal('truefalse'),
	answer: z.enum(['True', 'False'], { error: 'must be True or False' })
});
const clozeCard = z.strictObject({
	...cardBase,
	kind: z.literal('cloze'),
	prompt: text(LIMITS.prompt).describe('The text with one blank written as ___')
});

export const cardSchema = z.discriminatedUnion(
	'kind',
	[basicCard, typedCard, mcqCard, trueFalseCard, clozeCard],
	{
		error: (issue) => {
			const kind = (issue.input as { kind?: unknown } | undefined)?.kind;
			return kind === undefined
				? `is missing its kind: one of ${CARD_KINDS.join(', ')}`
				: `unknown kind ${JSON.stringify(kind)}: must be one of ${CARD_KINDS.join(', ')}`;
		}
	}
);

const deckSourceSchema = z.strictObject({
	title: text(LIMITS.title),
	author: text(LIMITS.title).optional(),
	url: z
		.url({ protocol: /^https?$/, error: 'must be an http(s) address' })
		.optional()
		.describe('Where the source can be read')
});

const deckFields = {
	id: deckIdSchema.describe('Deck id: keep it for every version of the deck'),
	title: text(LIMITS.title),
	description: text(LIMITS.description).optional(),
	version: z
		.number({ error: 'must be a whole number' })
		.int('must be a whole number')
		.positive('must be 1 or more')
		.describe('Raise it each time you publish a change'),
	language: z
		.string()
		.regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a language tag such as en or en-GB')
		.optional(),
	source: deckSourceSchema.optional(),
	cards: z
		.array(cardSchema)
		.min(1, 'must have at least one card')
		.max(LIMITS.cards, `must have at most ${LIMITS.cards} cards`)
};

/** The compiled deck: what the build writes to /decks/<id>.json and what the app installs. */
export const deckSchema = z.strictObject({
	schemaVersion: z.literal(DECK_SCHEMA_VERSION, {
		error: `must be ${DECK_SCHEMA_VERSION}`
	}),
	...deckFields
});

/** A hand-written deck file (YAML or JSON): a compiled deck, with a source text file beside it. */
export const authoredDeckSchema = z.strictObject({
	$schema: z.string().optional(),
	schemaVersion: z
		.literal(DECK_SCHEMA_VERSION, { error: `must be ${DECK_SCHEMA_VERSION}` })
		.optional(),
	...deckFields,
	sourceFile: z
		.string()
		.regex(/^[\w.-]+$/, 'must be a file name beside the deck file')
		.optional()
		.describe('A text file beside the deck: every card quote must occur in it')
});

export type Card = z.infer<typeof cardSchema>;
export type Deck = z.infer<typeof deckSchema>;
export type AuthoredDeck = z.infer<typeof authoredDeckSchema>;
export type DeckSource = z.infer<typeof deckSourceSchema>;

/** One entry of /decks/index.json. */
export interface DeckSummary {
	id: string;
	title: string;
	description?: string;
	version: number;
	cardCount: number;
	source?: DeckSource;
}
