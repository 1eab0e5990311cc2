import { describe, expect, it } from 'vitest';
import { shownProblems, touchKey, touchedBy } from '$lib/deck/touched';

const e = (path: string) => ({ path, message: 'm' });

describe('which problems of a new card show', () => {
	it('names the field a problem waits on', () => {
		expect(touchKey(e('cards[3].prompt'))).toBe('prompt');
		expect(touchKey(e('cards[3].id'))).toBe('prompt');
		expect(touchKey(e('cards[3].source.quote'))).toBe('quote');
		expect(touchKey(e('cards[3].distractors[2]'))).toBe('distractors[1]');
		expect(touchKey(e('cards[3].distractors'))).toBe('distractors');
		expect(touchKey(e('cards[3].accept[2]'))).toBe('accept');
	});

	it('counts only the wrong answers that changed as touched', () => {
		expect(touchedBy('distractors', [], ['', '', ''])).toEqual([]);
		expect(touchedBy('distractors', ['a', '', ''], ['a', 'b', ''])).toEqual(['distractors[1]']);
		expect(touchedBy('prompt', '', 'Q')).toEqual(['prompt']);
	});

	it('shows the touched fields’ problems, and the list’s own once a wrong answer was touched', () => {
		const errors = [e('cards[1].prompt'), e('cards[1].distractors'), e('cards[1].distractors[2]')];
		expect(shownProblems(errors, new Set())).toEqual([]);
		expect(shownProblems(errors, new Set(['prompt']))).toEqual([errors[0]]);
		expect(shownProblems(errors, new Set(['distractors[1]']))).toEqual([errors[1], errors[2]]);
	});
});
