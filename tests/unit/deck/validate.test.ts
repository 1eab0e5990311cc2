import { describe, expect, it } from 'vitest';
import { compileAuthoredDeck, formatError, validateDeck } from '$lib/deck';
import { smallDeck } from '../../fixtures/decks';

describe('validateDeck', () => {
	it('accepts a well-formed deck', () => {
		expect(validateDeck(smallDeck(3))).toMatchObject({ ok: true });
	});

	it('names the path and the problem of each error, all in one run, cards counted from 1', () => {
		const deck = smallDeck(3) as unknown as { cards: Record<string, unknown>[] };
		deck.cards[1]!.prompt = '  ';
		deck.cards[2]!.id = 'c0';
		delete deck.cards[0]!.answer;
		const result = validateDeck(deck, { file: 'deck.json' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.map(formatError)).toEqual([
			'deck.json cards[1].answer: is missing: add "answer:" with the correct answer',
			'deck.json cards[2].prompt: must not be empty: write some text',
			'deck.json cards[3].id: "c0" is already the id of cards[1]: give each card its own id, for example "c0-2"'
		]);
	});

	it('says which field was meant, and where a quote stops matching the source', () => {
		const deck = smallDeck(2) as unknown as { cards: Record<string, unknown>[] };
		deck.cards[1]!.anwser = deck.cards[1]!.answer;
		delete deck.cards[1]!.answer;
		deck.cards[0]!.source = { quote: 'Paris is the capital of Germany.' };
		const result = validateDeck(deck, { sourceText: 'Paris is the capital of France. Quote c1' });
		expect(result.ok ? [] : result.errors.map(formatError)).toEqual([
			'cards[1].source.quote: is not in the source text: it matches up to "Paris is the capital of", then the source does not go on with "Germany."; copy the sentence from the source word for word',
			'cards[2].answer: is missing: add "answer:" with the correct answer',
			'cards[2].anwser: unknown field "anwser": did you mean "answer"? The fields of a card are id, kind, prompt, answer, answerType, accept, distractors, explanation, tags, subdeck, fact, source, image, audio, rich'
		]);
	});

	it('refuses markup and scripts in any text', () => {
		const deck = smallDeck(1);
		deck.cards[0]!.prompt = 'Hi <img src=x onerror=alert(1)>';
		const result = validateDeck(deck);
		expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['cards[1].prompt']);
	});
});

describe('compileAuthoredDeck', () => {
	const yaml = `id: capitals
title: Capitals
version: 1
cards:
  - id: france
    kind: basic
    prompt: Capital of France?
    answer: Paris
    source:
      quote: Paris is the capital of France.
  - id: spain
    kind: basic
    prompt: Capital of Spain?
    answer: ""
    colour: red
    source:
      quote: Madrid is the capital of Spain.
`;

	it('reports errors with the line and column of the offending field', () => {
		const result = compileAuthoredDeck({ file: 'decks/capitals.yaml', text: yaml });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.map(formatError)).toEqual([
			'decks/capitals.yaml:14:5 cards[2].answer: must not be empty: write some text',
			'decks/capitals.yaml:15:5 cards[2].colour: unknown field "colour": remove it, or use one of the fields of a card: id, kind, prompt, answer, answerType, accept, distractors, explanation, tags, subdeck, fact, source, image, audio, rich'
		]);
	});

	it('reads an unquoted True or False of a true/false card as the word', () => {
		const text = `id: tf
title: TF
version: 1
cards:
  - id: paris
    kind: truefalse
    prompt: Paris is the capital of France.
    answer: True
    source:
      quote: Paris is the capital of France.
`;
		const result = compileAuthoredDeck({ file: 'tf.yaml', text });
		expect(result.ok && result.deck.cards[0]?.answer).toBe('True');
	});

	it('reports broken YAML with its place', () => {
		const result = compileAuthoredDeck({ file: 'bad.yaml', text: 'id: [unclosed\n' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors[0]).toMatchObject({ file: 'bad.yaml', line: 2 });
		expect(result.errors[0]?.message).toMatch(/^not valid YAML/);
	});

	it('compiles a valid deck to the compiled shape', () => {
		const fixed = yaml.replace('answer: ""', 'answer: Madrid').replace('    colour: red\n', '');
		const result = compileAuthoredDeck({ file: 'decks/capitals.yaml', text: fixed });
		expect(result).toMatchObject({ ok: true, deck: { schemaVersion: 1, id: 'capitals' } });
	});
});
