/**
 * Chromium traces of the answer loop: the renderer main thread's busy time between a click on a
 * rating and the next card painted (the sum of its top-level tasks, clipped to that window), and
 * (`TRACE=4 npm run bench`) a breakdown by trace event (script, style, layout, paint, garbage
 * collection), from the `bench-answer` and `bench-painted` marks the loop sets.
 */

/** One event of a Chromium trace, as the bench reads it. */
export interface TraceEvent {
	name: string;
	ph: string;
	ts: number;
	dur?: number;
	/** Thread (CPU) time of the event, where the trace records it: unlike `dur`, it does not count
	 * the time the thread waited for a core on a busy machine. */
	tdur?: number;
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
	if (!first) return { answers: 0, p50: 0, p95: 0, mean: 0, cpuP50: 0, cpuP95: 0 };
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
	// Keep outermost tasks only: a nested run loop would count twice. Each keeps its thread time.
	const top: [number, number, number][] = [];
	for (const t of tasks) {
		const end = t.ts + (t.dur ?? 0);
		const last = top.at(-1);
		if (last && t.ts < last[1]) last[1] = Math.max(last[1], end);
		else top.push([t.ts, end, t.tdur ?? 0]);
	}
	const busy: number[] = [];
	const cpu: number[] = [];
	for (const [a, b] of windows.slice(skip)) {
		let wall = 0;
		let thread = 0;
		for (const [s, e, t] of top) {
			if (e <= a) continue;
			if (s >= b) break;
			const inside = Math.min(e, b) - Math.max(s, a);
			wall += inside;
			// A task cut by the window's edge counts its thread time in proportion.
			thread += e > s ? (t * inside) / (e - s) : 0;
		}
		busy.push(wall / 1000);
		cpu.push(thread / 1000);
	}
	const round = (x: number) => Number(x.toFixed(1));
	return {
		answers: busy.length,
		p50: round(pct(busy, 0.5)),
		p95: round(pct(busy, 0.95)),
		mean: round(busy.reduce((s, x) => s + x, 0) / (busy.length || 1)),
		/** Thread time (CPU) per answer: what a busy machine does not inflate. 0 if not recorded. */
		cpuP50: round(pct(cpu, 0.5)),
		cpuP95: round(pct(cpu, 0.95))
	};
}

/** Trace events of script running (a style or layout inside one was forced by it). */
const SCRIPT =
	/^(FunctionCall|EvaluateScript|v8\.callFunction|TimerFire|EventDispatch|FireAnimationFrame|RunMicrotasks|BlinkScheduler_PerformMicrotaskCheckpoint)/;

/**
 * Self time per event name (ms per window, mean over the windows) on the thread that set the
 * marks, inside the windows (answers, or opening the review), and the mean busy time per window.
 */
export function summariseTrace(buffer: Buffer, marks: Marks = ANSWER_MARKS) {
	const { events, first, windows } = readTrace(buffer, marks);
	if (!first) return { answers: 0 };
	// Self time in thread (CPU) time where the trace has it: a busy machine does not inflate it.
	const cost = (e: TraceEvent) => e.tdur ?? e.dur ?? 0;
	const main = events
		.filter((e) => e.pid === first.pid && e.tid === first.tid && e.ph === 'X' && e.dur)
		.filter((e) => e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask')
		.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
	const self = new Map<string, number>();
	let busy = 0;
	// Style and layout worked out inside script (a forced style or layout), not in the frame's own
	// rendering: each is a place where the page asked for it on the spot.
	let forced = 0;
	let forcedCost = 0;
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
			if (
				(e.name === 'UpdateLayoutTree' || e.name === 'Layout') &&
				stack.some((s) => SCRIPT.test(s.key))
			) {
				forced++;
				forcedCost += cost(e);
			}
			self.set(key, (self.get(key) ?? 0) + cost(e));
			if (parent) self.set(parent.key, (self.get(parent.key) ?? 0) - cost(e));
			else busy += cost(e);
		}
		stack.push({ end, key });
	}
	const n = windows.length;
	return {
		answers: n,
		meanWindowMs: Number((windows.reduce((s, [a, b]) => s + b - a, 0) / n / 1000).toFixed(1)),
		meanBusyMs: Number((busy / n / 1000).toFixed(1)),
		forcedStyleOrLayoutPerAnswer: Number((forced / n).toFixed(2)),
		forcedMsPerAnswer: Number((forcedCost / n / 1000).toFixed(2)),
		selfMsPerAnswer: Object.fromEntries(
			[...self.entries()]
				.filter(([, v]) => v / n / 1000 >= 0.2)
				.sort((a, b) => b[1] - a[1])
				.slice(0, 20)
				.map(([k, v]) => [k, Number((v / n / 1000).toFixed(2))])
		)
	};
}
