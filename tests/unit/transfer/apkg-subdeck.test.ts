import { describe, expect, it } from 'vitest';
import { subdeckOf } from '$lib/transfer/apkg/subdeck';

describe('an Anki deck as a sub-deck', () => {
	it('keeps the levels below the imported deck', () => {
		expect(subdeckOf('Spanish', 'Spanish')).toBeUndefined();
		expect(subdeckOf('Spanish::Verbs', 'Spanish')).toBe('Verbs');
		expect(subdeckOf('Spanish::Verbs::Irregular', 'Spanish')).toBe('Verbs::Irregular');
	});

	it('keeps a deck of another tree whole, so it never joins this one', () => {
		expect(subdeckOf('Default', 'Spanish')).toBe('Default');
		expect(subdeckOf('French::Verbs', 'Spanish')).toBe('French::Verbs');
	});

	it('makes names text: no markup characters, no empty levels, within the limit', () => {
		expect(subdeckOf('Spanish:: <b>Verbs</b> ::::R&D', 'Spanish')).toBe('b Verbs /b::R D');
		const long = `Spanish::${'a'.repeat(150)}::${'b'.repeat(100)}`;
		expect(subdeckOf(long, 'Spanish')).toBe('a'.repeat(150));
	});
});
