import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasMarkup } from '$lib/deck/schema';
import { decodeEntities, toPlainText } from '$lib/transfer';

describe('toPlainText', () => {
	it.each([
		['<b>hablar</b>', 'hablar', []],
		['to eat<br>(also: lunch)', 'to eat\n(also: lunch)', []],
		['one<br/>two<BR >three', 'one\ntwo\nthree', []],
		['<div>a</div><div>b</div>', 'a\nb', []],
		['caf&eacute; &amp; cr&#232;me &#x2014; &nbsp;ok', 'café & crème — ok', []],
		['  spaced \t out  ', 'spaced out', []],
		['a &lt; b', 'a < b', []],
		['x &gt; y', 'x > y', []],
		['<img src="dog.jpg">', '', ['image']],
		['decir [sound:decir.mp3]', 'decir', ['sound']],
		['<!-- hidden -->seen', 'seen', []],
		['<span style="color: red">red</span>', 'red', []]
	])('%j reads %j', (html, text, dropped) => {
		const out = toPlainText(html);
		expect(out.text).toBe(text);
		expect(out.dropped).toEqual(dropped);
	});

	it.each([
		['<script>alert(1)</script>What?', 'What?'],
		['<img src=x onerror=alert(1)>Largest planet?', 'Largest planet?'],
		['<a href="javascript:alert(1)">Click</a> here', 'Click here'],
		['<svg onload=alert(1)>Gold?', 'Gold?'],
		['<svg/onload=alert(1)>Gold?', 'Gold?'],
		['&lt;script&gt;alert(1)&lt;/script&gt;Boiling point?', 'Boiling point?'],
		['&amp;lt;img src=x onerror=alert(1)&amp;gt;Speed?', 'Speed?'],
		['&#60;svg onload=alert(1)&#62;x', 'x'],
		['<iframe src="javascript:alert(1)"></iframe>H2O', 'H2O'],
		['<style>@import "https://evil.example/x.css";</style>Sky', 'Sky'],
		['<img alt=">" onerror=alert(1)>After', 'After'],
		['javascript:alert(1) Opposite of hot?', 'alert(1) Opposite of hot?'],
		['onerror=alert(1) Freezing point?', 'alert(1) Freezing point?'],
		['<IMG SRC=JaVaScRiPt:alert(1)>Upper', 'Upper'],
		['a<b and c', 'a< b and c'],
		['unknown &bogus; entity', 'unknown &bogus entity']
	])('takes the markup out of %j', (html, text) => {
		const out = toPlainText(html);
		expect(out.text).toBe(text);
		expect(hasMarkup(out.text)).toBe(false);
	});

	it('says when it removed something that looked like a script', () => {
		expect(toPlainText('<b onclick="alert(1)">x</b>').dropped).toContain('markup');
		expect(toPlainText('&lt;b&gt;x').dropped).toContain('markup');
		expect(toPlainText('<b>x</b>').dropped).toEqual([]);
	});

	it('never lets markup through, whatever the input (property)', () => {
		const piece = fc.constantFrom(
			...['<', '>', '&', ';', '#', 'x', '3c', '60', 'lt', 'gt', 'amp', 'script', 'img', '/', ' '],
			...['on', 'error', 'load', '=', 'javascript', ':', '"', "'", 'svg', 'br', '!--', '--', 'a']
		);
		const input = fc.oneof(
			fc.array(piece, { maxLength: 40 }).map((p) => p.join('')),
			fc.string({ maxLength: 60 })
		);
		fc.assert(
			fc.property(input, (html) => !hasMarkup(toPlainText(html).text)),
			{ numRuns: 2000 }
		);
		expect(true).toBe(true);
	});

	// Overlapping patterns made these cubic or quadratic: `<a` 1,000 times took 2 s, 4,000 times minutes.
	it.each(['<a', 'a<b ', '&amp;lt;a', '<script>', '<!', '[sound:', '<a "'])(
		'reads a field of %j 20,000 times over in linear time',
		(unit) => {
			const started = performance.now();
			const out = toPlainText(unit.repeat(20_000));
			// Wide margin for a busy CI machine: the quadratic code took minutes here.
			expect(performance.now() - started).toBeLessThan(10_000);
			expect(hasMarkup(out.text)).toBe(false);
		}
	);
});

describe('decodeEntities', () => {
	it('decodes named, decimal and hex references once, and leaves unknown ones', () => {
		expect(decodeEntities('&Eacute;t&eacute; &#8364;5 &#x41; &amp;lt; &what;')).toBe(
			'Été €5 A &lt; &what;'
		);
	});

	it('turns references to nothing printable into a replacement character or nothing', () => {
		expect(decodeEntities('a&#0;b&#xD800;c&#7;d')).toBe('a\ufffdb\ufffdcd');
	});
});
