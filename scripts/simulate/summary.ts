/** One policy's figures, as `npm run simulate` prints them. */
import type { Drift } from './fit';
import type { Policy } from './policies';
import type { SimulationResult } from './simulate';

export interface PolicySummary {
	name: string;
	label: string;
	/** Share of answers to cards in review that the memory recalled. */
	trueRetention: number;
	/** Share of those the app graded right (what its statistics show). */
	gradedRetention: number;
	/** Graded right though not recalled (a guess), per answer in review. */
	luckyShare: number;
	/** Graded wrong though recalled (a refused typo), per answer in review. */
	refusedShare: number;
	/** Every scheduling answer (learning steps included), per simulated day. */
	answersPerDay: number;
	reviews: number;
	modes: Record<string, number>;
	drift?: Drift;
}

const round = (x: number, digits = 4) => Number(x.toFixed(digits));

/** The figures of one simulated policy. */
export function summarise(policy: Policy, result: SimulationResult, drift?: Drift): PolicySummary {
	const r = result.review;
	return {
		name: policy.name,
		label: policy.label,
		trueRetention: round(r.recalled / r.reviews),
		gradedRetention: round(r.gradedRight / r.reviews),
		luckyShare: round(r.lucky / r.reviews),
		refusedShare: round(r.refused / r.reviews),
		answersPerDay: round(result.answers / result.options.days, 1),
		reviews: r.reviews,
		modes: { ...result.modes },
		...(drift ? { drift } : {})
	};
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The summaries as a plain-text table. */
export function table(rows: readonly PolicySummary[], desired: number): string {
	const fit = rows.some((r) => r.drift);
	const head = [
		'policy',
		'true ret.',
		'vs desired',
		'graded right',
		'lucky',
		'answers/day',
		...(fit ? ['fitted/true S', 'recall gap'] : [])
	];
	const body = rows.map((r) => [
		r.label,
		pct(r.trueRetention),
		`${r.trueRetention >= desired ? '+' : ''}${(100 * (r.trueRetention - desired)).toFixed(1)}`,
		pct(r.gradedRetention),
		pct(r.luckyShare),
		r.answersPerDay.toFixed(1),
		...(fit && r.drift
			? [r.drift.stabilityRatio.toFixed(2), r.drift.meanAbsRecallGap.toFixed(3)]
			: fit
				? ['', '']
				: [])
	]);
	const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
	const line = (cells: readonly string[]) =>
		cells
			.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
			.join('  ');
	return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
