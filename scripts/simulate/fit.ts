/**
 * Fits FSRS parameters to a simulated log with the app's own input builder (`trainingItems`) and the
 * optimizer the app runs (fsrs-browser's WebAssembly build of fsrs-rs, single-threaded, here in Node),
 * and measures how far they drift from the learner's true parameters.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { forgetting_curve, fsrs, generatorParameters, type FSRSState } from 'ts-fsrs';
import { flatten, trainingItems, type LogEntry, type TrainingItem } from '../../src/lib/scheduler';

/** How far fitted parameters are from the true ones, judged on the histories of the log. */
export interface Drift {
	/** Fitted initial stability in days after a first Again, Hard, Good, Easy (w0-w3), and the true. */
	initial: { fitted: number[]; truth: number[] };
	/**
	 * Median, over the log's predicted answers, of the stability the fitted parameters give the card's
	 * history divided by what the true parameters give it: above 1, reviews spaced too far apart.
	 */
	stabilityRatio: number;
	/** Mean gap between the recall the fitted and the true parameters predict at each answer. */
	meanAbsRecallGap: number;
	items: number;
	fitMs: number;
}

let optimizer: Promise<(items: readonly TrainingItem[]) => number[]> | undefined;

/** Loads the WebAssembly optimizer once. */
function loadOptimizer(): Promise<(items: readonly TrainingItem[]) => number[]> {
	optimizer ??= (async () => {
		// Its thread-pool helper listens on `self` when loaded; Node has no `self`.
		(globalThis as { self?: unknown }).self ??= { addEventListener: () => undefined };
		const { initSync, Fsrs } = await import('fsrs-browser');
		const require = createRequire(import.meta.url);
		initSync({ module: readFileSync(require.resolve('fsrs-browser/fsrs_browser_bg.wasm')) });
		return (items) => {
			const flat = flatten(items);
			const fsrsRs = new Fsrs();
			try {
				return Array.from(
					fsrsRs.computeParameters(flat.ratings, flat.deltas, flat.lengths, null, true)
				);
			} finally {
				fsrsRs.free();
			}
		};
	})();
	return optimizer;
}

/** The memory state after all but the last answer of an item, under parameters `w`. */
function stateBefore(engine: ReturnType<typeof fsrs>, item: TrainingItem): FSRSState | null {
	let state: FSRSState | null = null;
	for (let i = 0; i < item.ratings.length - 1; i++)
		state = engine.next_state(state, item.deltas[i] ?? 0, item.ratings[i] ?? 3);
	return state;
}

/**
 * Compares parameters `fitted` with `truth` on `items`: the stability and recall each gives the
 * same histories.
 */
export function compare(
	fitted: readonly number[],
	truth: readonly number[],
	items: readonly TrainingItem[]
): Pick<Drift, 'initial' | 'stabilityRatio' | 'meanAbsRecallGap'> {
	const a = fsrs(generatorParameters({ w: [...fitted], enable_short_term: true }));
	const b = fsrs(generatorParameters({ w: [...truth], enable_short_term: true }));
	const ratios: number[] = [];
	let gap = 0;
	for (const item of items) {
		const sa = stateBefore(a, item);
		const sb = stateBefore(b, item);
		if (!sa || !sb) continue;
		ratios.push(sa.stability / sb.stability);
		const t = item.deltas.at(-1) ?? 0;
		gap += Math.abs(
			forgetting_curve([...fitted], t, sa.stability) - forgetting_curve([...truth], t, sb.stability)
		);
	}
	ratios.sort((x, y) => x - y);
	return {
		initial: { fitted: fitted.slice(0, 4), truth: truth.slice(0, 4) },
		stabilityRatio: ratios[Math.floor(ratios.length / 2)] ?? Number.NaN,
		meanAbsRecallGap: ratios.length ? gap / ratios.length : Number.NaN
	};
}

/**
 * Fits parameters to `log` (the app's day rollover at 4 am) and compares them with `truth`.
 * @example await fitDrift(result.log, default_w) // { stabilityRatio: 1.02, … }
 */
export async function fitDrift(log: readonly LogEntry[], truth: readonly number[]): Promise<Drift> {
	const fit = await loadOptimizer();
	const items = trainingItems(log, 4);
	const t0 = performance.now();
	const fitted = fit(items);
	const fitMs = Math.round(performance.now() - t0);
	return { ...compare(fitted, truth, items), items: items.length, fitMs };
}
