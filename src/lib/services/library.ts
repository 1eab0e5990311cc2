import type { DeckSummary } from '$lib/deck';
import { isQuotaError, type InstallReport } from '$lib/storage';
import { appDb } from './database';
import { appStatus } from '$lib/state/app.svelte';
import { bundledDecksToInstall, syncBundledDecks, type SyncProgress } from './bundled-decks';
import type { InstallJob, InstallMessage } from './install-job';
import { afterLoad } from './idle';

export type { DeckSummary };
export type { SyncProgress };
export { syncBundledDecks };

type Reports = Record<string, InstallReport>;

/** On the page's own thread, in short slices: where workers are missing or fail to start. */
async function installHere(now: Date, onProgress: SyncProgress): Promise<Reports> {
	try {
		return await syncBundledDecks(appDb(), fetch, now, { onProgress });
	} catch (e) {
		if (isQuotaError(e)) appStatus.storageFull = true;
		throw e;
	}
}

/**
 * Installs in the install worker: the page's thread only hears the progress. A worker that cannot
 * start, or stops, leaves nothing half-written (each deck is one transaction), so the install is
 * done again on this thread.
 */
async function installInWorker(now: Date, onProgress: SyncProgress): Promise<Reports> {
	if (typeof Worker === 'undefined') return installHere(now, onProgress);
	let worker: Worker;
	try {
		const { default: InstallWorker } = await import('./install-worker?worker');
		worker = new InstallWorker();
	} catch {
		return installHere(now, onProgress);
	}
	return new Promise<Reports>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<InstallMessage>) => {
			const message = event.data;
			if (message.type === 'progress') return onProgress(message.done, message.total);
			worker.terminate();
			if (message.type === 'done') return resolve(message.reports);
			if (message.full) appStatus.storageFull = true;
			reject(new Error(message.error));
		};
		worker.onerror = (event) => {
			event.preventDefault();
			worker.terminate();
			resolve(installHere(now, onProgress));
		};
		const job: InstallJob = { now: now.getTime() };
		worker.postMessage(job);
	});
}

let running: Promise<Reports> | undefined;
const listeners = new Set<SyncProgress>();

/**
 * Brings the bundled decks on this device up to date. When there is something to install (a first
 * visit, a new version) it starts after the page has loaded and painted, in a worker, so the page
 * never waits on a long task; otherwise no worker starts at all. Pages that ask while a sync is
 * under way (home, then review) share it rather than installing the same deck twice.
 */
export function syncAppDecks(now: Date, onProgress?: SyncProgress): Promise<Reports> {
	if (onProgress) listeners.add(onProgress);
	running ??= (async () => {
		if ((await appDecksToInstall()).length === 0) return {};
		await afterLoad();
		return installInWorker(now, (done, total) => {
			for (const listener of listeners) listener(done, total);
		});
	})().finally(() => {
		running = undefined;
		listeners.clear();
	});
	return running;
}

/** The bundled decks that the next `syncAppDecks` installs or updates: what a first visit waits for. */
export function appDecksToInstall(): Promise<DeckSummary[]> {
	return bundledDecksToInstall(appDb(), fetch);
}
