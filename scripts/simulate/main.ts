// `npm run simulate`: a simulated learner studies a synthetic deck for a year under each policy, and
// the true retention at review time is compared with the desired retention (issue 16).
// Flags: --json, --seed N, --cards N, --days N, --new N (per day), --retention R, --fit (fit FSRS to
// each policy's log and report the drift: slower), --truth default|perturbed, --policies a,b.
process.env.TZ = 'UTC'; // The optimizer input counts study days in local time; the sessions are in UTC.

import { parseArgs } from 'node:util';
import { default_w } from 'ts-fsrs';
import { fitDrift } from './fit';
import { APP_POLICY, POLICIES } from './policies';
import { DEFAULT_OPTIONS, simulate } from './simulate';
import { summarise, table, type PolicySummary } from './summary';

const { values } = parseArgs({
	options: {
		json: { type: 'boolean', default: false },
		fit: { type: 'boolean', default: false },
		seed: { type: 'string', default: String(DEFAULT_OPTIONS.seed) },
		cards: { type: 'string', default: String(DEFAULT_OPTIONS.cards) },
		days: { type: 'string', default: String(DEFAULT_OPTIONS.days) },
		new: { type: 'string', default: String(DEFAULT_OPTIONS.newPerDay) },
		retention: { type: 'string', default: String(DEFAULT_OPTIONS.desiredRetention) },
		truth: { type: 'string', default: 'default' },
		policies: { type: 'string', default: POLICIES.map((p) => p.name).join(',') }
	}
});

/** A learner unlike the defaults: first memories shorter, lapses costlier (as in the optimizer bench). */
function perturbed(): number[] {
	const w = [...default_w];
	w[0] = 0.3;
	w[2] = 1.5;
	w[8] = 1.2;
	w[20] = 0.25;
	return w;
}

const number = (name: string, text: string | undefined) => {
	const n = Number(text);
	if (!Number.isFinite(n) || n <= 0) throw new RangeError(`--${name} must be a positive number`);
	return n;
};
if (values.truth !== 'default' && values.truth !== 'perturbed')
	throw new RangeError('--truth must be default or perturbed');
const options = {
	...DEFAULT_OPTIONS,
	seed: number('seed', values.seed),
	cards: number('cards', values.cards),
	days: number('days', values.days),
	newPerDay: number('new', values.new),
	desiredRetention: number('retention', values.retention),
	trueW: values.truth === 'perturbed' ? perturbed() : default_w
};

const chosen = (values.policies ?? '').split(',').map((name) => {
	const policy = POLICIES.find((p) => p.name === name.trim());
	if (!policy)
		throw new RangeError(`unknown policy ${name}: ${POLICIES.map((p) => p.name).join(', ')}`);
	return policy;
});

const t0 = performance.now();
const cpu0 = process.cpuUsage();
const rows: PolicySummary[] = [];
for (const policy of chosen) {
	const run = {
		...options,
		deckMode: policy.deckMode,
		...(policy.rightChoiceGood ? { rightChoiceGood: true } : {})
	};
	const result = simulate(run);
	if (!values.fit) {
		rows.push(summarise(policy, result));
		continue;
	}
	const drift = await fitDrift(result.log, options.trueW, result.recallAt);
	// What the learner would get after "Optimize my schedule": the same year, with those parameters.
	const after = simulate({ ...run, appW: drift.parameters });
	rows.push(summarise(policy, result, { drift, after }));
}
const ms = Math.round(performance.now() - t0);
const cpu = process.cpuUsage(cpu0);
const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
const app = rows.find((r) => r.name === APP_POLICY);

if (values.json) {
	console.log(
		JSON.stringify({
			seed: options.seed,
			cards: options.cards,
			days: options.days,
			newPerDay: options.newPerDay,
			truth: values.truth,
			ms,
			cpuMs,
			app: {
				policy: APP_POLICY,
				desiredRetention: options.desiredRetention,
				trueRetention: app?.trueRetention
			},
			policies: rows
		})
	);
} else {
	console.log(
		`${options.cards} cards, ${options.days} days, ${options.newPerDay} new a day, desired retention ${options.desiredRetention}, seed ${options.seed}, true parameters: ${values.truth}\n`
	);
	console.log(table(rows, options.desiredRetention));
	console.log(
		`\ntrue ret.: answers to cards in review that the memory recalled; graded right: what the app counted right; lucky: right without recall.`
	);
	console.log(
		`${(ms / 1000).toFixed(1)} s (${(cpuMs / 1000).toFixed(1)} s of CPU) on Node ${process.version}`
	);
}
