/**
 * The list every field without problems gets: the same array each time, so a field whose problems
 * did not change is not drawn again when a keystroke makes a new card.
 */
export const NONE: readonly string[] = Object.freeze([]);

/**
 * Hands out lists of messages by key (a field's id), returning the array it returned last time for
 * that key while the messages are the same: each keystroke checks the card again and makes new
 * arrays, and a new array passed to a field redraws it even when it says the same.
 * @example const stable = stableLists(); stable('prompt', ['Too long']) === stable('prompt', ['Too long'])
 */
export function stableLists(): (key: string, list: readonly string[]) => readonly string[] {
	const last = new Map<string, readonly string[]>();
	return (key, list) => {
		if (list.length === 0) return NONE;
		const before = last.get(key);
		if (before && before.length === list.length && before.every((m, i) => m === list[i]))
			return before;
		last.set(key, list);
		return list;
	};
}
