import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatError } from '$lib/deck/errors';
import { hasMarkup } from '$lib/deck/schema';
import { checkTitle, detectFormat, prepareDeck, titleFromName } from '$lib/transfer';
import { smallDeck } from '../../fixtures/decks';
import { HOSTILE_CSV_PROMPTS } from '../../fixtures/imports/hostile';

const fixture = (name: string) => readFileSync(`tests/fixtures/imports/${name}`, 'utf8');
const basics = readFileSync('decks/two-plus-two-basics/deck.yaml', 'utf8');
const basicsSource = readFileSync('decks/two-plus-two-basics/source.txt', 'utf8');

describe('detectFormat', () => {
	it('goes by the file name, then by the first lines', () => {
		expect(detectFormat('a.json', '')).toBe('deck-json');
		expect(detectFormat('a.yml', '')).toBe('deck-yaml');
		expect(detectFormat('a.txt', '#separator:tab\n')).toBe('anki');
		expect(detectFormat('a.csv', 'front,back\nq,a\n')).toBe('csv');
		expect(detectFormat('a.txt', 'term\tdefinition\n')).toBe('quizlet');
		expect(detectFormat('download', '{"id":"x"}')).toBe('deck-json');
		expect(detectFormat('download', 'id: x\ncards: []\n')).toBe('deck-yaml');
	});
});

