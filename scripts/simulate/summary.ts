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
	/** True retention of the answers in review, by the mode they were asked in. */
	retentionByMode: Record<string, number>;
	/** With `--fit`: the parameters fitted to this policy's log, and how far they are from the truth. */
	drift?: Omit<Drift, 'parameters'> & { parameters: number[] };
	/** With `--fit`: a second run, the app scheduling with those fitted parameters. */
	afterFit?: { trueRetention: number; answersPerDay: number };
}

const round = (x: number, digits = 4) => Number(x.toFixed(digits));

/** The figures of one simulated policy. */
export function summarise(
	policy: Policy,
	result: SimulationResult,
	fit?: { drift: Drift; after: SimulationResult }
): PolicySummary {
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
		retentionByMode: Object.fromEntries(
			Object.entries(result.byMode).map(([mode, c]) => [mode, round(c.recalled / c.reviews)])
		),
		...(fit
			? {
					drift: {
						...fit.drift,
						parameters: fit.drift.parameters.map((w) => round(w)),
						bias: round(fit.drift.bias),
						meanAbsGap: round(fit.drift.meanAbsGap),
						initial: {
							fitted: fit.drift.initial.fitted.map((w) => round(w, 2)),
							truth: fit.drift.initial.truth.map((w) => round(w, 2))
						}
					},
					afterFit: {
						trueRetention: round(fit.after.review.recalled / fit.after.review.reviews),
						answersPerDay: round(fit.after.answers / fit.after.options.days, 1)
					}
				}
			: {})
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
		...(fit ? ['fit bias', 'S0 Good fit', 'true ret. after fit'] : [])
	];
	const body = rows.map((r) => [
		r.label,
		pct(r.trueRetention),
		`${r.trueRetention >= desired ? '+' : ''}${(100 * (r.trueRetention - desired)).toFixed(1)}`,
		pct(r.gradedRetention),
		pct(r.luckyShare),
		r.answersPerDay.toFixed(1),
		...(fit && r.drift && r.afterFit
			? [
					`${r.drift.bias >= 0 ? '+' : ''}${r.drift.bias.toFixed(3)}`,
					`${(r.drift.initial.fitted[2] ?? 0).toFixed(2)} d`,
					pct(r.afterFit.trueRetention)
				]
			: fit
				? ['', '', '']
				: [])
	]);
	const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
	const line = (cells: readonly string[]) =>
		cells
			.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
			.join('  ');
	return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
