// Regression tests for issue 13, section 3: text imports as a new learner met them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDeck } from '$lib/deck';
import { normaliseAnswer } from '$lib/quiz';
import { feedbackTexts } from '$lib/quiz/feedback';
import { isGenericName, literalText, prepareDeck, suggestTitle } from '$lib/transfer';
import { skippedByReason } from '$lib/transfer/notes';

const fixture = (name: string) => readFileSync(`tests/fixtures/imports/${name}`, 'utf8');

function prepared(name: string, text = fixture(name)) {
	const result = prepareDeck({ file: { name, text } });
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result;
}

describe('issue 13: a text import shows its back once', () => {
	it('an Anki card answered shows the back as the answer, not again as a quote', () => {
		const { deck } = prepared('anki-notes.txt');
		const speak = deck.cards.find((c) => c.prompt === 'hablar');
		expect(speak).toBeDefined();
		if (!speak) return;
		const texts = feedbackTexts(speak);
		const shown = [texts.answer, texts.explanation, texts.quote].filter(Boolean);
		expect(shown.filter((t) => t === 'to speak')).toHaveLength(1);
		expect(texts.quote).toBeUndefined();
	});

	it('the reverse card of a reversed note shows its front once too', () => {
		const { deck } = prepared('anki-notes.txt');
		const reverse = deck.cards.find((c) => c.id.endsWith('/reverse'));
		expect(reverse && feedbackTexts(reverse)).toEqual({ answer: 'ser' });
	});

	it('a quote that says more than the answer is still shown', () => {
		const { deck } = prepared('anki-notes.txt');
		const cloze = deck.cards.find((c) => c.kind === 'cloze');
		expect(cloze && feedbackTexts(cloze).quote).toBe('Tengo hambre y tienes sed.');
		const long = 'word '.repeat(60).trim();
		const { deck: shortened } = prepared('long.txt', `Define it\t${long}\n`);
		const card = shortened.cards[0];
		expect(card && feedbackTexts(card).quote).toBe(long);
	});
});

describe("issue 13: Anki's #html:false header", () => {
	it('keeps <b> and &amp; as written: nothing is stripped or decoded', () => {
		const result = prepared('anki-plain.txt');
		// Character for character: no invisible joiner or other mark hides in the text, so what the
		// learner copies or types is what the file said.
		expect(result.deck.cards.map((c) => [c.prompt, c.answer])).toEqual([
			['Which tag makes text bold?', '<b>'],
			['Escape for an ampersand?', '&amp;'],
			['Is 3 < 4?', 'yes, 3 < 4 & 4 > 3']
		]);
		expect(result.deck.cards.map((c) => c.tags)).toEqual([['html'], ['html'], ['maths']]);
	});

	it('the same fields under #html:true are read as HTML', () => {
		const text = fixture('anki-plain.txt').replace('#html:false', '#html:true');
		const result = prepareDeck({ file: { name: 'anki-html.txt', text } });
		// `<b>` alone is an empty field once read as HTML: that row is skipped.
		expect(result.ok && result.deck.cards.map((c) => c.answer)).toEqual([
			'&',
			'yes, 3 < 4 & 4 > 3'
		]);
	});

	it('says which header lines it did not use', () => {
		const result = prepared('anki-plain.txt');
		expect(result.warnings.map((w) => w.message)).toEqual([
			'header lines not used: #if matches:update current (an import keeps the progress of cards it already has and adds the others)'
		]);
	});

	it('text kept as written is accepted by the validator as literal text, and matches when typed', () => {
		const fields = [
			'<b>',
			'&amp;',
			'<script>alert(1)</script>',
			'javascript:alert(1)',
			'<img src=x onerror=alert(1)>',
			'&#60;svg&#62;'
		];
		const text = fields.map((f) => `Front ${f}\t${f}`).join('\n');
		const result = prepared('literal.txt', `#html:false\n${text}\n`);
		expect(result.deck.cards.map((c) => c.answer)).toEqual(fields);
		for (const field of fields) expect(literalText(field).text).toBe(field);
		expect(normaliseAnswer(literalText('<b>').text)).toBe(normaliseAnswer('<b>'));
	});

	it('a deck file that writes HTML is still refused: only a plain-text import is literal', () => {
		const deck = {
			schemaVersion: 1,
			id: 'tags',
			title: 'Tags',
			version: 1,
			cards: [{ id: 'bold', kind: 'basic', prompt: 'Bold?', answer: '<b>', source: { quote: 'q' } }]
		};
		expect(validateDeck(deck)).toEqual({
			ok: false,
			errors: [
				{
					path: 'cards[1].answer',
					keys: ['cards', 0, 'answer'],
					message:
						'must be plain text: remove the HTML tag "<b>" (the app shows text as written, never as HTML)'
				}
			]
		});
		expect(validateDeck(deck, { literalText: true }).ok).toBe(true);
		// Under #html:true the same field is read as HTML: a lone tag is an empty field.
		expect(prepareDeck({ file: { name: 'x.txt', text: '#html:true\nBold?\t<b>\n' } }).ok).toBe(
			false
		);
	});
});

