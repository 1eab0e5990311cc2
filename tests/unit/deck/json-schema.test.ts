import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CARD_KINDS, compileAuthoredDeck, formatError, LIMITS } from '$lib/deck';
import { DECK_JSON_SCHEMA_FILE, deckJsonSchema, deckJsonSchemaText } from '$lib/deck/json-schema';

type Json = Record<string, unknown>;

const EXAMPLE = 'decks/two-plus-two-basics/deck.yaml';

/** Keywords that do not constrain a value. Any other keyword the checker does not know fails the test. */
const ANNOTATIONS = new Set(['$schema', 'title', 'description', 'format']);

/**
 * A small JSON Schema checker for the keywords the deck schema uses, enough to show that a deck an
 * editor sees against the published schema is the deck the validator accepts.
 */
function schemaErrors(schema: Json, value: unknown, at = '$'): string[] {
	const errors: string[] = [];
	for (const [key, rule] of Object.entries(schema)) {
		if (ANNOTATIONS.has(key)) continue;
		switch (key) {
			case 'type': {
				const ok =
					rule === 'object'
						? typeof value === 'object' && value !== null && !Array.isArray(value)
						: rule === 'array'
							? Array.isArray(value)
							: rule === 'integer'
								? Number.isInteger(value)
								: typeof value === rule;
				if (!ok) return [`${at}: not ${String(rule)}`];
				break;
			}
			case 'const':
				if (value !== rule) errors.push(`${at}: not ${JSON.stringify(rule)}`);
				break;
			case 'enum':
				if (!(rule as unknown[]).includes(value)) errors.push(`${at}: not one of the enum`);
				break;
			case 'required':
				for (const name of rule as string[])
					if (!(name in (value as Json))) errors.push(`${at}.${name}: missing`);
				break;
			case 'properties':
				for (const [name, sub] of Object.entries(rule as Record<string, Json>))
					if (name in (value as Json))
						errors.push(...schemaErrors(sub, (value as Json)[name], `${at}.${name}`));
				break;
			case 'additionalProperties': {
				const known = Object.keys((schema.properties ?? {}) as Json);
				if (rule !== false) throw new Error(`unsupported additionalProperties at ${at}`);
				for (const name of Object.keys(value as Json))
					if (!known.includes(name)) errors.push(`${at}.${name}: not in the schema`);
				break;
			}
			case 'items':
				(value as unknown[]).forEach((item, i) =>
					errors.push(...schemaErrors(rule as Json, item, `${at}[${i}]`))
				);
				break;
			case 'oneOf': {
				const passing = (rule as Json[]).filter((s) => schemaErrors(s, value, at).length === 0);
				if (passing.length !== 1) errors.push(`${at}: matches ${passing.length} of oneOf`);
				break;
			}
			case 'minItems':
				if ((value as unknown[]).length < (rule as number)) errors.push(`${at}: too few items`);
				break;
			case 'maxItems':
				if ((value as unknown[]).length > (rule as number)) errors.push(`${at}: too many items`);
				break;
			case 'minLength':
				if ((value as string).length < (rule as number)) errors.push(`${at}: too short`);
				break;
			case 'maxLength':
				if ((value as string).length > (rule as number)) errors.push(`${at}: too long`);
				break;
			case 'pattern':
				if (!new RegExp(rule as string, 'u').test(value as string))
					errors.push(`${at}: does not match ${String(rule)}`);
				break;
			case 'exclusiveMinimum':
				if (!((value as number) > (rule as number))) errors.push(`${at}: too small`);
				break;
			case 'maximum':
				if ((value as number) > (rule as number)) errors.push(`${at}: too large`);
				break;
			default:
				throw new Error(`the test's checker does not know the keyword "${key}" (at ${at})`);
		}
	}
	return errors;
}

/** The first fenced block of a language in the authoring guide. */
function guideBlock(language: string): string {
	const guide = readFileSync('decks/README.md', 'utf8');
	const block = guide.match(new RegExp('```' + language + '\\n([\\s\\S]*?)```'))?.[1];
	if (block === undefined) throw new Error(`decks/README.md has no ${language} block`);
	return block;
}

/** The schema, made once: each making searches every text limit by trial (about a second). */
let made: Json | undefined;
const generated = () => (made ??= deckJsonSchema());

describe('the published deck JSON Schema', () => {
	it('is committed as generated: run `npx tsx scripts/deck-json-schema.ts` after a schema change', () => {
		const committed = readFileSync(DECK_JSON_SCHEMA_FILE, 'utf8');
		expect(committed).toBe(deckJsonSchemaText());
	});

	it('has a title, a description of what only the validator checks, and editor-readable draft-07', () => {
		const schema = generated();
		expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
		expect(schema.title).toBe('Recall deck');
		expect(schema.description).toMatch(/plain text.*occurs in the sourceFile/s);
		expect(schema.required).toEqual(['id', 'title', 'version', 'cards']);
	});

	it('carries the text limits that the zod schema writes as refine checks', () => {
		const schema = generated() as { properties: Record<string, Json> };
		expect(schema.properties.title).toMatchObject({
			minLength: 1,
			pattern: '\\S',
			maxLength: LIMITS.title
		});
		expect(schema.properties.description).toMatchObject({ maxLength: LIMITS.description });
		const cards = schema.properties.cards as { items: { oneOf: Json[] } };
		for (const variant of cards.items.oneOf) {
			const fields = variant.properties as Record<string, Json>;
			expect(fields.prompt).toMatchObject({ minLength: 1, maxLength: LIMITS.prompt });
			expect(fields.source).toMatchObject({ properties: { quote: { maxLength: LIMITS.quote } } });
		}
	});

	it('names every card kind, each with a line of help', () => {
		const schema = generated() as { properties: { cards: { items: { oneOf: Json[] } } } };
		const variants = schema.properties.cards.items.oneOf;
		expect(variants.map((v) => v.title).sort()).toEqual(CARD_KINDS.map((k) => `${k} card`).sort());
		for (const v of variants) expect(v.description).toEqual(expect.any(String));
	});

	it('accepts the example deck, which uses every kind of card and only fields the schema lists', () => {
		const schema = generated();
		const deck = parse(readFileSync(EXAMPLE, 'utf8')) as { cards: { kind: string }[] };
		expect(schemaErrors(schema, deck)).toEqual([]);
		expect(new Set(deck.cards.map((c) => c.kind))).toEqual(new Set(CARD_KINDS));
	});

	it('accepts the deck in the authoring guide, which the validator accepts too', () => {
		const text = guideBlock('yaml');
		const sourceText = guideBlock('text');
		const deck = parse(text) as { cards: { kind: string }[] };
		expect(schemaErrors(generated(), deck)).toEqual([]);
		expect(new Set(deck.cards.map((c) => c.kind))).toEqual(new Set(CARD_KINDS));
		const result = compileAuthoredDeck({
			file: 'decks/README.md',
			text,
			readSource: (name) => (name === 'source.txt' ? sourceText : undefined)
		});
		expect(result.ok ? [] : result.errors.map(formatError)).toEqual([]);
	});

	it('refuses what an editor should flag: an unknown field, a missing answer, a bad kind', () => {
		const schema = generated();
		const deck = parse(readFileSync(EXAMPLE, 'utf8')) as { colour?: string; cards: Json[] };
		deck.colour = 'red';
		delete deck.cards[0]!.answer;
		deck.cards[1]!.kind = 'flashcard';
		expect(schemaErrors(schema, deck)).toEqual([
			'$.cards[0]: matches 0 of oneOf',
			'$.cards[1]: matches 0 of oneOf',
			'$.colour: not in the schema'
		]);
	});
});
