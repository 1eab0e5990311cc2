import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { compileAuthoredDeck } from '$lib/deck';
import { assignCardIds, slugFromPrompt, uniqueCardId } from '$lib/deck/card-id';
import { checkQuote, clozeFrom, quoteOf, sentenceAround } from '$lib/deck/quote';
import { distractorWarnings, suggestDistractors } from '$lib/deck/distractors';
import { authoredDeck, draftDeck, emptyCard, emptyDeck, type DraftCard } from '$lib/deck/draft';
import { writeDeckYaml } from '$lib/deck/yaml-writer';

describe('card ids from prompts', () => {
	it('keeps the meaningful words, lower-case, joined by -', () => {
		expect(slugFromPrompt('Who was the first person to walk on the Moon?')).toBe(
			'first-person-walk-moon'
		);
		expect(slugFromPrompt('Écrit à Zürich: ___ 1969!')).toBe('ecrit-zurich-1969');
		expect(slugFromPrompt('¿?')).toBe('card');
		expect(slugFromPrompt('日本')).toBe('card');
	});
	it('is unique in the deck', () => {
		const taken = new Set(['lunar-module-called', 'lunar-module-called-2']);
		expect(uniqueCardId('The lunar module was called ___.', taken)).toBe('lunar-module-called-3');
	});
	it('never changes a published id; new cards never take one', () => {
		const cards = [
			{ id: 'moon-landing', prompt: 'Something else entirely now' },
			{ id: '', prompt: 'Moon landing' },
			{ id: 'old-draft-id', prompt: 'Moon landing' }
		];
		expect(assignCardIds(cards, new Set(['moon-landing']))).toEqual([
			'moon-landing',
			'moon-landing-2',
			'moon-landing-3'
		]);
	});
	it('gives every id a form the schema accepts', () => {
		for (const p of ['A  --  b', 'x'.repeat(300), '1969', 'Fill ___ in'])
			expect(uniqueCardId(p, new Set())).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
	});
});

const SOURCE =
	'Apollo 11 was the first crewed mission to land on the Moon. The lunar module was called Eagle.\nMichael Collins stayed in orbit.';
const span = (phrase: string) => {
	const start = SOURCE.indexOf(phrase);
	return { start, end: start + phrase.length };
};

describe('select to quote and to cloze', () => {
	it('quotes the selection verbatim, trimmed', () => {
		expect(quoteOf(SOURCE, { start: 59, end: 94 })).toBe('The lunar module was called Eagle.');
	});
	it('finds the sentence around a phrase, stopping at a line break', () => {
		const s = sentenceAround(SOURCE, span('Collins'));
		expect(SOURCE.slice(s.start, s.end)).toBe('Michael Collins stayed in orbit.');
		const t = sentenceAround(SOURCE, span('crewed'));
		expect(SOURCE.slice(t.start, t.end)).toBe(
			'Apollo 11 was the first crewed mission to land on the Moon.'
		);
	});
	it('makes a cloze: sentence with the phrase blanked, phrase as answer, sentence as quote', () => {
		expect(clozeFrom(SOURCE, span('Eagle'))).toEqual({
			prompt: 'The lunar module was called ___.',
			answer: 'Eagle',
			quote: 'The lunar module was called Eagle.'
		});
		expect(clozeFrom(SOURCE, { start: 3, end: 3 })).toBeUndefined();
	});
	it('checks a quote against the source and shows where a near miss differs', () => {
		expect(checkQuote('the lunar module  was called Eagle.', SOURCE)).toEqual({
			found: false,
			matched: '',
			differs: 'the lunar module was called Eagle.'
		});
		expect(checkQuote('The lunar module was called Eagle.', SOURCE)).toEqual({ found: true });
		expect(checkQuote('The lunar module was named Eagle.', SOURCE)).toEqual({
			found: false,
			matched: 'The lunar module was ',
			differs: 'named Eagle.',
			expected: 'called Eagle.'
		});
	});
});

