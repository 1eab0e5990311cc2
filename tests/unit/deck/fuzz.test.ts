import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileAuthoredDeck, validateDeck } from '$lib/deck';
import { smallDeck } from '../../fixtures/decks';
import { expectWellFormed } from '../../fixtures/errors';

const junk = fc.oneof(
	fc.constant(undefined),
	fc.constant(null),
	fc.boolean(),
	fc.double(),
	fc.integer(),
	fc.string({ maxLength: 20 }),
	fc.string({ minLength: 900, maxLength: 1200 }),
	fc.constantFrom(
		'<script>alert(1)</script>',
		'<img src=x onerror=alert(1)>',
		'javascript:alert(1)',
		'&lt;b&gt;',
		'',
		'   '
	),
	fc.array(fc.string(), { maxLength: 3 }),
	fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 })
);

/** A valid deck with one field somewhere replaced, removed or added. */
const mutatedDeck = fc
	.record({
		cardIndex: fc.nat(4),
		target: fc.constantFrom('deck', 'card', 'source'),
		field: fc.constantFrom(
			'id',
			'title',
			'version',
			'schemaVersion',
			'cards',
			'kind',
			'prompt',
			'answer',
			'distractors',
			'accept',
			'quote',
			'extra'
		),
		value: junk,
		remove: fc.boolean()
	})
	.map(({ cardIndex, target, field, value, remove }) => {
		const deck = structuredClone(smallDeck(5)) as unknown as Record<string, unknown> & {
			cards: Record<string, unknown>[];
		};
		const card = deck.cards[cardIndex]!;
		const holder =
			target === 'deck'
				? deck
				: target === 'card'
					? card
					: (card.source as Record<string, unknown>);
		if (remove) delete holder[field];
		else holder[field] = value;
		return deck;
	});

describe('fuzzed decks', () => {
	it('the validator never throws on 1,000 mutated decks, and every refusal names its place', () => {
		let refused = 0;
		fc.assert(
			fc.property(mutatedDeck, (deck) => {
				const result = validateDeck(deck, { file: 'fuzz.json' });
				if (!result.ok) {
					refused++;
					expectWellFormed(result.errors);
				}
			}),
			{ numRuns: 1000, seed: 2026 }
		);
		expect(refused).toBeGreaterThan(500);
	});

	it('the validator never throws on 1,000 arbitrary JSON values', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				const result = validateDeck(value);
				expect(result.ok).toBe(false);
				if (!result.ok) expectWellFormed(result.errors);
			}),
			{ numRuns: 1000, seed: 7 }
		);
	});

	it('the YAML compiler never throws on 1,000 broken texts, and errors carry lines', () => {
		const good = `id: fuzz\ntitle: Fuzz\nversion: 1\ncards:\n  - id: a\n    kind: basic\n    prompt: Q?\n    answer: A\n    source:\n      quote: A is the answer.\n`;
		const broken = fc.oneof(
			fc.string({ maxLength: 300 }),
			fc
				.tuple(fc.nat(good.length), fc.nat(20), fc.string({ maxLength: 10 }))
				.map(([at, cut, insert]) => good.slice(0, at) + insert + good.slice(at + cut)),
			fc.constantFrom('a: &x [*x]', 'a: !!binary xyz', '? [a\n', '{"id": "x"', '\uFEFFid: x')
		);
		fc.assert(
			fc.property(broken, (text) => {
				const result = compileAuthoredDeck({ file: 'fuzz.yaml', text });
				if (!result.ok) expectWellFormed(result.errors);
			}),
			{ numRuns: 1000, seed: 11 }
		);
	});
});
