// Daily limits in a deck tree, as Anki's v3 scheduler has them: each sub-deck's limit caps the
// cards taken from it (and the sub-decks below it), and the limit of the deck or sub-deck being
// studied caps the total. The limits of decks above the one studied do not apply to it: studying
// "Verbs" alone after 20 new "Nouns" still brings Verbs' own new cards.
import { SUBDECK_SEPARATOR } from './subdecks';

/** A kind of daily limit. */
export type LimitKind = 'newPerDay' | 'reviewsPerDay';

/** Limits by key: a deck id, or `subdeckLimitKey(deckId, path)` for a sub-deck. */
export type LimitTable = Record<string, Partial<Record<LimitKind, number>>>;

/**
 * The key of a sub-deck's own limits and counts, beside the deck ids in the same table: deck ids
 * have no `:`, so `spanish::Verbs` can never be a deck's.
 * @example subdeckLimitKey('spanish', 'Verbs::Irregular') // 'spanish::Verbs::Irregular'
 */
export const subdeckLimitKey = (deckId: string, path: string): string =>
	path ? `${deckId}${SUBDECK_SEPARATOR}${path}` : deckId;

/** The deck (`''`) and each sub-deck from the top down to `path`: `['', 'A', 'A::B']`. */
export function subdeckLine(path: string | undefined): string[] {
	const line = [''];
	if (!path) return line;
	const levels = path.split(SUBDECK_SEPARATOR);
	for (let depth = 1; depth <= levels.length; depth++)
		line.push(levels.slice(0, depth).join(SUBDECK_SEPARATOR));
	return line;
}

/**
 * The scopes whose limits cap a card of sub-deck `path` while `studied` is studied (no `studied`:
 * the whole deck), each with its limit: the studied scope and every sub-deck between it and the
 * card's own. A sub-deck without limits of its own has those of the nearest scope above it that
 * has some (in Anki, sub-decks share their parent's options unless given others); `undefined`
 * when none has (then only the limits for all decks apply).
 * @example limitChain(limits, 'spanish', 'Verbs::Irregular', 'Verbs') // Verbs, Verbs::Irregular
 */
export function limitChain(
	limits: LimitTable | undefined,
	deckId: string,
	path: string | undefined,
	studied: string | undefined,
	kind: LimitKind
): { key: string; limit: number | undefined }[] {
	const chain: { key: string; limit: number | undefined }[] = [];
	let inherited: number | undefined;
	const from = studied ? studied.split(SUBDECK_SEPARATOR).length : 0;
	subdeckLine(path).forEach((scope, depth) => {
		const key = subdeckLimitKey(deckId, scope);
		inherited = limits?.[key]?.[kind] ?? inherited;
		if (depth >= from) chain.push({ key, limit: inherited });
	});
	return chain;
}

/** Whether a limit table gives any sub-deck of `deckId` (any deck, without one) limits of its own. */
export function hasSubdeckLimits(limits: LimitTable | undefined, deckId?: string): boolean {
	const prefix = deckId === undefined ? SUBDECK_SEPARATOR : deckId + SUBDECK_SEPARATOR;
	return Object.keys(limits ?? {}).some((k) =>
		deckId === undefined ? k.includes(prefix) : k.startsWith(prefix)
	);
}

/**
 * Where the limit of `kind` for sub-deck `path` (`''`: the deck) comes from: its own, else the
 * nearest scope above it with one (`from`: that scope's path, `''` the deck), else none (only the
 * limits for all decks apply).
 * @example inheritedLimit({ spanish: { newPerDay: 5 } }, 'spanish', 'Verbs', 'newPerDay')
 * // { limit: 5, from: '' }
 */
export function inheritedLimit(
	limits: LimitTable | undefined,
	deckId: string,
	path: string,
	kind: LimitKind
): { limit: number; from: string } | undefined {
	for (const scope of subdeckLine(path).reverse()) {
		const limit = limits?.[subdeckLimitKey(deckId, scope)]?.[kind];
		if (limit !== undefined) return { limit, from: scope };
	}
	return undefined;
}

/** The table with `key`'s own limits replaced (a kind left out is inherited; none: no entry). */
export function withLimits(
	limits: LimitTable,
	key: string,
	own: Partial<Record<LimitKind, number>>
): LimitTable {
	const { [key]: _old, ...rest } = limits;
	const kept = Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined));
	return Object.keys(kept).length > 0 ? { ...rest, [key]: kept } : rest;
}
