import { describe, expect, it } from 'vitest';
import { toPlainText } from '$lib/transfer/html-text';
import { toRichText } from '$lib/transfer/rich-html';
import { readPackage } from '$lib/transfer/apkg/read-package';
import { richPlain } from '$lib/deck/rich-text';
import { BASIC, CLOZE, loadSqlite, makePackage } from '../../fixtures/anki-packages';

const rich = (html: string) => toRichText(html, toPlainText(html).text);

describe('issue 15: an Anki field’s formatting', () => {
	it.each([
		['H<sub>2</sub>O is <b>water</b>', 'H~2~O is **water**'],
		[
			'<strong>bold</strong> <em>italic</em> <u>under</u> x<sup>2</sup>',
			'**bold** *italic* __under__ x^2^'
		],
		['one<br>two<div><i>three</i></div>', 'one\ntwo\n*three*'],
		['Parts:<ul><li>root</li><li><b>stem</b></li></ul>', 'Parts:\n- root\n- **stem**'],
		['<ol><li>mix</li><li>stir</li></ol>', '1. mix\n2. stir'],
		// Text that would read as marks is escaped, and a bold left open ends with its line.
		['<b>2*3</b> = a_b', '**2\\*3** = a\\_b'],
		['<b>open <i>both</b> end', '**open *both** end'],
		['<B CLASS="x" STYLE="color:red">caps</B>', '**caps**']
	])('%s -> %s', (html, expected) => {
		expect(rich(html)).toBe(expected);
		expect(richPlain(expected).replace(/\s+/g, ' ')).toBe(
			toPlainText(html).text.replace(/\s+/g, ' ')
		);
	});

	it('leaves a field without formatting as plain text only', () => {
		expect(rich('just text')).toBeUndefined();
		expect(rich('<span style="color:red">red</span>')).toBeUndefined();
		// Written as entities, a tag is text the learner wrote, not formatting.
		expect(rich('&lt;b&gt;not bold&lt;/b&gt;')).toBeUndefined();
	});

	it.each([
		'<b onclick="alert(1)">x</b>',
		'<i><script>alert(1)</script>y</i>',
		'<sub><img src=x onerror=alert(1)>z</sub>',
		'<u><a href="javascript:alert(1)">link</a></u>',
		'<b><iframe src="https://evil.example"></iframe>w</b>',
		'<ul><li><svg onload=alert(1)><b>s</b></svg>v</li></ul>',
		'<b>&lt;script&gt;alert(1)&lt;/script&gt;t</b>',
		'<b style="background:url(javascript:alert(1))">u</b>'
	])('keeps no script, handler, frame or link of %s', (html) => {
		const out = rich(html) ?? '';
		expect(out).not.toMatch(/<|onerror|onload|onclick|javascript:|iframe|evil\.example|alert/i);
	});

	it('comes with the cards of a package: prompt and answer formatted, cloze blanks kept', async () => {
		const r = await readPackage({
			name: 'chem.apkg',
			loadSqlite,
			chunks: [
				await makePackage({
					layout: 'anki21',
					notetypes: [BASIC, CLOZE],
					decks: [{ id: 2, name: 'Chemistry' }],
					notes: [
						{
							id: 1,
							guid: 'water',
							mid: BASIC.id,
							fields: [
								'What is H<sub>2</sub>O?<script>alert(1)</script>',
								'<b>Water</b><ul><li>liquid</li><li>at <i>20 °C</i></li></ul>'
							],
							did: 2,
							ords: [0]
						},
						{
							id: 2,
							guid: 'salt',
							mid: CLOZE.id,
							fields: ['<b>Salt</b> is {{c1::NaCl}}.', ''],
							did: 2,
							ords: [0]
						}
					]
				})
			]
		});
		if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
		const byId = new Map(r.deck.cards.map((c) => [c.id, c]));
		expect(byId.get('water')).toMatchObject({
			prompt: 'What is H2O?',
			answer: 'Water\nliquid\nat 20 °C',
			rich: { prompt: 'What is H~2~O?', answer: '**Water**\n- liquid\n- at *20 °C*' }
		});
		expect(byId.get('salt/c1')).toMatchObject({
			kind: 'cloze',
			prompt: 'Salt is ___.',
			answer: 'NaCl',
			rich: { prompt: '**Salt** is \\_\\_\\_.' }
		});
		expect(JSON.stringify(r.deck)).not.toMatch(/<script|alert/);
	});
});
