import type { DeckSummary } from '$lib/deck';
import { isQuotaError } from '$lib/storage/errors';
import type { InstallReport } from '$lib/storage/decks';
import { appDb } from './database';
import { appStatus } from '$lib/state/app.svelte';
import {
	BUNDLED_DECK_LIST,
	bundledDeckList,
	bundledDeckUrl,
	installOrder,
	notInstalled,
	syncBundledDecks,
	withDeckFiles,
	type SyncProgress
} from './bundled-decks';
import type { InstallDeckFile, InstallGoOn, InstallJob, InstallMessage } from './install-job';
// A static import: only the worker's address and constructor (a few bytes), so a first visit's
// install does not wait for one more download before the worker's own script is requested.
import InstallWorker from './install-worker?worker';
import { afterLoad, afterPaint } from './idle';

export type { DeckSummary };
export type { SyncProgress };
export { syncBundledDecks, BUNDLED_DECK_LIST };

type Reports = Record<string, InstallReport>;

/** What one install is told: the deck list, the deck a screen waits for, whom to tell. */
interface Install {
	listed: DeckSummary[];
	first: string | undefined;
	onProgress: SyncProgress;
	onInstalled: (deckId: string) => Promise<void>;
	/** Deck files already being downloaded on the page, by deck id. */
	files: Map<string, Promise<ArrayBuffer>>;
}

/** Deck files a study screen asked for before the database said whether they are needed. */
const early = new Map<string, Promise<ArrayBuffer>>();

const download = (id: string): Promise<ArrayBuffer> =>
	fetch(bundledDeckUrl(id)).then((res) => {
		if (!res.ok) throw new Error(`Could not load deck ${id} (${res.status})`);
		return res.arrayBuffer();
	});

/**
 * Starts downloading a bundled deck's file now, while the database opens: on a first visit the
 * screen needs it next, and asking only once the database has said so put one more round trip
 * before the first card. The page preloads it with its HTML, and this takes that response. When
 * the deck turns out to be installed already (a returning visit), the file (a few KB, from the
 * service worker's cache) is dropped by `appDecksToInstall`.
 */
export function downloadDeckEarly(id: string): void {
	if (early.has(id)) return;
	const bytes = download(id);
	bytes.catch(() => undefined); // asked for again by the install if it is needed after all
	early.set(id, bytes);
}

/**
 * Starts downloading these decks' files on the page: a screen waiting for cards need not wait for
 * the worker's script to arrive and start before the decks are even asked for.
 */
function downloadDecks(decks: DeckSummary[]): Map<string, Promise<ArrayBuffer>> {
	const files = new Map<string, Promise<ArrayBuffer>>();
	for (const { id } of decks) {
		files.set(id, early.get(id) ?? download(id));
		// Used once: a buffer handed to the install worker is emptied.
		early.delete(id);
	}
	return files;
}

/** On the page's own thread, in short slices: where workers are missing or fail to start. */
async function installHere(now: Date, install: Install): Promise<Reports> {
	try {
		return await syncBundledDecks(appDb(), withDeckFiles(fetch, install.files), now, install);
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
function installInWorker(now: Date, install: Install): Promise<Reports> {
	if (typeof Worker === 'undefined') return installHere(now, install);
	let worker: Worker;
	try {
		worker = new InstallWorker();
	} catch {
		return installHere(now, install);
	}
	return new Promise<Reports>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<InstallMessage>) => {
			const message = event.data;
			if (message.type === 'progress') return install.onProgress(message.done, message.total);
			if (message.type === 'installed') {
				const goOn: InstallGoOn = { type: 'go-on' };
				void install.onInstalled(message.deckId).then(() => worker.postMessage(goOn));
				return;
			}
			worker.terminate();
			if (message.type === 'done') return resolve(message.reports);
			if (message.full) appStatus.storageFull = true;
			reject(new Error(message.error));
		};
		worker.onerror = (event) => {
			event.preventDefault();
			worker.terminate();
			resolve(installHere(now, install));
		};
		const job: InstallJob = {
			type: 'job',
			now: now.getTime(),
			listed: install.listed,
			first: install.first,
			coming: [...install.files.keys()]
		};
		worker.postMessage(job);
		for (const [deckId, bytes] of install.files) {
			const hand = (file: InstallDeckFile) =>
				worker.postMessage(file, file.bytes ? [file.bytes] : []);
			bytes.then(
				(data) => hand({ type: 'deck-file', deckId, bytes: data }),
				() => hand({ type: 'deck-file', deckId })
			);
		}
	});
}

let list: Promise<DeckSummary[]> | undefined;

/**
 * The build's deck list, downloaded once per page load (it changes only with a new version of the
 * app, which is a new page load); a failed download is tried again on the next call.
 */
function appDeckList(): Promise<DeckSummary[]> {
	list ??= bundledDeckList(fetch).catch((e: unknown) => {
		list = undefined;
		throw e;
	});
	return list;
}

