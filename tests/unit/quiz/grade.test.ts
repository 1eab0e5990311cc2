import { describe, expect, it } from 'vitest';
import type { Card } from '$lib/deck/schema';
import { gradeResponse } from '$lib/quiz';

const source = { quote: 'The capital of France is Paris.' };
const mcq: Card = {
	id: 'm',
	kind: 'mcq',
	prompt: 'Capital of France?',
	answer: 'Paris',
	distractors: ['Lyon', 'Nice', 'Lille'],
	source
};
const statement: Card = {
	id: 'tf',
	kind: 'truefalse',
	prompt: 'Paris is the capital of France.',
	answer: 'True',
	source
};
const typed: Card = { ...mcq, id: 't', kind: 'typed', answer: 'Marseille' } as Card;

describe('gradeResponse: a right choice that could be a guess (issue 16)', () => {
	// [card, mode, state before the answer, proposed rating]
	it.each([
		['mcq, new card', mcq, 'mcq', 0, 2],
		['mcq, in review', mcq, 'mcq', 2, 2],
		['mcq, state unknown', mcq, 'mcq', undefined, 2],
		['mcq, learning step', mcq, 'mcq', 1, 3],
		['mcq, relearning step', mcq, 'mcq', 3, 3],
		['true/false, in review', statement, 'truefalse', 2, 2],
		['true/false, new card', statement, 'truefalse', 0, 2],
		['true/false, learning step', statement, 'truefalse', 1, 3]
	] as const)('%s: right and quick proposes %i', (_, card, mode, state, grade) => {
		const g = gradeResponse({
			card,
			mode,
			response: card.answer,
			durationMs: 2000,
			...(state === undefined ? {} : { state })
		});
		expect(g).toMatchObject({ correct: true, grade });
		// The learner is told why a right answer is not Good.
		if (grade === 2) expect(g.note).toMatch(/can be guessed/);
		else expect(g.note).toBe('Right');
	});

	it('a wrong choice is Again and a slow right one says it was slow, whatever the state', () => {
		expect(
			gradeResponse({ card: mcq, mode: 'mcq', response: 'Lyon', durationMs: 2000, state: 2 }).grade
		).toBe(1);
		const slow = gradeResponse({
			card: mcq,
			mode: 'mcq',
			response: 'Paris',
			durationMs: 20_000,
			state: 1
		});
		expect(slow).toMatchObject({ grade: 2, note: 'Right, but it took over 15 s' });
	});

	it('a typed recall is not a guess: right and quick is Good in review', () => {
		const g = gradeResponse({
			card: typed,
			mode: 'typed',
			response: 'Marseille',
			durationMs: 4000,
			state: 2
		});
		expect(g).toMatchObject({ correct: true, grade: 3 });
		const slip = gradeResponse({
			card: typed,
			mode: 'typed',
			response: 'Marseile',
			durationMs: 4000,
			state: 2
		});
		expect(slip).toMatchObject({ correct: true, verdict: 'typo', grade: 2 });
	});
});
