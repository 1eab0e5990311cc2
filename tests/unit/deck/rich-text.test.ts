import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import RichText from '$lib/components/RichText.svelte';
import { escapeRich, isFormatted, parseRich, richPlain } from '$lib/deck/rich-text';
import { validateDeck } from '$lib/deck/validate';
import { authoredCard, draftCard } from '$lib/deck/draft';

const card = (extra: Record<string, unknown>) => ({
	id: 'water',
	kind: 'basic',
	prompt: 'What is H2O?',
	answer: 'Water',
	source: { quote: 'Water is H2O.' },
	...extra
});
const deck = (c: unknown) => ({
	schemaVersion: 1,
	id: 'chem',
	title: 'Chemistry',
	version: 1,
	cards: [c]
});

describe('formatted card text', () => {
	it('reads marks, lines and lists, and says the same as its plain text without them', () => {
		expect(parseRich('What is **H~2~O**?')).toEqual([
			{
				kind: 'line',
				content: [
					{ text: 'What is ' },
					{
						tag: 'b',
						children: [{ text: 'H' }, { tag: 'sub', children: [{ text: '2' }] }, { text: 'O' }]
					},
					{ text: '?' }
				]
			}
		]);
		expect(parseRich('Steps:\n1. *mix*\n2. __stir__\n- x^2^')).toEqual([
			{ kind: 'line', content: [{ text: 'Steps:' }] },
			{
				kind: 'ol',
				items: [
					[{ tag: 'i', children: [{ text: 'mix' }] }],
					[{ tag: 'u', children: [{ text: 'stir' }] }]
				]
			},
			{ kind: 'ul', items: [[{ text: 'x' }, { tag: 'sup', children: [{ text: '2' }] }]] }
		]);
		expect(richPlain('Steps:\n1. *mix*\n2. __stir__')).toBe('Steps:\nmix\nstir');
		expect(isFormatted('plain \\*text\\*')).toBe(false);
		expect(isFormatted('- a list')).toBe(true);
	});

	it('escapes text so that no character of it becomes a mark or a list', () => {
		const text = '- 2*3 = 6, a_b ~ c^d \\ e\n1. not a list';
		expect(richPlain(escapeRich(text))).toBe(text);
		expect(isFormatted(escapeRich(text))).toBe(false);
	});

	it('is checked: it must read as its plain field, and its text is plain text', () => {
		expect(validateDeck(deck(card({ rich: { prompt: 'What is **H~2~O**?' } }))).ok).toBe(true);
		const wrong = validateDeck(deck(card({ rich: { prompt: 'What is **CO~2~**?' } })));
		expect(!wrong.ok && wrong.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
			'cards[1].rich.prompt: must read as the card\'s prompt once its formatting is removed: it reads "What is CO2?"'
		]);
		const script = validateDeck(
			deck(card({ prompt: 'x', rich: { prompt: '**<script>alert(1)</script>**' } }))
		);
		expect(!script.ok && script.errors[0]?.message).toMatch(
			/must be plain text: remove the HTML tag "<script>"/
		);
		const unknown = validateDeck(deck(card({ rich: { quote: '**x**' } })));
		expect(unknown.ok).toBe(false);
	});

	it('survives the studio while it reads as its field, and is left out once the field is edited', () => {
		const draft = draftCard(card({ rich: { prompt: 'What is **H~2~O**?', answer: '*Water*' } }));
		expect(authoredCard(draft).rich).toEqual({ prompt: 'What is **H~2~O**?', answer: '*Water*' });
		expect(authoredCard({ ...draft, prompt: 'What is CO2?' }).rich).toEqual({ answer: '*Water*' });
	});

	it('renders as elements of its fixed list only; text that looks like HTML stays text', () => {
		const { body } = render(RichText, {
			props: {
				markup:
					'**<img src=x onerror=alert(1)>** H~2~O\n- <script>alert(1)</script>\n- *javascript:alert(1)*'
			}
		});
		const html = body.replace(/<!--[^>]*-->/g, '');
		expect(html).toContain('<b>&lt;img src=x onerror=alert(1)></b>');
		expect(html).toContain('H<sub>2</sub>O');
		expect(html).toContain('<li>&lt;script>alert(1)&lt;/script></li>');
		expect(html).toContain('<li><i>javascript:alert(1)</i></li>');
		expect(html).not.toMatch(/<(img|script|iframe|svg|a)\b/);
	});

	it('draws a cloze blank in formatted text', () => {
		const { body } = render(RichText, {
			props: { markup: '**Paris** is the capital of \\_\\_\\_.', blanks: true }
		});
		const html = body.replace(/<!--[^>]*-->/g, '');
		expect(html).toContain('<b>Paris</b>');
		expect(html).toMatch(
			/class="blank[^"]*"><span class="visually-hidden">blank<\/span><\/span>\./
		);
	});
});
