// Installs the bundled decks in a Web Worker: every card written is cloned and indexed on the
// thread that writes it, which on a phone adds up to hundreds of milliseconds of a frozen page.
import { StudyDb } from '$lib/storage/db';
import { isQuotaError } from '$lib/storage/errors';
import { syncBundledDecks } from './bundled-decks';
import type { InstallJob, InstallMessage } from './install-job';

/** No page to keep responsive here: longer slices mean fewer round trips to the disk. */
const WORKER_SLICE_MS = 50;

const reply = (message: InstallMessage) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<InstallJob>) => {
	const db = new StudyDb();
	try {
		const reports = await syncBundledDecks(db, fetch, new Date(event.data.now), {
			onProgress: (done, total) => reply({ type: 'progress', done, total }),
			onInstalled: (deckId) => reply({ type: 'installed', deckId }),
			sliceBudgetMs: WORKER_SLICE_MS,
			first: event.data.first,
			...(event.data.listed ? { listed: event.data.listed } : {})
		});
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
