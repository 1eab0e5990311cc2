import { z } from 'zod';
import { answerTypeSchema, CARD_KINDS, deckIdSchema, LIMITS } from './schema';

const text = (max: number) =>
	z
		.string()
		.refine((v) => v.trim().length > 0, 'must not be empty')
		.refine((v) => v.length <= max, `must be at most ${max} characters`);

/**
 * One fact from the source, in the words of a question and its answer. The generator turns each
 * fact into cards of several kinds; the card ids are `<fact id>/<kind>`, so they survive edits.
 */
export const factSchema = z.strictObject({
	id: deckIdSchema.describe('Stable id, for example lavrov-country'),
	topic: z.string().optional().describe('A grouping tag, for example people or agreements'),
	question: text(LIMITS.prompt),
	answer: text(LIMITS.answer),
	/** Distractors and typed forms come from values of the same type: people for people, dates for dates. */
	type: answerTypeSchema,
	accept: z.array(text(LIMITS.answer)).optional(),
	/** A true sentence with `{answer}` where the answer goes; false ones swap in a value of the same type. */
	statement: text(LIMITS.prompt).refine((s) => s.includes('{answer}'), 'must contain {answer}'),
	/** A verbatim span of the source text that backs the fact. */
	quote: text(LIMITS.quote),
	/** The words of the quote to blank out for the cloze card; defaults to the answer. */
	cloze: text(LIMITS.answer).optional(),
	/** Wrong answers to add to the pool of same-type values, when the deck has too few. */
	distractors: z.array(text(LIMITS.answer)).optional(),
	explanation: text(LIMITS.explanation).optional(),
	kinds: z.array(z.enum(CARD_KINDS)).min(1).optional()
});

export const factDeckSchema = z.strictObject({
	id: deckIdSchema,
	title: text(LIMITS.title),
	description: text(LIMITS.description).optional(),
	version: z.number().int().positive(),
	language: z.string().optional(),
	source: z.strictObject({
		title: text(LIMITS.title),
		author: text(LIMITS.title).optional(),
		url: z.string().optional()
	}),
	/** The card kinds made for each fact unless the fact says otherwise. */
	kinds: z.array(z.enum(CARD_KINDS)).min(1).optional(),
	facts: z.array(factSchema).min(1)
});

export type Fact = z.infer<typeof factSchema>;
/** What a TypeScript fact file exports by default. */
export type FactDeckSpec = z.infer<typeof factDeckSchema>;
