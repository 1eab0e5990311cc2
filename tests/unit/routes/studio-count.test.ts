import { describe, expect, it } from 'vitest';
import { countText } from '../../../src/routes/studio/count';

describe('countText', () => {
	it('writes numbers as toLocaleString("en") does', () => {
		for (const n of [0, 7, 999, 1000, 2000, 20000, 123456, 1234567, -4500])
			expect(countText(n)).toBe(n.toLocaleString('en'));
	});
});
