// Today's counts in a deck tree, and which of its sub-decks show when some are folded: pure, so
// home's tree and its tests read the same rules.
import { inSubdeck, SUBDECK_SEPARATOR, type SubdeckNode } from './subdecks';

/** Cards to study today by the state they are in. */
export interface StateCounts {
	learning: number;
	review: number;
	new: number;
}

/** Cards of each sub-deck path (`''`: the deck itself, no sub-deck) by state. */
export type CountsByPath = Record<string, StateCounts>;

const zero = (): StateCounts => ({ learning: 0, review: 0, new: 0 });

/**
 * Counts cards by their own sub-deck path and state (0 new, 2 review, else learning).
 * @example countByPath([{ subdeck: 'A', state: 0 }]) // { A: { new: 1, learning: 0, review: 0 } }
 */
export function countByPath(cards: Iterable<{ subdeck?: string | undefined; state: number }>) {
	const out: CountsByPath = {};
	for (const card of cards) {
		const counts = (out[card.subdeck ?? ''] ??= zero());
		if (card.state === 0) counts.new++;
		else if (card.state === 2) counts.review++;
		else counts.learning++;
	}
	return out;
}

/**
 * A sub-deck's counts: its own cards' and those of every sub-deck below it, so a parent's counts
 * add up to its children's and its own.
 * @example subtreeCounts({ A: n1, 'A::B': n2, C: n3 }, 'A') // n1 + n2
 */
export function subtreeCounts(byPath: CountsByPath, path: string): StateCounts {
	const sum = zero();
	for (const [at, counts] of Object.entries(byPath)) {
		if (!at || !inSubdeck(at, path)) continue;
		sum.learning += counts.learning;
		sum.review += counts.review;
		sum.new += counts.new;
	}
	return sum;
}

/** Whether a node has sub-decks below it (the node after it in reading order is its child). */
export function hasChildren(nodes: readonly SubdeckNode[], index: number): boolean {
	const next = nodes[index + 1];
	const node = nodes[index];
	return !!node && !!next && next.path.startsWith(node.path + SUBDECK_SEPARATOR);
}

/**
 * The nodes that show when the sub-decks in `folded` (paths) are folded: everything below a folded
 * sub-deck is hidden, the folded one itself stays.
 * @example shownNodes(tree, new Set(['A'])) // A, C (not A::B)
 */
export function shownNodes(nodes: readonly SubdeckNode[], folded: ReadonlySet<string>) {
	return nodes.filter(
		(node) =>
			!node.path
				.split(SUBDECK_SEPARATOR)
				.slice(0, -1)
				.some((_, i, levels) => folded.has(levels.slice(0, i + 1).join(SUBDECK_SEPARATOR)))
	);
}
