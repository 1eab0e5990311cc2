/**
 * Chromium traces of the answer loop: the renderer main thread's busy time between a click on a
 * rating and the next card painted (the sum of its top-level tasks, clipped to that window), and
 * (`TRACE=4 npm run bench`) a breakdown by trace event (script, style, layout, paint, garbage
 * collection), from the `bench-answer` and `bench-painted` marks the loop sets.
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

/** Enough for the busy time: top-level tasks and the marks; cheap to record. */
export const BUSY_CATEGORIES = ['toplevel', 'blink.user_timing'];

export const TRACE_CATEGORIES = [
	...BUSY_CATEGORIES,
	'devtools.timeline',
	'v8',
	'disabled-by-default-devtools.timeline'
];

/** The marks that open and close each window: an answer, or (`OPEN_MARKS`) opening the review. */
type Marks = [string, string];
const ANSWER_MARKS: Marks = ['bench-answer', 'bench-painted'];
export const OPEN_MARKS: Marks = ['bench-open', 'bench-first-card'];
/** From a rating to the moment its answer is written (after the next card is painted). */
export const SAVED_MARKS: Marks = ['bench-answer', 'bench-saved'];

function readTrace(buffer: Buffer, [from, to]: Marks = ANSWER_MARKS) {
	const raw = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
	const events = Array.isArray(raw) ? raw : raw.traceEvents;
	const marks = events.filter((e) => e.name === from || e.name === to).sort((a, b) => a.ts - b.ts);
	const windows: [number, number][] = [];
	for (let i = 0; i < marks.length - 1; i++) {
		const a = marks[i] as TraceEvent;
		const b = marks[i + 1] as TraceEvent;
		if (a.name === from && b.name === to) windows.push([a.ts, b.ts]);
	}
	return { events, first: marks[0], windows };
}

const pct = (xs: number[], p: number) =>
	[...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)] ?? 0;

/**
 * Main-thread busy time per answer (ms): for each answer window, the time the renderer's main
 * thread spent in top-level tasks (`RunTask`) inside it. `skip` leaves out the warm-up answers.
 */
export function busyPerAnswer(buffer: Buffer, skip = 0, marks: Marks = ANSWER_MARKS) {
	const { events, first, windows } = readTrace(buffer, marks);
	if (!first) return { answers: 0, p50: 0, p95: 0, mean: 0 };
	const tasks = events
		.filter(
			(e) =>
				e.pid === first.pid &&
				e.tid === first.tid &&
				e.ph === 'X' &&
				e.dur &&
				(e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')
		)
		.sort((a, b) => a.ts - b.ts);
	// Keep outermost tasks only: a nested run loop would count twice.
	const top: [number, number][] = [];
	for (const t of tasks) {
		const end = t.ts + (t.dur ?? 0);
		const last = top.at(-1);
		if (last && t.ts < last[1]) last[1] = Math.max(last[1], end);
		else top.push([t.ts, end]);
	}
	const busy = windows.slice(skip).map(([a, b]) => {
		let sum = 0;
		for (const [s, e] of top) {
			if (e <= a) continue;
			if (s >= b) break;
			sum += Math.min(e, b) - Math.max(s, a);
		}
		return sum / 1000;
	});
	const round = (x: number) => Number(x.toFixed(1));
	return {
		answers: busy.length,
		p50: round(pct(busy, 0.5)),
		p95: round(pct(busy, 0.95)),
		mean: round(busy.reduce((s, x) => s + x, 0) / (busy.length || 1))
	};
}

/**
 * Self time per event name (ms per window, mean over the windows) on the thread that set the
 * marks, inside the windows (answers, or opening the review), and the mean busy time per window.
 */
export function summariseTrace(buffer: Buffer, marks: Marks = ANSWER_MARKS) {
	const { events, first, windows } = readTrace(buffer, marks);
	if (!first) return { answers: 0 };
	const main = events
		.filter((e) => e.pid === first.pid && e.tid === first.tid && e.ph === 'X' && e.dur)
		.filter((e) => e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask')
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
