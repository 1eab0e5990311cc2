export {
	normaliseAnswer,
	damerauLevenshtein,
	matchAnswer,
	type MatchVerdict,
	type MatchResult,
	type MatchOptions
} from './match';
