import type { Table } from 'dexie';

/**
 * How long issuing one slice of puts may hold the page's thread. Each put clones and indexes its
 * row right there (about 1 ms a card on a phone); a slice well under the 50 ms of a long task stays
 * under it on a phone four times slower than the machine that measured it.
 */
export const SLICE_BUDGET_MS = 8;
/** The first slice: small enough for a slow phone, and it finds the speed of this one. */
export const FIRST_SLICE = 16;
/** A slice at most doubles: one fast slice (a warm cache) does not make the next one long. */
const MAX_GROWTH = 2;
const MAX_SLICE = 500;

export interface SliceOptions {
	budgetMs?: number;
	/** The largest slice (default 500): a bulk job on a fast device may take larger ones. */
	maxSlice?: number;
	/**
	 * The smallest slice after the first (default 1). A bulk job sets one: on a busy or slow device
	 * slices fitted to the budget shrink until the round trips, not the writes, take the time.
	 */
	minSlice?: number;
	/**
	 * Slices in flight at once (default 1). With 2, the next slice is issued while the disk still
	 * writes the one before, so IndexedDB never waits for the page: for bulk jobs such as a restore.
	 */
	inFlight?: number;
	/** Called after each slice with the rows written so far. */
	onProgress?: (done: number, total: number) => void;
	/** The clock; tests give their own. */
	clock?: () => number;
}

/** The size of the next slice after issuing one of `size` rows took `spentMs`. */
export function nextSliceSize(
	size: number,
	spentMs: number,
	budgetMs = SLICE_BUDGET_MS,
	maxSlice = MAX_SLICE
): number {
	const fitted = spentMs > 0 ? Math.floor((size * budgetMs) / spentMs) : size * MAX_GROWTH;
	return Math.max(1, Math.min(fitted, size * MAX_GROWTH, maxSlice));
}

/**
 * Writes rows with bulkPut in slices, inside the caller's transaction: all or nothing. Each slice
 * is issued from the completion of the one before, which the browser delivers as a task of its
 * own, so the page paints and answers taps between slices. A timer or `scheduler.yield()` between
 * slices would let IndexedDB commit the transaction half-written; a request's own completion keeps
 * it open. Slices are sized from the time issuing the last one took (the puts' work on this
 * thread, not the wait for the disk), so each stays near `budgetMs` on any device.
 * Returns the number of slices written.
 */
export async function putInSlices<T, K>(
	table: Table<T, K>,
	rows: readonly T[],
	options: SliceOptions = {}
): Promise<number> {
	const clock = options.clock ?? (() => performance.now());
	const depth = Math.max(1, options.inFlight ?? 1);
	const pending: { written: Promise<unknown>; end: number }[] = [];
	let size = FIRST_SLICE;
	let slices = 0;
	for (let issued = 0; issued < rows.length || pending.length > 0;) {
		if (issued < rows.length && pending.length < depth) {
			const slice = rows.slice(issued, issued + size);
			const started = clock();
			const written = table.bulkPut(slice);
			const spent = clock() - started;
			// Awaited in turn below; a failure aborts the transaction, which every later slice reports.
			written.catch(() => undefined);
			issued += slice.length;
			pending.push({ written, end: issued });
			size = Math.max(
				options.minSlice ?? 1,
				nextSliceSize(slice.length, spent, options.budgetMs, options.maxSlice)
			);
			continue;
		}
		const oldest = pending.shift() as { written: Promise<unknown>; end: number };
		await oldest.written;
		slices++;
		options.onProgress?.(oldest.end, rows.length);
	}
	return slices;
}
