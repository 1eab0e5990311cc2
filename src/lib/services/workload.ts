import { default_w } from 'ts-fsrs';
import { studyDayStart } from '$lib/scheduler/day';
import { DEFAULT_COSTS, type Workload, type WorkloadInput } from '$lib/scheduler/workload';
import { loadSettings } from '$lib/storage/study-settings';
import { readAnswerCosts, readWorkloadCards } from '$lib/storage/workload-input';
import type { WorkloadReply } from './workload-worker';
import { appDb } from './database';

export type { Workload };

/** The workload estimate and what it was computed for. */
export interface WorkloadEstimate {
	workload: Workload;
	/** The desired retention in use now, to show beside the curve. */
	current: number;
	/** The learner's own FSRS parameters were used (false: the defaults, not optimized yet). */
	ownParameters: boolean;
}

/**
 * Simulates the next year of this collection at each desired retention, in a worker, with the
 * FSRS parameters and daily limits in use and the learner's own answer times where the log has them.
 * `onProgress` counts the retentions done; `signal` ends the worker.
 */
export async function estimateWorkload(
	now: Date,
	options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {}
): Promise<WorkloadEstimate> {
	const db = appDb();
	const settings = await loadSettings(db);
	const [cards, costs] = await Promise.all([readWorkloadCards(db), readAnswerCosts(db)]);
	const input: WorkloadInput = {
		parameters: settings.scheduler.parameters ?? default_w,
		cards,
		dayStart: studyDayStart(now, settings.dayStartHour).getTime(),
		newPerDay: settings.newPerDay,
		reviewsPerDay: settings.reviewsPerDay,
		maximumInterval: settings.scheduler.maximumInterval,
		costs: { ...DEFAULT_COSTS, ...costs }
	};
	options.signal?.throwIfAborted();
	const { default: WorkloadWorker } = await import('./workload-worker?worker');
	const worker = new WorkloadWorker();
	try {
		const workload = await new Promise<Workload>((resolve, reject) => {
			options.signal?.addEventListener('abort', () =>
				reject(new DOMException('Cancelled', 'AbortError'))
			);
			worker.onmessage = (event: MessageEvent<WorkloadReply>) => {
				const reply = event.data;
				if ('error' in reply) reject(new Error(reply.error));
				else if ('workload' in reply) resolve(reply.workload);
				else options.onProgress?.(reply.progress, reply.total);
			};
			worker.onerror = (event) => {
				event.preventDefault();
				reject(new Error(event.message || 'The simulation stopped'));
			};
			worker.postMessage(input);
		});
		return {
			workload,
			current: settings.scheduler.desiredRetention,
			ownParameters: Boolean(settings.scheduler.parameters)
		};
	} finally {
		worker.terminate();
	}
}
