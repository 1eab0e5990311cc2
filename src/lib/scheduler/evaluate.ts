import { forgetting_curve, fsrs, generatorParameters, type FSRSState } from 'ts-fsrs';
import type { TrainingItem } from './optimizer-input';

/** How well a set of FSRS parameters predicts answers: lower is better for both. */
export interface Fit {
	/** Mean negative log-likelihood of right (rating > Again) or wrong. */
	logLoss: number;
	/** Root mean square gap between predicted and observed recall, in 20 bins of prediction. */
	rmse: number;
	count: number;
}

const EPS = 1e-6;

/**
 * Replays each item's earlier answers with `w` and predicts its last: the probability of recall
 * after its delay. Pure (ts-fsrs's own memory model, so it judges what the scheduler will do).
 * @example evaluate(default_w, heldOut) // { logLoss: 0.33, rmse: 0.05, count: 812 }
 */
export function evaluate(w: readonly number[], items: readonly TrainingItem[]): Fit {
	const engine = fsrs(generatorParameters({ w: [...w] }));
	const bins = Array.from({ length: 20 }, () => ({ n: 0, p: 0, y: 0 }));
	let loss = 0;
	for (const item of items) {
		let state: FSRSState | null = null;
		const last = item.ratings.length - 1;
		for (let i = 0; i < last; i++)
			state = engine.next_state(state, item.deltas[i] ?? 0, item.ratings[i] ?? 3);
		const p = state
			? Math.min(
					1 - EPS,
					Math.max(EPS, forgetting_curve([...w], item.deltas[last] ?? 0, state.stability))
				)
			: 0.5;
		const y = (item.ratings[last] ?? 1) > 1 ? 1 : 0;
		loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
		const bin = bins[Math.min(19, Math.floor(p * 20))];
		if (bin) {
			bin.n++;
			bin.p += p;
			bin.y += y;
		}
	}
	const n = items.length;
	const squared = bins.reduce((s, b) => (b.n ? s + b.n * ((b.p - b.y) / b.n) ** 2 : s), 0);
	return n === 0
		? { logLoss: Number.NaN, rmse: Number.NaN, count: 0 }
		: { logLoss: loss / n, rmse: Math.sqrt(squared / n), count: n };
}
