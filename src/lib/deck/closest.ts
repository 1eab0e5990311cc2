/** Edits (insert, delete or change a letter, swap two neighbours) that turn `a` into `b`. */
function distance(a: string, b: string): number {
	const d = Array.from({ length: a.length + 1 }, (_, i) =>
		Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
	);
	const at = (i: number, j: number) => d[i]?.[j] ?? Infinity;
	for (let i = 1; i <= a.length; i++)
		for (let j = 1; j <= b.length; j++) {
			let best = Math.min(
				at(i - 1, j) + 1,
				at(i, j - 1) + 1,
				at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1)
			);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
				best = Math.min(best, at(i - 2, j - 2) + 1);
			(d[i] as number[])[j] = best;
		}
	return at(a.length, b.length);
}

/**
 * The option an author most likely meant by a misspelt word, or undefined when none is close:
 * case is ignored, and a word that starts with an option (`Augustus`, `August`) counts as close.
 * @example closest('anwser', ['prompt', 'answer']) // 'answer'
 */
export function closest(word: string, options: readonly string[]): string | undefined {
	const w = word.toLowerCase();
	let best: string | undefined;
	let bestDistance = w.length >= 5 ? 2 : 1;
	for (const option of options) {
		const o = option.toLowerCase();
		if (o.length >= 3 && w.startsWith(o)) return option;
		const d = distance(w, o);
		if (d <= bestDistance) {
			best = option;
			bestDistance = d - 1;
		}
	}
	return best;
}
