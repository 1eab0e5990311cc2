import { describe, expect, it } from 'vitest';
import { default_w } from 'ts-fsrs';
import type { Card } from '$lib/deck/schema';
import { damerauLevenshtein, gradeResponse, normaliseAnswer } from '$lib/quiz';
import { memoryModel } from '../../../src/lib/scheduler/memory-model';
import { seeded } from '../../../src/lib/scheduler/random';
import {
	chooseOption,
	guessRight,
	responseMs,
	typedText,
	typo
} from '../../../scripts/simulate/responses';

const share = (n: number, f: (i: number) => boolean) => {
	let k = 0;
	for (let i = 0; i < n; i++) if (f(i)) k++;
	return k / n;
};

describe('recognition answers', () => {
	it('a forgotten card is right by chance: one in four of four choices, one in two of true/false', () => {
		expect(guessRight('mcq', 0)).toBe(0.25);
		expect(guessRight('truefalse', 0)).toBe(0.5);
		const random = seeded(3);
		const wrong = ['Lyon', 'Nice', 'Lille'];
		const mcq = share(
			20_000,
			() => chooseOption('Paris', wrong, 'mcq', false, 0, random) === 'Paris'
		);
		const tf = share(
			20_000,
			() => chooseOption('True', ['False'], 'truefalse', false, 0, random) === 'True'
		);
		expect(mcq).toBeCloseTo(0.25, 1);
		expect(tf).toBeCloseTo(0.5, 1);
	});

	it('partial knowledge helps a little, and never makes a guess as good as a recall', () => {
		expect(guessRight('mcq', 0.8)).toBeGreaterThan(0.25);
		expect(guessRight('mcq', 0.8)).toBeLessThan(0.5);
		const random = seeded(4);
		expect(
			share(1000, () => chooseOption('Paris', ['Lyon'], 'mcq', true, 0.1, random) === 'Paris')
		).toBe(1);
	});
});

describe('typed answers', () => {
	it('a slip is one edit away, and the app accepts it on a long answer (Hard)', () => {
		const random = seeded(5);
		const card: Card = {
			id: 'x',
			kind: 'typed',
			prompt: 'Where?',
			answer: 'Kalovelna',
			source: { quote: 'Kalovelna.' }
		};
		for (let i = 0; i < 200; i++) {
			const typed = typo(card.answer, random);
			expect(
				damerauLevenshtein(normaliseAnswer(typed), normaliseAnswer(card.answer))
			).toBeLessThanOrEqual(1);
			const g = gradeResponse({ card, mode: 'typed', response: typed, durationMs: 5000, state: 2 });
			if (typed !== card.answer) expect(g).toMatchObject({ correct: true, grade: 2 });
		}
	});

	it('a forgotten answer is graded wrong by the app', () => {
		const random = seeded(6);
		const card: Card = {
			id: 'y',
			kind: 'typed',
			prompt: 'Where?',
			answer: 'Sarentor',
			source: { quote: 'Sarentor.' }
		};
		const others = ['Velnapo', 'Drigan', 'Lisurka'];
		for (let i = 0; i < 200; i++) {
			const typed = typedText(card.answer, others, false, random);
			expect(
				gradeResponse({ card, mode: 'typed', response: typed, durationMs: 9000 }).correct
			).toBe(false);
		}
	});

	it('recalled answers are mostly typed as they are', () => {
		const random = seeded(7);
		expect(
			share(5000, () => typedText('Sarentor', [], true, random) === 'Sarentor')
		).toBeGreaterThan(0.88);
	});
});

describe('response times', () => {
	it('an effortful recall (Hard) is slow enough that the slow-answer rule sometimes rates it Hard', () => {
		const random = seeded(8);
		const over = (rating: 2 | 3) => share(5000, () => responseMs('mcq', rating, random) > 15_000);
		const hard = over(2);
		const good = over(3);
		expect(hard).toBeGreaterThan(0.1);
		expect(good).toBeLessThan(0.02);
	});
});

describe('the memory model', () => {
	it('recalls a card nine times in ten after its stability in days, and never one never seen', () => {
		const model = memoryModel(default_w);
		const at = Date.UTC(2026, 0, 1);
		const memory = model.update(undefined, 3, at);
		const s = memory.state.stability;
		expect(model.recall(memory, at + s * 86_400_000)).toBeCloseTo(0.9, 5);
		expect(model.recall(undefined, at)).toBe(0);
		// A lapse (Again) a week later leaves a weaker memory than a recall (Good) would.
		const week = at + 7 * 86_400_000;
		expect(model.update(memory, 1, week).state.stability).toBeLessThan(
			model.update(memory, 3, week).state.stability
		);
	});
});
