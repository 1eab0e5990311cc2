import { describe, expect, it } from 'vitest';
import { generateDeck, normaliseQuote, validateDeck, type FactDeckSpec } from '$lib/deck';
import articleSpec from '../../../decks/russia-japan-2plus2/deck';
import { ARTICLE, articleDeck } from '../../fixtures/decks';

describe('the article deck', () => {
	const deck = articleDeck();

	it('is a valid compiled deck with an id, a version and cards', () => {
		expect(validateDeck(deck, { sourceText: ARTICLE }).ok).toBe(true);
		expect(deck.schemaVersion).toBe(1);
		expect(deck.id).toBe('russia-japan-2plus2');
		expect(deck.version).toBeGreaterThanOrEqual(1);
	});

	it('has at least 12 cards on the four ministers, both ways', () => {
		const people = deck.cards.filter((c) => c.tags?.includes('people'));
		expect(people.length).toBeGreaterThanOrEqual(12);
		for (const name of ['Sergei Lavrov', 'Sergei Shoigu', 'Taro Kono', 'Takeshi Iwaya']) {
			expect(people.some((c) => c.prompt.includes(name))).toBe(true);
			expect(people.some((c) => c.answer === name)).toBe(true);
		}
		const lavrov = deck.cards.find((c) => c.id === 'lavrov-country/typed');
		expect(lavrov?.answer).toBe('Russia');
		expect(deck.cards.find((c) => c.id === 'iwaya-post/typed')?.answer).toBe('defence minister');
	});

	it('grounds every card in a verbatim span of the article', () => {
		const source = normaliseQuote(ARTICLE);
		for (const card of deck.cards) expect(source).toContain(normaliseQuote(card.source.quote));
	});

	it('regenerates byte for byte from unchanged facts', () => {
		expect(JSON.stringify(articleDeck())).toBe(JSON.stringify(deck));
	});

	it('changes only the cards of a fact that changed', () => {
		const spec = structuredClone(articleSpec) as FactDeckSpec;
		const fact = spec.facts[0]!;
		fact.question = `${fact.question.slice(0, -1)} in 2019?`.replace('in 2019? in', 'in');
		const changed = generateDeck(spec, { sourceText: ARTICLE });
		if (!changed.ok) throw new Error(JSON.stringify(changed.errors));
		const before = new Map(deck.cards.map((c) => [c.id, JSON.stringify(c)]));
		const differing = changed.deck.cards.filter((c) => before.get(c.id) !== JSON.stringify(c));
		expect(differing.length).toBeGreaterThan(0);
		expect(new Set(differing.map((c) => c.fact))).toEqual(new Set([fact.id]));
		expect(changed.deck.cards.map((c) => c.id)).toEqual(deck.cards.map((c) => c.id));
	});

	it('gives mcq cards three distinct wrong answers of the same type, never the answer', () => {
		const mcqs = deck.cards.filter((c) => c.kind === 'mcq');
		expect(mcqs.length).toBeGreaterThan(0);
		for (const card of mcqs) {
			if (card.kind !== 'mcq') continue;
			expect(new Set(card.distractors).size).toBe(3);
			expect(card.distractors).not.toContain(card.answer);
		}
	});
});

describe('generateDeck', () => {
	const spec = (facts: FactDeckSpec['facts']): FactDeckSpec => ({
		id: 'mini',
		title: 'Mini',
		version: 1,
		source: { title: 'Mini source' },
		facts
	});
	const fact = (id: string, answer: string, extra = {}) => ({
		id,
		question: `Who is ${id}?`,
		answer,
		type: 'person',
		statement: `{answer} is ${id}.`,
		quote: `${answer} is ${id}.`,
		...extra
	});

	it('reports a fact without enough same-type values for an mcq, with its place', () => {
		const result = generateDeck(spec([fact('a', 'Ann Lee'), fact('b', 'Bob Ray')]));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors[0]).toMatchObject({ path: 'facts[1].type' });
		expect(result.errors[0]?.message).toMatch(/too few distinct distractors/);
	});

	it('maps a quote missing from the source back to the fact', () => {
		const facts = [fact('a', 'Ann Lee', { kinds: ['typed'] })];
		const result = generateDeck(spec(facts), { file: 'x/deck.ts', sourceText: 'Nothing here.' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toContainEqual({
			file: 'x/deck.ts',
			path: 'facts[1].quote',
			keys: ['facts', 0, 'quote'],
			message: 'is not in the source text: copy a sentence from the source word for word'
		});
	});

	it('accepts a unique surname and other written forms of a date', () => {
		const facts = [
			fact('a', 'Ann Lee', { kinds: ['typed'] }),
			{ ...fact('d', 'November 2013', { kinds: ['typed'] }), type: 'date' }
		];
		const result = generateDeck(spec(facts));
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(result.deck.cards[0]?.accept).toEqual(['Lee']);
		expect(result.deck.cards[1]?.accept).toEqual(['Nov 2013', '11/2013', '2013-11']);
	});
});
