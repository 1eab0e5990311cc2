import type { Card } from '../deck/schema';
import { matchAnswer, type MatchVerdict } from './match';
import type { QuizMode } from './modes';
import type { DeckValues } from './values';

import { DEFAULT_SLOW_SECONDS, type SlowThresholds } from './defaults';

export { DEFAULT_SLOW_SECONDS, type SlowThresholds };

export interface Grading {
	correct: boolean;
	verdict: MatchVerdict;
	/**
	 * The rating the app proposes: Again when wrong; Hard when slow, lenient, or a right choice that
	 * could have been a guess (see `gradeResponse`); else Good.
	 */
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
	/**
	 * The card's scheduling state before this answer (0 new, 1 learning, 2 review, 3 relearning).
	 * Unknown: treated as new or in review.
	 */
	state?: 0 | 1 | 2 | 3;
}

/** The note for a right choice rated Hard because it could have been a guess. */
const GUESSABLE = {
	mcq: 'Right, but four choices can be guessed',
	truefalse: 'Right, but true or false can be guessed'
} as const;

/**
 * Grades a response and proposes the FSRS rating: wrong -> Again; right -> Good; right but slow,
 * or accepted only leniently (an alternative, a typo) -> Hard.
 *
 * A right multiple-choice or true/false answer is weaker evidence than a recall: a guess is right
 * one time in four (or two). Rated Good, a lucky guess stretches the interval of a card the learner
 * has forgotten, and true retention falls below the desired retention (`npm run simulate` measures
 * it). So on a new card or a card in review a right choice proposes Hard. On a learning or
 * relearning step (state 1 or 3) it proposes Good: the learner has just been shown the answer, and
 * Hard would hold the card on its step.
 * @example gradeResponse({ card, mode: 'typed', response: 'Tokio', durationMs: 4000 }).grade // 2
 * @example gradeResponse({ card, mode: 'mcq', response: card.answer, durationMs: 3000, state: 2 }).grade // 2
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
	const guessable =
		(mode === 'mcq' || mode === 'truefalse') && input.state !== 1 && input.state !== 3;
	const grade: 1 | 2 | 3 = !correct ? 1 : verdict === 'exact' && !slow && !guessable ? 3 : 2;
	if (slow && verdict === 'exact') note = `Right, but it took over ${slowAfter / 1000} s`;
	else if (correct && guessable) note = GUESSABLE[mode];
	return { correct, verdict, grade, note };
}

/** An answer to a card as the learner was shown it. */
export interface ShownAnswer {
	card: Card;
	mode: Exclude<QuizMode, 'flashcard'>;
	response: string;
	durationMs: number;
	/** The four choices shown (multiple choice). */
	options: readonly string[];
	/** The deck's values (`deckValuesOf`): its people, for surname-alone answers. */
	values?: DeckValues;
	state?: 0 | 1 | 2 | 3;
	slowSeconds?: SlowThresholds;
}

/**
 * Grades an answer as shown: the one path the review and the studio's preview take, so an author
 * sees the verdict a learner will get. The wrong choices shown count as known other answers.
 * @example gradeShown({ card, mode: 'typed', response: 'Armstrong', durationMs: 3000, options: [], values }).note // 'Accepted: surname alone'
 */
export function gradeShown(input: ShownAnswer): Grading {
	const { card, mode, values } = input;
	return gradeResponse({
		card,
		mode,
		response: input.response,
		durationMs: input.durationMs,
		...(input.state === undefined ? {} : { state: input.state }),
		...(input.slowSeconds ? { slowSeconds: input.slowSeconds } : {}),
		...(values ? { people: values.people } : {}),
		others: mode === 'mcq' ? input.options.filter((o) => o !== card.answer) : []
	});
}
