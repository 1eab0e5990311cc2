import { describe, expect, it } from 'vitest';
import { deckToCsv, guardCell, prepareDeck, unguardCell } from '$lib/transfer';
import { articleDeck } from '../../fixtures/decks';
import type { Deck } from '$lib/deck/schema';

const deck: Deck = {
	schemaVersion: 1,
	id: 'mixed',
	title: 'Mixed',
	version: 3,
	cards: [
		{
			id: 'comma',
			kind: 'basic',
			prompt: 'A, B or "C"?',
			answer: 'B',
			source: { quote: 'It was B.\nNot C.' },
			tags: ['letters', 'quiz']
		},
		{ id: 'minus', kind: 'basic', prompt: 'Lowest?', answer: '-40', source: { quote: 'q' } },
		{
			id: 'why',
			kind: 'truefalse',
			prompt: 'The sky is green.',
			answer: 'False',
			explanation: 'It is blue.',
			source: { quote: 'The sky is blue.' }
		}
	]
};

describe('deckToCsv', () => {
	it('writes RFC 4180 CSV with a header, a BOM, CRLF and guarded formula cells', () => {
		expect(deckToCsv(deck)).toBe(
			'\ufefffront,back,explanation,quote,tags,id\r\n' +
				'"A, B or ""C""?",B,,"It was B.\nNot C.",letters quiz,comma\r\n' +
				"Lowest?,'-40,,q,,minus\r\n" +
				'The sky is green.,False,It is blue.,The sky is blue.,,why\r\n'
		);
		expect(guardCell('=1+1')).toBe("'=1+1");
		expect(unguardCell("'=1+1")).toBe('=1+1');
		expect(unguardCell("'tis")).toBe("'tis");
	});

	it('reads back with the same ids, questions, answers, quotes and tags', () => {
		for (const source of [deck, articleDeck()]) {
			const back = prepareDeck({ file: { name: `${source.id}.csv`, text: deckToCsv(source) } });
			expect(back.ok && back.format).toBe('csv');
			if (!back.ok) return;
			const fields = (d: Deck) =>
				d.cards.map((c) => [c.id, c.prompt, c.answer, c.source.quote, c.tags ?? []]);
			expect(fields(back.deck)).toEqual(fields(source));
		}
	});
});