describe('issue 13: skipped rows are counted for the Import button', () => {
	it('8 rows, 2 without a front or a back: 6 cards and the 2 rows with their reasons', () => {
		const result = prepared('quizlet-export.txt');
		expect(result.deck.cards).toHaveLength(6);
		expect(result.skipped).toEqual([
			{ line: 3, reason: 'the back is empty' },
			{ line: 5, reason: 'the front is empty' }
		]);
		// Not hidden among the notes any more.
		expect(result.warnings).toEqual([]);
	});

	it('many skipped rows are listed by reason, not one by one', () => {
		const rows = Array.from({ length: 500 }, (_, i) => ({
			line: i + 1,
			reason: 'the back is empty'
		}));
		expect(skippedByReason([...rows, { line: 501, reason: 'the front is empty' }])).toEqual([
			{ reason: 'the back is empty', lines: rows.map((r) => r.line) },
			{ reason: 'the front is empty', lines: [501] }
		]);
	});

	it('a row whose front is only a picture says so', () => {
		expect(prepared('anki-notes.txt').skipped).toEqual([
			{ line: 15, reason: 'the front is only a picture, and pictures are not imported' }
		]);
	});

	it('a first line with no separator is a skipped row too', () => {
		const result = prepared('list.txt', 'Vocabulary\nder Hund\tthe dog\n');
		expect(result.skipped).toEqual([
			{ line: 1, reason: 'no separator between term and definition' }
		]);
	});
});

describe('issue 13: a Quizlet import gets a sensible title', () => {
	it.each([
		['quizlet-export.txt', true],
		['Quizlet Export (2).txt', true],
		['untitled.txt', true],
		['flashcards.csv', true],
		['german.txt', false],
		['bio_101-cells.txt', false]
	])('%j is a generic name: %s', (name, generic) => {
		expect(isGenericName(name)).toBe(generic);
	});

	it('a generic file name gives the first questions; a real one is made readable', () => {
		expect(prepared('quizlet-export.txt').deck.title).toBe('der Hund, die Katze, das Auto…');
		expect(prepared('german.txt', fixture('quizlet-export.txt')).deck.title).toBe('German');
		expect(suggestTitle('bio_101-cells (1).txt', undefined, ['x'])).toBe('Bio 101 cells');
		expect(suggestTitle('export.txt', 'Spanish', ['x'])).toBe('Spanish');
		expect(suggestTitle('export.txt', undefined, ['one', 'two'])).toBe('one, two');
	});

	it('the learner can still name the deck', () => {
		const result = prepareDeck({
			file: { name: 'quizlet-export.txt', text: fixture('quizlet-export.txt') },
			title: 'German animals'
		});
		expect(result.ok && [result.deck.title, result.deck.id]).toEqual([
			'German animals',
			'german-animals'
		]);
	});
});
