// A deck's sub-decks (Anki's `A::B` deck tree) live on its cards as a `subdeck` path. Studying a
// sub-deck includes every sub-deck below it, as in Anki; studying the deck includes them all.

/** Between the levels of a sub-deck path. */
export const SUBDECK_SEPARATOR = '::';

/**
 * Whether a card in sub-deck `path` belongs to the study scope `scope`: the same sub-deck or one
 * below it. No scope is the whole deck.
 * @example inSubdeck('Verbs::Irregular', 'Verbs') // true
 * @example inSubdeck('Verbsy', 'Verbs') // false
 */
export function inSubdeck(path: string | undefined, scope: string | undefined): boolean {
	if (scope === undefined || scope === '') return true;
	if (path === undefined) return false;
	return path === scope || path.startsWith(scope + SUBDECK_SEPARATOR);
}

/** One sub-deck in the tree, with its cards' count and that of the sub-decks below it. */
export interface SubdeckNode {
	/** Its own name (the last level). */
	name: string;
	/** The whole path, the study scope: `Verbs::Irregular`. */
	path: string;
	/** 0 for a sub-deck just below the deck. */
	depth: number;
	/** Cards in this sub-deck itself. */
	own: number;
	/** Cards in it and every sub-deck below it: what studying it includes. */
	total: number;
}

/**
 * The sub-deck tree of a deck's cards, in reading order (each sub-deck followed by those below
 * it, names sorted); a path's missing parents are added with no cards of their own.
 * @example subdeckTree(['Verbs::Irregular', 'Verbs', undefined]) // Verbs (2), Verbs::Irregular (1)
 */
export function subdeckTree(paths: Iterable<string | undefined>): SubdeckNode[] {
	const nodes = new Map<string, SubdeckNode>();
	for (const path of paths) {
		if (!path) continue;
		const levels = path.split(SUBDECK_SEPARATOR);
		for (let depth = 0; depth < levels.length; depth++) {
			const at = levels.slice(0, depth + 1).join(SUBDECK_SEPARATOR);
			let node = nodes.get(at);
			if (!node) {
				node = { name: levels[depth] ?? '', path: at, depth, own: 0, total: 0 };
				nodes.set(at, node);
			}
			node.total++;
			if (depth === levels.length - 1) node.own++;
		}
	}
	// Sorted level by level, so `A::B` follows `A` and comes before `A B`.
	const key = (n: SubdeckNode) => n.path.split(SUBDECK_SEPARATOR);
	return [...nodes.values()].sort((a, b) => {
		const x = key(a);
		const y = key(b);
		for (let i = 0; i < Math.min(x.length, y.length); i++) {
			const c = (x[i] ?? '').localeCompare(y[i] ?? '');
			if (c !== 0) return c;
		}
		return x.length - y.length;
	});
}
