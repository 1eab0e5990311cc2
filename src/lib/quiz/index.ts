export {
	normaliseAnswer,
	damerauLevenshtein,
	matchAnswer,
	type MatchVerdict,
	type MatchResult,
	type MatchOptions
} from './match';
export {
	chooseMode,
	supportedModes,
	distractorsFor,
	mcqOptions,
	DECK_MODES,
	type QuizMode,
	type DeckMode
} from './modes';
export {
	gradeResponse,
	gradeShown,
	type ShownAnswer,
	DEFAULT_SLOW_SECONDS,
	type Grading,
	type GradeInput,
	type SlowThresholds
} from './grade';
export { feedbackTexts, type FeedbackTexts } from './feedback';
export {
	deckValuesOf,
	poolFor,
	valueCollector,
	withCard,
	type DeckValues,
	type ValueCard
} from './values';
