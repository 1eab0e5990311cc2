import { describe, expect, it } from 'vitest';
import { parseLimit } from '../../../src/routes/settings/limits/parse';

describe('a daily limit as typed', () => {
	it('takes whole numbers from 0 up to the most, and empty for the limit above', () => {
		expect(parseLimit('0', 99)).toEqual({ ok: true, value: 0 });
		expect(parseLimit(' 15 ', 99)).toEqual({ ok: true, value: 15 });
		expect(parseLimit('99', 99)).toEqual({ ok: true, value: 99 });
		expect(parseLimit('  ', 99)).toEqual({ ok: true, value: undefined });
	});

	it('refuses negative, fractional, too large and non-numbers with a message', () => {
		for (const bad of ['-1', '1.5', '100', '1e3', 'ten', '0x10', '12345678'])
			expect(parseLimit(bad, 99)).toEqual({
				ok: false,
				message: 'Write a whole number from 0 to 99, or leave it empty to use the limit above.'
			});
	});
});
