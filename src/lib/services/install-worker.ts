// Installs the bundled decks in a Web Worker: every card written is cloned and indexed on the
// thread that writes it, which on a phone adds up to hundreds of milliseconds of a frozen page.
import { StudyDb } from '$lib/storage/db';
import { isQuotaError } from '$lib/storage/errors';
import { syncBundledDecks, withDeckFiles } from './bundled-decks';
import {
	GO_ON_WAIT_MS,
	type InstallDeckFile,
	type InstallGoOn,
	type InstallJob,
	type InstallMessage
} from './install-job';

/** No page to keep responsive here: longer slices mean fewer round trips to the disk. */
const WORKER_SLICE_MS = 50;

const reply = (message: InstallMessage) => self.postMessage(message);

let goOn: (() => void) | undefined;

/** The deck files the page is downloading, settled as its `deck-file` messages arrive. */
const coming = new Map<
	string,
	{ bytes: Promise<ArrayBuffer>; settle: (m: InstallDeckFile) => void }
>();

function expect(deckId: string): Promise<ArrayBuffer> {
	let settle!: (m: InstallDeckFile) => void;
	const bytes = new Promise<ArrayBuffer>((resolve, reject) => {
		settle = (m) => (m.bytes ? resolve(m.bytes) : reject(new Error(`no file for ${deckId}`)));
	});
	coming.set(deckId, { bytes, settle });
	return bytes;
}

/** Tells the page a deck is in, and waits for it to read before the next deck's transaction. */
function installed(deckId: string): Promise<void> {
	return new Promise((resolve) => {
		const timer = setTimeout(resolve, GO_ON_WAIT_MS);
		goOn = () => {
			clearTimeout(timer);
			resolve();
		};
		reply({ type: 'installed', deckId });
	});
}

self.onmessage = async (event: MessageEvent<InstallJob | InstallGoOn | InstallDeckFile>) => {
	if (event.data.type === 'go-on') return goOn?.();
	if (event.data.type === 'deck-file') return coming.get(event.data.deckId)?.settle(event.data);
	const files = new Map((event.data.coming ?? []).map((id) => [id, expect(id)]));
	const db = new StudyDb();
	try {
		const reports = await syncBundledDecks(
			db,
			withDeckFiles(fetch, files),
			new Date(event.data.now),
			{
				onProgress: (done, total) => reply({ type: 'progress', done, total }),
				onInstalled: installed,
				sliceBudgetMs: WORKER_SLICE_MS,
				first: event.data.first,
				...(event.data.listed ? { listed: event.data.listed } : {})
			}
		);
		reply({ type: 'done', reports });
	} catch (e) {
		reply({
			type: 'failed',
			error: e instanceof Error ? e.message : String(e),
			full: isQuotaError(e)
		});
	} finally {
		db.close();
	}
};
