import { describe, expect, it } from 'vitest';
import { checkLink, formatBytes, sourceFileOf } from '$lib/transfer/limits';

describe('limits and links', () => {
	it('accepts https links and this site’s own paths, and explains the rest', () => {
		const origin = 'http://localhost:4173';
		expect(String(checkLink(' https://example.org/d.json ', origin))).toBe(
			'https://example.org/d.json'
		);
		expect(String(checkLink('/decks/two-plus-two-basics.json', origin))).toBe(
			'http://localhost:4173/decks/two-plus-two-basics.json'
		);
		expect(checkLink('http://example.org/d.json', origin)).toMatch(/^Only https:\/\/ links/);
		expect(checkLink('javascript:alert(1)', origin)).toMatch(/^Only https:\/\/ links/);
		expect(checkLink('https://', origin)).toMatch(/^That is not a web address/);
	});

	it('reads the source file a YAML deck names, and sizes in words', () => {
		expect(sourceFileOf('id: a\nsourceFile: "source.txt"\ncards: []\n')).toBe('source.txt');
		expect(sourceFileOf('id: a\n')).toBeUndefined();
		expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
		expect(formatBytes(1536)).toBe('2 kB');
		expect(formatBytes(12)).toBe('12 bytes');
	});
});
