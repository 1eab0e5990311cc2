import { default_w } from 'ts-fsrs';
import {
	evaluate,
	flatten,
	holdOut,
	MIN_REVIEWS,
	trainingItems,
	type Fit,
	type TrainingItem
} from '$lib/scheduler';
import { readFitLogs } from '$lib/storage/fit-logs';
import * as study from '$lib/storage/study-settings';
import type { FitReply } from './optimizer-worker';
import { appDb } from './database';

export { MIN_REVIEWS, type Fit };

/** The outcome of one optimization: both fits on the held-out answers, and the new parameters. */
export type Optimization =
	| { ok: false; reviews: number; needed: number }
	| {
			ok: true;
			reviews: number;
			heldOut: number;
			current: Fit;
			fitted: Fit;
			parameters: number[];
			/** The new parameters predict the held-out answers better (lower log loss). */
			better: boolean;
			ms: number;
	  };

/** Fits parameters to `train` in the optimizer worker; `signal` ends the worker (Cancel). */
async function fitInWorker(
	train: readonly TrainingItem[],
	enableShortTerm: boolean,
	signal?: AbortSignal
): Promise<{ parameters: number[]; ms: number }> {
	const { default: OptimizerWorker } = await import('./optimizer-worker?worker');
	const worker = new OptimizerWorker();
	const flat = flatten(train);
	try {
		return await new Promise((resolve, reject) => {
			signal?.addEventListener('abort', () => reject(new DOMException('Cancelled', 'AbortError')));
			worker.onmessage = (event: MessageEvent<FitReply>) => {
				if ('error' in event.data) reject(new Error(event.data.error));
				else resolve(event.data);
			};
			worker.onerror = (event) => {
				event.preventDefault();
				reject(new Error(event.message || 'The optimizer stopped'));
			};
			worker.postMessage({ ...flat, enableShortTerm }, [
				flat.ratings.buffer,
				flat.deltas.buffer,
				flat.lengths.buffer
			]);
		});
	} finally {
		worker.terminate();
	}
}

/**
 * Fits FSRS parameters to this learner's log and judges them against the current ones on the most
 * recent fifth of the answers, held out of the fit. Refuses (`ok: false`) below `MIN_REVIEWS`.
 * `onStage` says what it is doing, for the progress shown.
 */
export async function optimizeSchedule(
	options: {
		signal?: AbortSignal;
		onStage?: (stage: 'reading' | 'fitting' | 'judging') => void;
	} = {}
): Promise<Optimization> {
	const db = appDb();
	options.onStage?.('reading');
	const settings = await study.loadSettings(db);
	const items = trainingItems(await readFitLogs(db), settings.dayStartHour);
	if (items.length < MIN_REVIEWS) return { ok: false, reviews: items.length, needed: MIN_REVIEWS };
	const { train, test } = holdOut(items);
	options.signal?.throwIfAborted();
	options.onStage?.('fitting');
	const { parameters, ms } = await fitInWorker(
		train,
		settings.scheduler.enableShortTerm,
		options.signal
	);
	options.onStage?.('judging');
	const current = evaluate(settings.scheduler.parameters ?? default_w, test);
	const fitted = evaluate(parameters, test);
	return {
		ok: true,
		reviews: items.length,
		heldOut: test.length,
		current,
		fitted,
		parameters,
		better: fitted.logLoss < current.logLoss && fitted.rmse <= current.rmse,
		ms
	};
}

/**
 * Puts `parameters` in use and reschedules every card with them (the same replay as a change of
 * desired retention), after a snapshot of the collection, so the learner can go back in both ways:
 * the previous parameters are kept, and the snapshot restores the old due dates exactly.
 */
export async function adoptParameters(
	parameters: readonly number[],
	onProgress?: (done: number, total: number) => void
): Promise<{ cards: number; changed: number }> {
	const db = appDb();
	const { runSnapshot } = await import('./auto-snapshot');
	const snap = await runSnapshot('manual', 'Before new scheduling parameters');
	if (!snap.taken && snap.why === 'failed')
		throw new Error(`No snapshot could be taken first, so nothing was changed: ${snap.error}`);
	const settings = await study.loadSettings(db);
	const next: study.StudySettings = {
		...settings,
		previousParameters: [...(settings.scheduler.parameters ?? default_w)],
		scheduler: { ...settings.scheduler, parameters: [...parameters] }
	};
	await study.saveSettings(db, next);
	const { createScheduler } = await import('$lib/scheduler');
	const { rescheduleAll } = await import('$lib/storage/history');
	const report = await rescheduleAll(db, createScheduler(next.scheduler), onProgress);
	return { cards: report.cards, changed: report.differing.length };
}

/** Goes back to the parameters in use before the last adoption (and reschedules with them). */
export async function restorePreviousParameters(
	onProgress?: (done: number, total: number) => void
): Promise<{ cards: number; changed: number } | undefined> {
	const settings = await study.loadSettings(appDb());
	if (!settings.previousParameters) return undefined;
	return adoptParameters(settings.previousParameters, onProgress);
}
