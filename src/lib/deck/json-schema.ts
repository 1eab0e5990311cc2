/**
 * The published JSON Schema for hand-written deck files, generated from `authoredDeckSchema`.
 * `scripts/deck-json-schema.ts` writes it to static/deck.schema.json; a unit test fails when that
 * file is stale. Editors use it for completion and early warnings; `npm run decks:check` remains the
 * judge, since some checks (plain text, quotes, distinct distractors) have no JSON Schema form.
 */
import { z } from 'zod';
import { authoredDeckSchema, CARD_KINDS, type CardKind } from './schema';

/** Where the schema is committed, relative to the project root; the app serves it at /deck.schema.json. */
export const DECK_JSON_SCHEMA_FILE = 'static/deck.schema.json';

const TITLE = 'Recall deck';

const DESCRIPTION =
	'A hand-written Recall deck (YAML or JSON). An editor can check the shape of a deck with this ' +
	'schema; `npm run decks:check` checks the rest, which a JSON Schema cannot say: every text is ' +
	'plain text (no HTML tags, entities or scripts), card ids are unique, an mcq has 3 distinct wrong ' +
	'answers that differ from the answer, a cloze prompt has exactly one blank written as ___, an ' +
	'answer of answerType date reads as a date, and every source quote occurs in the sourceFile.';

/** Shown by editors when they offer the kinds of card. */
const KIND_HELP: Record<CardKind, string> = {
	basic: 'A question and its answer: the learner answers in their head, then rates themselves.',
	mcq: 'A question with the answer and exactly 3 wrong answers (distractors) of the same type.',
	typed: 'A question whose short answer the learner types; accept lists other accepted forms.',
	truefalse: 'A statement whose answer is True or False.',
	cloze: 'A sentence with one blank written as ___; the answer is the missing words.'
};

type JsonObject = Record<string, unknown>;

const isObject = (v: unknown): v is JsonObject =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

const accepts = (schema: z.core.$ZodType, value: string) => z.safeParse(schema, value).success;

/**
 * Limits written as refine checks are invisible to z.toJSONSchema. For a string schema that has
 * them, find the limits by trying values: whether white space alone is refused, and the longest
 * text accepted. This follows LIMITS without repeating them.
 */
function textLimits(schema: z.core.$ZodType): JsonObject {
	const out: JsonObject = {};
	if (!accepts(schema, 'a')) return out;
	if (!accepts(schema, ' ')) Object.assign(out, { minLength: 1, pattern: '\\S' });
	const ceiling = 1_000_000;
	if (accepts(schema, 'a'.repeat(ceiling))) return out;
	let lo = 1; // accepted
	let hi = ceiling; // refused
	while (hi - lo > 1) {
		const mid = Math.floor((lo + hi) / 2);
		if (accepts(schema, 'a'.repeat(mid))) lo = mid;
		else hi = mid;
	}
	out.maxLength = lo;
	return out;
}

const hasCustomChecks = (schema: z.core.$ZodType) =>
	schema._zod.def.type === 'string' &&
	(schema._zod.def.checks ?? []).some((c) => c._zod.def.check === 'custom');

/** Gives each card variant a title and a line of help, so an editor can name the kinds. */
function describeKinds(schema: JsonObject): void {
	const cards = isObject(schema.properties) ? schema.properties.cards : undefined;
	const items = isObject(cards) ? cards.items : undefined;
	const variants = isObject(items) && Array.isArray(items.oneOf) ? items.oneOf : [];
	for (const variant of variants) {
		if (!isObject(variant) || !isObject(variant.properties)) continue;
		const kind = variant.properties.kind;
		const name = isObject(kind) ? kind.const : undefined;
		if (typeof name !== 'string' || !(CARD_KINDS as readonly string[]).includes(name)) continue;
		variant.title = `${name} card`;
		variant.description = KIND_HELP[name as CardKind];
	}
}

/**
 * The JSON Schema (draft-07, which editors' YAML support reads) of a hand-written deck file.
 * @example JSON.stringify(deckJsonSchema()).includes('"cards"') // true
 */
export function deckJsonSchema(): JsonObject {
	const generated = z.toJSONSchema(authoredDeckSchema, {
		target: 'draft-07',
		io: 'input',
		override: ({ zodSchema, jsonSchema }) => {
			if (hasCustomChecks(zodSchema)) Object.assign(jsonSchema, textLimits(zodSchema));
		}
	}) as JsonObject;
	const { $schema, ...rest } = generated;
	const schema: JsonObject = { $schema, title: TITLE, description: DESCRIPTION, ...rest };
	describeKinds(schema);
	return schema;
}

/** The text of static/deck.schema.json: tab-indented JSON with a final newline. */
export function deckJsonSchemaText(): string {
	return `${JSON.stringify(deckJsonSchema(), null, '\t')}\n`;
}