/**
 * A screen waiting for cards installs the deck it shows first on the page itself when the deck has
 * at most this many cards: written in slices, a few hundred cards are a few short tasks, and the
 * first card no longer waits for the worker's script (and its own copy of the database code) to
 * download and start. Larger decks, and every deck after the first, go in in the worker.
 */
export const PAGE_INSTALL_MAX = 400;

/**
 * Installs `head` on the page, then the rest (`rest`) in the worker once the screen has read
 * `head`'s cards and painted its first card, with one progress count over all of them. The rest's
 * files are asked for only then: on a slow network their download (and the worker's script) would
 * otherwise share the line with what the first card waits for.
 */
async function installFirstHere(
	now: Date,
	install: Install,
	head: DeckSummary,
	rest: DeckSummary[]
): Promise<Reports> {
	const total = [head, ...rest].reduce((sum, d) => sum + d.cardCount, 0);
	const here = await installHere(now, {
		...install,
		listed: [head],
		first: head.id,
		onProgress: (done) => install.onProgress(done, total)
	});
	if (rest.length === 0) return here;
	await afterPaint();
	const files = downloadDecks(rest);
	const later = await installInWorker(now, {
		...install,
		listed: rest,
		files,
		onProgress: (done) => install.onProgress(head.cardCount + done, total)
	});
	return { ...here, ...later };
}

let running: Promise<Reports> | undefined;
const listeners = new Set<SyncProgress>();
const installed = new Set<(deckId: string) => void | Promise<void>>();

/** Whom a sync tells, and (for the page that starts it) which deck goes in first. */
export interface SyncListeners {
	onProgress?: SyncProgress;
	/**
	 * Called as each deck's cards have been written and can be read; the next deck waits for what
	 * it returns (the page's reads would otherwise wait for the next deck's write transaction).
	 */
	onInstalled?: (deckId: string) => void | Promise<void>;
	/** The deck the page waits for, installed before the others. */
	first?: string | undefined;
	/**
	 * A study screen waits for the cards: the install starts as soon as it is known to be needed,
	 * not after the page's load event (which only a screen with its content already up can afford).
	 */
	waiting?: boolean;
}

/**
 * Brings the bundled decks on this device up to date. When there is something to install (a first
 * visit, a new version) it starts after the page has loaded and painted, in a worker, so the page
 * never waits on a long task; otherwise no worker starts at all. A screen waiting for cards starts
 * at once instead, and writes the first deck itself when it is small (see `PAGE_INSTALL_MAX`).
 * Pages that ask while a sync is under way (home, then review) share it rather than installing the
 * same deck twice.
 */
export function syncAppDecks(now: Date, listen: SyncListeners = {}): Promise<Reports> {
	if (listen.onProgress) listeners.add(listen.onProgress);
	if (listen.onInstalled) installed.add(listen.onInstalled);
	running ??= (async () => {
		const listed = await appDeckList();
		const pending = await notInstalled(appDb(), listed);
		if (pending.length === 0) return {};
		const [head, ...rest] = installOrder(pending, listen.first);
		const here = listen.waiting && head !== undefined && head.cardCount <= PAGE_INSTALL_MAX;
		// A screen waiting for cards asks for the files at once: only the first deck's when it is
		// written here (the others follow its first card), every deck's when the worker takes them.
		const files = listen.waiting
			? downloadDecks(here ? [head] : pending)
			: new Map<string, Promise<ArrayBuffer>>();
		if (!listen.waiting) await afterLoad();
		const install: Install = {
			listed,
			first: listen.first,
			files,
			onProgress: (done, total) => {
				for (const listener of listeners) listener(done, total);
			},
			onInstalled: async (deckId) => {
				await Promise.allSettled([...installed].map((listener) => listener(deckId)));
			}
		};
		if (!here) return installInWorker(now, install);
		return installFirstHere(now, install, head, rest);
	})().finally(() => {
		early.clear();
		running = undefined;
		listeners.clear();
		installed.clear();
	});
	return running;
}

/**
 * Calls `read` (a study screen's first read of its queue) once its cards are there: at once when
 * nothing is to be installed, else as soon as the sync has written the deck it studies (`deckId`)
 * or, studying all decks, any deck (the smallest goes first), the next deck's writes waiting until
 * the read is done; at the latest when the sync ends, also when it fails (offline with decks
 * installed: study what is there). Decks written later reach the screen as changes to the
 * database, as a write from another tab does.
 */
export function readWhenInstalled(
	now: Date,
	deckId: string | undefined,
	read: () => Promise<void>
): void {
	let reading: Promise<void> | undefined;
	const start = () => (reading ??= read());
	void syncAppDecks(now, {
		first: deckId,
		waiting: true,
		onInstalled: (id) => (deckId === undefined || id === deckId ? start() : undefined)
	})
		.catch(() => undefined)
		.then(start);
}

/** The bundled decks that the next `syncAppDecks` installs or updates: what a first visit waits for. */
export async function appDecksToInstall(): Promise<DeckSummary[]> {
	const pending = await notInstalled(appDb(), await appDeckList());
	// Downloads started early for decks that are in already are not needed.
	for (const id of early.keys()) if (!pending.some((d) => d.id === id)) early.delete(id);
	return pending;
}
