export * from './schema';
export * from './errors';
export { parseDateText, sameDate, dateForms, type DateText } from './dates';
export { validateDeck, normaliseQuote, type ValidateOptions } from './validate';
export { compileAuthoredDeck, parseWithPositions, type AuthoredInput } from './authored';
export { generateDeck, hash, DEFAULT_KINDS } from './generate';
export { factSchema, factDeckSchema, type Fact, type FactDeckSpec } from './facts';
export { buildDecks, summarise, type DeckEntry, type BuiltDecks } from './build';
export { inSubdeck, subdeckTree, SUBDECK_SEPARATOR, type SubdeckNode } from './subdecks';
export {
	hasSubdeckLimits,
	inheritedLimit,
	limitChain,
	subdeckLimitKey,
	subdeckLine,
	type LimitKind,
	type LimitTable,
	withLimits
} from './subdeck-limits';
export {
	countByPath,
	hasChildren,
	shownNodes,
	subtreeCounts,
	type CountsByPath,
	type StateCounts
} from './subdeck-counts';
export {
	bundledMediaProblems,
	listBundledMedia,
	type FoundMedia,
	type ReadMedia
} from './bundled-media';
