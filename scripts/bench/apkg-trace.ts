/**
 * Reads a Chromium trace of one package import (`toplevel` and user-timing categories): per
 * thread kind, the longest top-level task by wall time and by thread (CPU) time, and the CPU time
 * spent. Thread time is what a busy shared machine does not inflate: a task that waited for a
 * core is long on the wall clock but not in thread time.
 */

import type { TraceEvent } from './trace';

export interface ThreadFigures {
	/** Longest top-level task: its wall time and its thread time (ms). */
	longestWallMs: number;
	longestWallCpuMs: number;
	/** The task with the most thread time (ms). */
	longestCpuMs: number;
	/** Thread time of all its top-level tasks (ms). */
	cpuMs: number;
}

export interface ImportTrace {
	/** The page's main thread, while reading and previewing, and while saving. */
	mainReading: ThreadFigures;
	mainSaving: ThreadFigures;
	/** The import worker's thread(s). */
	worker: ThreadFigures;
	/** Every thread of every process of the browser (IndexedDB, blobs, compositor…). */
	allCpuMs: number;
}

const isTask = (e: TraceEvent) =>
	e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');

/** Outermost tasks of one thread, as [start, end, thread time] in µs. */
function topTasks(events: TraceEvent[]): [number, number, number][] {
	const top: [number, number, number][] = [];
	for (const t of [...events].sort((a, b) => a.ts - b.ts)) {
		const end = t.ts + (t.dur ?? 0);
		const last = top.at(-1);
		if (last && t.ts < last[1]) last[1] = Math.max(last[1], end);
		else top.push([t.ts, end, t.tdur ?? 0]);
	}
	return top;
}

function figures(tasks: [number, number, number][]): ThreadFigures {
	let wall: [number, number, number] = [0, 0, 0];
	let cpu = 0;
	let sum = 0;
	for (const t of tasks) {
		if (t[1] - t[0] > wall[1] - wall[0]) wall = t;
		cpu = Math.max(cpu, t[2]);
		sum += t[2];
	}
	const ms = (us: number) => Math.round(us / 1000);
	return {
		longestWallMs: ms(wall[1] - wall[0]),
		longestWallCpuMs: ms(wall[2]),
		longestCpuMs: ms(cpu),
		cpuMs: ms(sum)
	};
}

/** The figures of an import traced from choosing the file to the end, split at `saveMark`. */
export function readImportTrace(buffer: Buffer, saveMark: string): ImportTrace {
	const raw = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
	const events = Array.isArray(raw) ? raw : raw.traceEvents;
	const mark = events.find((e) => e.name === saveMark);
	if (!mark) throw new Error(`no ${saveMark} mark in the trace`);
	const names = new Map<string, string>();
	for (const e of events)
		if (e.ph === 'M' && e.name === 'thread_name')
			names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
	const tasks = events.filter(isTask);
	const main = topTasks(tasks.filter((e) => e.pid === mark.pid && e.tid === mark.tid));
	const workers = tasks.filter(
		(e) => e.pid === mark.pid && /DedicatedWorker/.test(names.get(`${e.pid}:${e.tid}`) ?? '')
	);
	const byThread = new Map<string, TraceEvent[]>();
	for (const e of tasks) {
		const key = `${e.pid}:${e.tid}`;
		const list = byThread.get(key) ?? [];
		list.push(e);
		byThread.set(key, list);
	}
	let all = 0;
	for (const list of byThread.values()) all += figures(topTasks(list)).cpuMs;
	return {
		mainReading: figures(main.filter((t) => t[0] < mark.ts)),
		mainSaving: figures(main.filter((t) => t[0] >= mark.ts)),
		worker: figures(topTasks(workers)),
		allCpuMs: all
	};
}