describe('prepareDeck', () => {
	it('accepts a compiled deck JSON as the build validator does', () => {
		const deck = smallDeck(3);
		const result = prepareDeck({ file: { name: 'small.json', text: JSON.stringify(deck) } });
		expect(result).toEqual({
			ok: true,
			format: 'deck-json',
			deck,
			warnings: [],
			named: false,
			skipped: [],
			literalText: false
		});
	});

	it('lists every error of a deck JSON with its line, column and path', () => {
		const result = prepareDeck({
			file: { name: 'hostile-deck.json', text: fixture('hostile-deck.json') }
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.map(formatError)).toEqual([
			'hostile-deck.json:4:2 title: must be plain text: remove the HTML tag "<a" (the app shows text as written, never as HTML)',
			'hostile-deck.json:5:2 description: must be plain text: remove the script attribute "onmouseover=" (the app shows text as written, never as HTML)',
			'hostile-deck.json:9:3 source.url: must be a web address starting with https:// or http://',
			'hostile-deck.json:15:4 cards[1].prompt: must be plain text: remove the HTML tag "<script>" (the app shows text as written, never as HTML)',
			'hostile-deck.json:25:4 cards[2].answer: must be plain text: remove the HTML tag "<img" (the app shows text as written, never as HTML)',
			'hostile-deck.json:35:4 cards[3].explanation: must be plain text: remove the HTML tag "<svg" (the app shows text as written, never as HTML)',
			'hostile-deck.json:46:5 cards[4].source.quote: must be plain text: remove the script link "javascript:" (the app shows text as written, never as HTML)',
			'hostile-deck.json:54:15 cards[5].accept[1]: must be plain text: write the character itself instead of the HTML entity "&lt;" (the app shows text as written, never as HTML)',
			'hostile-deck.json:66:5 cards[6].distractors[2]: must be plain text: remove the HTML tag "<iframe" (the app shows text as written, never as HTML)',
			'hostile-deck.json:67:5 cards[6].distractors[3]: must be plain text: write the character itself instead of the HTML entity "&#60;" (the app shows text as written, never as HTML)'
		]);
	});

	it('says where JSON stops making sense, and refuses a backup given as a deck', () => {
		const broken = prepareDeck({ file: { name: 'b.json', text: '{\n  "id": "x",\n  oops\n}' } });
		expect(broken.ok ? [] : broken.errors.map(formatError)).toEqual([
			expect.stringMatching(/^b\.json:3:\d+ not valid JSON: /)
		]);
		const backup = prepareDeck({
			file: { name: 'b.json', text: '{"format":"recall-backup","version":1}' }
		});
		expect(backup.ok ? '' : backup.errors[0]?.message).toMatch(/a Recall backup, not a deck/);
	});

	it('compiles a YAML deck, checking quotes when its source file comes with it', () => {
		const withSource = prepareDeck({
			file: { name: 'deck.yaml', text: basics },
			others: [{ name: 'source.txt', text: basicsSource }]
		});
		expect(withSource.ok && withSource.deck.cards.length).toBe(10);
		expect(withSource.warnings).toEqual([]);
		const alone = prepareDeck({ file: { name: 'deck.yaml', text: basics } });
		expect(alone.ok).toBe(true);
		expect(alone.warnings.map(formatError)).toEqual([
			'deck.yaml sourceFile: quotes were not checked against "source.txt": choose it together with the deck file to check them'
		]);
		const wrongQuote = prepareDeck({
			file: { name: 'deck.yaml', text: basics },
			others: [{ name: 'source.txt', text: 'Some other text.' }]
		});
		expect(wrongQuote.ok ? [] : wrongQuote.errors.map(formatError)[0]).toMatch(
			/^deck\.yaml:\d+:\d+ cards\[1\]\.source\.quote: is not in the source text: copy a sentence from the source word for word$/
		);
	});

	it('makes a named deck from a text export; the title gives the id', () => {
		const result = prepareDeck({
			file: { name: 'anki-notes.txt', text: fixture('anki-notes.txt') }
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result).toMatchObject({ format: 'anki', named: true });
		expect(result.deck).toMatchObject({
			id: 'spanish',
			title: 'Spanish',
			version: 1,
			source: { title: 'anki-notes.txt' }
		});
		expect(result.deck.cards).toHaveLength(9);
		const renamed = prepareDeck({
			file: { name: 'anki-notes.txt', text: fixture('anki-notes.txt') },
			title: 'Verbos españoles',
			url: 'https://example.org/anki-notes.txt'
		});
		expect(renamed.ok && renamed.deck).toMatchObject({
			id: 'verbos-espanoles',
			title: 'Verbos españoles',
			source: { url: 'https://example.org/anki-notes.txt' }
		});
	});

	it('reads a text file as another format when told to', () => {
		const text = '#separator:tab\nq\ta\n';
		const asQuizlet = prepareDeck({ file: { name: 'x.txt', text }, format: 'quizlet' });
		expect(asQuizlet.ok && asQuizlet.deck.cards.map((c) => c.prompt)).toEqual(['q']);
		expect(asQuizlet.ok && asQuizlet.format).toBe('quizlet');
	});

	it('strips every payload of a hostile CSV and keeps the questions', () => {
		const result = prepareDeck({ file: { name: 'hostile.csv', text: fixture('hostile.csv') } });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const texts = result.deck.cards.flatMap((c) => [c.prompt, c.answer, c.source.quote]);
		expect(texts.filter(hasMarkup)).toEqual([]);
		expect(texts.join('\n')).not.toMatch(/<|javascript:|onerror|onload|evil\.example/i);
		expect(result.deck.cards.map((c) => c.prompt)).toEqual(HOSTILE_CSV_PROMPTS);
		expect(result.warnings.map((w) => w.message.split(':')[0])).toEqual([
			'text that looked like HTML or a script was removed',
			'images are not imported and were left out'
		]);
		expect(result.skipped.map((s) => s.line)).toEqual([18]);
	});

	it('reports a text row that cannot be a card at its line, and writes nothing', () => {
		const result = prepareDeck({
			file: { name: 'long.txt', text: `ok\tfine\n${'x'.repeat(500)}\tback\n` }
		});
		expect(result.ok ? [] : result.errors.map(formatError)).toEqual([
			"long.txt:2:1 front: has 500 characters; a card's question can have at most 400"
		]);
	});

	it('explains a stray quote in a CSV field in words, at its line', () => {
		const result = prepareDeck({
			file: { name: 'cities.csv', text: 'front,back\nCapital of France?,"Paris" city\nB?,b\n' }
		});
		const said = result.ok ? [] : result.errors.map(formatError);
		expect(said).toContain(
			'cities.csv:2:1 a quoted field has text after its closing ": write a " inside a field as ""'
		);
		expect(said.join('\n')).not.toMatch(/Trailing quote|malformed/);
	});

	it('names a text deck from its file name, as plain text', () => {
		expect(titleFromName('spanish_verbs-2.txt')).toBe('Spanish verbs 2');
		expect(titleFromName('x<svg onload=alert(1)>y.csv')).toBe('Xy');
	});
});

describe('checkTitle', () => {
	it('gives the id a title makes, or what is wrong with it', () => {
		expect(checkTitle('Spanish verbs')).toEqual({ id: 'spanish-verbs', errors: [] });
		expect(checkTitle('<b>Bold</b>').errors.map(formatError)).toEqual([
			'title: must be plain text: remove the HTML tag "<b>" (the app shows text as written, never as HTML)'
		]);
		expect(checkTitle('   ').errors.map(formatError)).toEqual([
			'title: must not be empty: write some text'
		]);
	});
});
