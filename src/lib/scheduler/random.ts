/** A seeded source of random numbers, so that a run with the same seed repeats exactly. */
export type Random = () => number;

/**
 * A small, fast generator (mulberry32): numbers in [0, 1) from a 32-bit seed.
 * @example const random = seeded(7); random() // 0.07…, the same every run
 */
export function seeded(seed: number): Random {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A standard normal number (Box-Muller). */
export function normal(random: Random): number {
	const u = Math.max(random(), 1e-12);
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** One of `items`, chosen with the given weights (they need not add up to 1). */
export function weighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
	const total = items.reduce((s, [, w]) => s + w, 0);
	let x = random() * total;
	for (const [item, w] of items) {
		x -= w;
		if (x < 0) return item;
	}
	const last = items.at(-1);
	if (!last) throw new RangeError('nothing to choose from');
	return last[0];
}

/**
 * A number in [0, 1) fixed by three integers: the same card's n-th answer draws the same number in
 * every run of a comparison (common random numbers), so runs differ by their settings, not by luck.
 */
export function uniformAt(seed: number, a: number, b: number): number {
	let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(a + 0x632be5ab, 0xc2b2ae35);
	h = Math.imul(h ^ (h >>> 16), 0x7feb352d) ^ Math.imul(b + 0x165667b1, 0x27d4eb2f);
	h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
	return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}
