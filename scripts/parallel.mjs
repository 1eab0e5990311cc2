// Runs npm scripts at the same time and fails if any of them fails: `node scripts/parallel.mjs a b`.
// The checks (svelte-check, ESLint, Prettier) each keep one core busy, so on a 2-core machine they
// finish in about the time of the longest rather than of all three together. Each script's output
// is held back and printed whole when it ends, so the log reads as if they had run one by one.
// Scripts named after `--behind` run at a lower priority (nice 10): checks with no clock behind
// tests with timeouts, which then get the cores they would get alone (three unit tests that take
// 6 s alone went over their 60 s beside the checks on a machine at a load average of 20).
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const behind = args.indexOf('--behind');
const names = args.filter((a) => a !== '--behind');
/** Whether the script at this index of `names` comes after `--behind`. */
const isBehind = (i) => behind >= 0 && i >= behind;
if (names.length === 0) {
	console.error('usage: node scripts/parallel.mjs <npm script>... [--behind <npm script>...]');
	process.exit(2);
}

const started = Date.now();
const seconds = (from) => ((Date.now() - from) / 1000).toFixed(1);

/** Runs one npm script, its output kept, and resolves to whether it passed. */
function run(name, low) {
	const from = Date.now();
	const npm = ['npm', 'run', '--silent', name];
	const [command, ...rest] = low ? ['nice', '-n', '10', ...npm] : npm;
	return new Promise((resolve) => {
		const child = spawn(command, rest, { stdio: ['ignore', 'pipe', 'pipe'] });
		const output = [];
		child.stdout.on('data', (chunk) => output.push(chunk));
		child.stderr.on('data', (chunk) => output.push(chunk));
		child.on('close', (code, signal) => {
			const passed = code === 0;
			const how = passed ? 'passed' : `failed (${signal ?? `exit code ${code}`})`;
			process.stdout.write(`\n> ${name}\n`);
			process.stdout.write(Buffer.concat(output));
			process.stdout.write(`[${name}] ${how} in ${seconds(from)} s\n`);
			resolve(passed);
		});
	});
}

const results = await Promise.all(names.map((name, i) => run(name, isBehind(i))));
const failed = names.filter((_, i) => !results[i]);
console.log(
	failed.length
		? `\n${failed.join(', ')} failed (all ${names.length} done in ${seconds(started)} s)`
		: `\nAll ${names.length} passed in ${seconds(started)} s`
);
process.exit(failed.length ? 1 : 0);
