import type { Card } from '../deck/schema';
import { matchAnswer, type MatchVerdict } from './match';
import type { QuizMode } from './modes';

import { DEFAULT_SLOW_SECONDS, type SlowThresholds } from './defaults';

export { DEFAULT_SLOW_SECONDS, type SlowThresholds };

export interface Grading {
	correct: boolean;
	verdict: MatchVerdict;
	/** The rating the app proposes: Again when wrong, Hard when slow or lenient, else Good. */
	grade: 1 | 2 | 3;
	/** Why, in a few words, for the feedback. */
	note: string;
}

export interface GradeInput {
	card: Card;
	mode: Exclude<QuizMode, 'flashcard'>;
	/** What the learner chose or typed (for true/false: 'True' or 'False'). */
	response: string;
	durationMs: number;
	slowSeconds?: SlowThresholds;
	/** Every person in the deck, for surname-alone answers. */
	people?: readonly string[];
	/** Wrong options shown with the card (for mcq), or other values of its type. */
	others?: readonly string[];
}

/**
 * Grades a response and proposes the FSRS rating: wrong -> Again; right -> Good; right but slow,
 * or accepted only leniently (an alternative, a typo) -> Hard.
 * @example gradeResponse({ card, mode: 'typed', response: 'Tokio', durationMs: 4000 }).grade // 2
 */
export function gradeResponse(input: GradeInput): Grading {
	const { card, mode, response } = input;
	let verdict: MatchVerdict;
	let note: string;
	if (mode === 'mcq' || mode === 'truefalse') {
		const right = response === card.answer;
		verdict = right ? 'exact' : 'wrong';
		note = right ? 'Right' : 'Not quite';
	} else {
		const match = matchAnswer(response, card.answer, {
			...(card.answerType ? { answerType: card.answerType } : {}),
			...(card.accept ? { accept: card.accept } : {}),
			...(input.people ? { people: input.people } : {}),
			...(input.others ? { others: input.others } : {})
		});
		verdict = match.verdict;
		note = match.note ?? (match.correct ? 'Right' : 'Not quite');
	}
	const correct = verdict !== 'wrong';
	const slowAfter = (input.slowSeconds ?? DEFAULT_SLOW_SECONDS)[mode] * 1000;
	const slow = correct && input.durationMs > slowAfter;
	const grade: 1 | 2 | 3 = !correct ? 1 : verdict === 'exact' && !slow ? 3 : 2;
	if (slow && verdict === 'exact') note = `Right, but it took over ${slowAfter / 1000} s`;
	return { correct, verdict, grade, note };
}
