/**
 * Fits FSRS parameters to a simulated log with the app's own input builder (`trainingItems`) and the
 * optimizer the app runs (fsrs-browser's WebAssembly build of fsrs-rs, single-threaded, here in Node),
 * and measures how far they drift from the learner's true memory.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { forgetting_curve, fsrs, generatorParameters, type FSRSState } from 'ts-fsrs';
import { flatten, trainingItems, type LogEntry, type TrainingItem } from '../../src/lib/scheduler';

/** How far fitted parameters are from the truth. */
export interface Drift {
	parameters: number[];
	/** Initial stability in days after a first Again, Hard, Good, Easy (w0-w3): fitted and true. */
	initial: { fitted: number[]; truth: number[] };
	/**
	 * Mean, over the log's predicted answers, of the recall the fitted parameters predict from the
	 * card's logged ratings less the memory's true chance of recall then. Above 0: the fitted
	 * parameters believe the learner remembers more than it does, and would space reviews too far.
	 */
	bias: number;
	/** The same gap, without its sign. */
	meanAbsGap: number;
	items: number;
	fitMs: number;
}

type Fit = (items: readonly TrainingItem[]) => number[];
let optimizer: Promise<Fit> | undefined;

/** Loads the WebAssembly optimizer once. */
function loadOptimizer(): Promise<Fit> {
	optimizer ??= (async () => {
		// Its thread-pool helper listens on `self` when loaded; Node has no `self`.
		(globalThis as { self?: unknown }).self ??= { addEventListener: () => undefined };
		const { initSync, Fsrs } = await import('fsrs-browser');
		const require = createRequire(import.meta.url);
		initSync({ module: readFileSync(require.resolve('fsrs-browser/fsrs_browser_bg.wasm')) });
		return (items) => {
			const flat = flatten(items);
			// It reports each epoch's loss on the console, which would break `--json`'s one object.
			const quiet = { log: console.log, info: console.info, debug: console.debug };
			console.log = console.info = console.debug = () => undefined;
			try {
				// computeParameters takes the optimizer by value: nothing to free after it.
				return Array.from(
					new Fsrs().computeParameters(flat.ratings, flat.deltas, flat.lengths, null, true)
				);
			} finally {
				Object.assign(console, quiet);
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
 * Compares what parameters `w` predict for each item's last answer with the memory's true chance of
 * recall at that answer (`truth`, by the answer's time).
 */
export function recallGap(
	w: readonly number[],
	items: readonly TrainingItem[],
	truth: ReadonlyMap<number, number>
): { bias: number; meanAbsGap: number } {
	const engine = fsrs(generatorParameters({ w: [...w], enable_short_term: true }));
	let n = 0;
	let sum = 0;
	let abs = 0;
	for (const item of items) {
		const state = stateBefore(engine, item);
		const real = truth.get(item.at);
		if (!state || real === undefined) continue;
		const gap = forgetting_curve([...w], item.deltas.at(-1) ?? 0, state.stability) - real;
		n++;
		sum += gap;
		abs += Math.abs(gap);
	}
	return { bias: n ? sum / n : Number.NaN, meanAbsGap: n ? abs / n : Number.NaN };
}

/**
 * Fits parameters to `log` (the app's day rollover at 4 am) and compares them with the true
 * parameters `trueW` and the memory's true recall at each answer (`recallAt`, by time).
 * @example await fitDrift(result.log, default_w, result.recallAt) // { bias: 0.004, … }
 */
export async function fitDrift(
	log: readonly LogEntry[],
	trueW: readonly number[],
	recallAt: ReadonlyMap<number, number>
): Promise<Drift> {
	const fit = await loadOptimizer();
	const items = trainingItems(log, 4);
	const t0 = performance.now();
	const parameters = fit(items);
	const fitMs = Math.round(performance.now() - t0);
	return {
		parameters,
		initial: { fitted: parameters.slice(0, 4), truth: trueW.slice(0, 4) },
		...recallGap(parameters, items, recallAt),
		items: items.length,
		fitMs
	};
}
