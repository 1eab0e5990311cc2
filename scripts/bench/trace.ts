/**
 * Chromium traces of the answer loop (`TRACE=4 npm run bench`): the renderer main thread's work
 * between a click on a rating and the next card painted, by trace event (script, style, layout,
 * paint, garbage collection), from the `bench-answer` and `bench-painted` marks the loop sets.
 */

interface TraceEvent {
	name: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	cat: string;
	args?: { name?: string; data?: { functionName?: string; url?: string } };
}

export const TRACE_CATEGORIES = [
	'devtools.timeline',
	'blink.user_timing',
	'v8',
	'disabled-by-default-devtools.timeline'
];

/**
 * Self time per event name (ms per answer, mean over the answers) on the thread that set the
 * marks, inside answer windows, and the mean busy time per answer.
 */
export function summariseTrace(buffer: Buffer) {
	const raw = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
	const events = Array.isArray(raw) ? raw : raw.traceEvents;
	const marks = events
		.filter((e) => e.name === 'bench-answer' || e.name === 'bench-painted')
		.sort((a, b) => a.ts - b.ts);
	const first = marks[0];
	if (!first) return { answers: 0 };
	const windows: [number, number][] = [];
	for (let i = 0; i < marks.length - 1; i++) {
		const a = marks[i] as TraceEvent;
		const b = marks[i + 1] as TraceEvent;
		if (a.name === 'bench-answer' && b.name === 'bench-painted') windows.push([a.ts, b.ts]);
	}
	const main = events
		.filter((e) => e.pid === first.pid && e.tid === first.tid && e.ph === 'X' && e.dur)
		.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
	const self = new Map<string, number>();
	let busy = 0;
	const stack: { end: number; key: string }[] = [];
	const inWindow = (ts: number) => windows.some(([a, b]) => ts >= a && ts < b);
	for (const e of main) {
		const end = e.ts + (e.dur ?? 0);
		while (stack.length && (stack.at(-1) as { end: number }).end <= e.ts) stack.pop();
		const parent = stack.at(-1);
		const key =
			e.name === 'FunctionCall' && e.args?.data?.functionName
				? `FunctionCall ${e.args.data.functionName}`
				: e.name;
		if (inWindow(e.ts)) {
			self.set(key, (self.get(key) ?? 0) + (e.dur ?? 0));
			if (parent) self.set(parent.key, (self.get(parent.key) ?? 0) - (e.dur ?? 0));
			else busy += e.dur ?? 0;
		}
		stack.push({ end, key });
	}
	const n = windows.length;
	return {
		answers: n,
		meanWindowMs: Number((windows.reduce((s, [a, b]) => s + b - a, 0) / n / 1000).toFixed(1)),
		meanBusyMs: Number((busy / n / 1000).toFixed(1)),
		selfMsPerAnswer: Object.fromEntries(
			[...self.entries()]
				.filter(([, v]) => v / n / 1000 >= 0.2)
				.sort((a, b) => b[1] - a[1])
				.slice(0, 20)
				.map(([k, v]) => [k, Number((v / n / 1000).toFixed(2))])
		)
	};
}