describe('distractors', () => {
	const card = (answer: string, answerType: string, extra: Partial<DraftCard> = {}) => ({
		...emptyCard('mcq'),
		answer,
		answerType,
		...extra
	});
	it('suggests answers of the same type from elsewhere in the deck, never the answer', () => {
		const cards = [
			card('Neil Armstrong', 'person', { accept: ['Armstrong'], distractors: ['', '', ''] }),
			card('Buzz Aldrin', 'person', { distractors: ['Neil Armstrong', 'Yuri Gagarin', ''] }),
			card('Eagle', 'name'),
			card('armstrong', 'person')
		];
		expect(suggestDistractors(cards, 0)).toEqual(['Buzz Aldrin', 'Yuri Gagarin']);
	});
	it('warns when a distractor is the answer or an accepted answer', () => {
		expect(
			distractorWarnings(
				card('Eagle', 'name', {
					accept: ['The Eagle'],
					distractors: ['eagle ', 'the eagle', 'Columbia']
				})
			)
		).toEqual(['is the answer', 'is an accepted answer', undefined]);
	});
});

function deckFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return deckFiles(path);
		return /\.ya?ml$/.test(name) ? [path] : [];
	});
}

describe('YAML written by the studio', () => {
	const files = deckFiles('decks');
	it('finds the deck files', () => expect(files.length).toBeGreaterThan(0));
	for (const file of files) {
		it(`${file}: YAML -> studio -> YAML is byte-stable apart from the version`, () => {
			const text = readFileSync(file, 'utf8');
			const value = parseDocument(text).toJS() as Record<string, unknown>;
			const draft = draftDeck(value, value.sourceFile ? 'the source' : '');
			expect(writeDeckYaml(authoredDeck(draft), text)).toBe(text);
			draft.version += 1;
			const bumped = writeDeckYaml(authoredDeck(draft), text);
			expect(bumped).toBe(text.replace(/^version: \d+$/m, `version: ${draft.version}`));
		});
		it(`${file}: written from scratch, it passes the deck check and reads back the same`, () => {
			const text = readFileSync(file, 'utf8');
			const value = parseDocument(text).toJS() as Record<string, unknown>;
			const sourceText = value.sourceFile
				? readFileSync(join(dirname(file), String(value.sourceFile)), 'utf8')
				: '';
			const draft = draftDeck(value, sourceText);
			const written = writeDeckYaml(authoredDeck(draft));
			const compiled = compileAuthoredDeck({ file, text: written, sourceText });
			expect(compiled.ok ? [] : compiled.errors).toEqual([]);
			const original = compileAuthoredDeck({ file, text, sourceText });
			if (original.ok && compiled.ok) expect(compiled.deck).toEqual(original.deck);
			expect(written.split('\n').every((l) => l.length <= 100)).toBe(true);
			// An edited card is written in the files' style; the others stay as they were.
			draft.cards[0]!.explanation = 'A new explanation: with a colon, and "quotes" # hash';
			const edited = writeDeckYaml(authoredDeck(draft), text);
			const back = compileAuthoredDeck({ file, text: edited, sourceText });
			expect(back.ok && back.deck.cards[0]?.explanation).toBe(draft.cards[0]!.explanation);
		});
	}
	it('writes a new deck with awkward text that reads back the same', () => {
		const draft = emptyDeck();
		Object.assign(draft, { id: 'x', title: "It's: [odd] # really", sourceText: '' });
		draft.cards.push({
			...emptyCard('truefalse'),
			id: 'a',
			prompt: 'Is "True" true? ' + 'word '.repeat(40).trim(),
			answer: 'False',
			tags: ['a', 'b'],
			quote: 'مرحبا 👋 — right-to-left'
		});
		const text = writeDeckYaml(authoredDeck(draft));
		const back = compileAuthoredDeck({ file: 'x.yaml', text });
		expect(back.ok ? back.deck.cards[0] : back.errors).toMatchObject({
			answer: 'False',
			prompt: draft.cards[0]!.prompt,
			source: { quote: 'مرحبا 👋 — right-to-left' }
		});
		expect(back.ok && back.deck.title).toBe("It's: [odd] # really");
	});
});
