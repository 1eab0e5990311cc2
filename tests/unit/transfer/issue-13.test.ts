// Regression tests for issue 13, section 3: text imports as a new learner met them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasMarkup } from '$lib/deck/schema';
import { normaliseAnswer } from '$lib/quiz';
import { feedbackTexts } from '$lib/quiz/feedback';
import { isGenericName, literalText, prepareDeck, suggestTitle } from '$lib/transfer';
import { skippedByReason } from '$lib/transfer/notes';

const fixture = (name: string) => readFileSync(`tests/fixtures/imports/${name}`, 'utf8');
/** What a reader sees: the invisible word joiner takes no space. */
const seen = (text: string) => text.replaceAll('\u2060', '');

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
		expect(result.deck.cards.map((c) => [seen(c.prompt), seen(c.answer)])).toEqual([
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

	it('text kept as written still passes the validator and matches when typed', () => {
		for (const field of [
			'<b>',
			'&amp;',
			'<script>alert(1)</script>',
			'javascript:alert(1)',
			'<img src=x onerror=alert(1)>',
			'&#60;svg&#62;'
		]) {
			const { text } = literalText(field);
			expect(hasMarkup(text)).toBe(false);
			expect(seen(text)).toBe(field);
		}
		expect(normaliseAnswer(literalText('<b>').text)).toBe(normaliseAnswer('<b>'));
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
