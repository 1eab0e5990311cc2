// The optimizer on a synthetic log (issue 16): a learner whose memory follows known FSRS-6
// parameters answers real intervals; fsrs-rs (fsrs-browser's WebAssembly, single-threaded, in Node)
// fits parameters on the older 80 % of the answers; the held-out newest 20 % are predicted with the
// fitted, the true and the default parameters. Usage: `npx tsx scripts/bench/optimizer-fit.ts [cards]`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { default_w, forgetting_curve, fsrs, generatorParameters } from 'ts-fsrs';
import { evaluate, flatten, holdOut, type TrainingItem } from '../../src/lib/scheduler';

const cards = Number(process.argv[2] ?? 1000);
const truth = [...default_w];
truth[0] = 0.3; // Again on first sight: shorter
truth[2] = 1.5; // Good on first sight: shorter than the default 2.3 days
truth[8] = 1.2;
truth[20] = 0.25;

let seed = 11;
const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
const engine = fsrs(generatorParameters({ w: truth, request_retention: 0.9 }));
const items: TrainingItem[] = [];
for (let c = 0; c < cards; c++) {
	const start = Math.floor(random() * 200);
	const first = random() < 0.25 ? 1 : 3;
	const ratings = [first];
	const deltas = [0];
	let state = engine.next_state(null, 0, first);
	let day = start;
	while (day < 365) {
		// Intervals as a scheduler at 90 % retention gives them, with some spread.
		const ideal = engine.next_interval(state.stability, 0);
		const delta = Math.max(1, Math.round(ideal * (0.7 + 0.6 * random())));
		day += delta;
		if (day >= 365) break;
		const p = forgetting_curve(truth, delta, state.stability);
		const rating = random() < p ? (random() < 0.15 ? 2 : random() < 0.9 ? 3 : 4) : 1;
		ratings.push(rating);
		deltas.push(delta);
		items.push({ ratings: [...ratings], deltas: [...deltas], at: day * 86_400_000 + c });
		state = engine.next_state(state, delta, rating);
	}
}

// Its thread-pool helper listens on `self` when loaded; Node has no `self`.
(globalThis as { self?: unknown }).self ??= { addEventListener: () => undefined };
const { initSync, Fsrs } = await import('fsrs-browser');
const require = createRequire(import.meta.url);
initSync({ module: readFileSync(require.resolve('fsrs-browser/fsrs_browser_bg.wasm')) });
const { train, test } = holdOut(items);
const flat = flatten(train);
const t0 = performance.now();
const optimizer = new Fsrs();
const fitted = Array.from(
	optimizer.computeParameters(flat.ratings, flat.deltas, flat.lengths, null, true)
);
const ms = performance.now() - t0;
const row = (name: string, w: readonly number[]) => {
	const fit = evaluate(w, test);
	return { name, logLoss: +fit.logLoss.toFixed(4), rmse: +fit.rmse.toFixed(4) };
};
console.log(
	JSON.stringify(
		{
			cards,
			reviews: items.length,
			heldOut: test.length,
			fitMs: Math.round(ms),
			results: [row('fitted', fitted), row('true', truth), row('default', default_w)]
		},
		null,
		1
	)
);
