// Checks and saves a studio draft off the page's thread: zod over thousands of cards, a quote
// search in a long source text and copying the whole draft into IndexedDB would otherwise make
// typing stutter. The page sends only the cards that changed; this worker holds the whole draft.
import { checkDraft } from '$lib/deck/check-draft';
import type { DraftCard, DraftDeck } from '$lib/deck/draft';
import { StudyDb } from '$lib/storage/db';
import { DraftConflictError, saveDraft } from '$lib/storage/drafts';
import type { CheckJob, CheckReply } from './deck-check';
import { applyCards } from './draft-patch';

let sourceText = '';
let cards: DraftCard[] = [];
let db: StudyDb | undefined;
/** Jobs run one at a time, in the order sent: a save waits for the one before it. */
let queue = Promise.resolve();
let waiting = 0;

const post = (reply: CheckReply) => self.postMessage(reply);

async function run(job: CheckJob): Promise<void> {
	if (job.sourceText !== undefined) sourceText = job.sourceText;
	cards = applyCards(cards, job.cards);
	const deck: DraftDeck = { ...job.deck, sourceText, cards };
	if (job.save) {
		const { meta, expected, now } = job.save;
		try {
			// Opened here on first use; Dexie closes it when a newer version of the app upgrades.
			db ??= new StudyDb();
			const saved = await saveDraft(db, { ...meta, deck }, expected, new Date(now));
			post({ kind: 'saved', seq: job.seq, rev: saved.rev, updatedAt: saved.updatedAt });
		} catch (e) {
			if (e instanceof DraftConflictError)
				post({ kind: 'conflict', seq: job.seq, current: e.current });
			else
				post({ kind: 'failed', seq: job.seq, message: e instanceof Error ? e.message : String(e) });
		}
	}
	// Only the latest draft's problems are shown: a check that a newer job replaces is skipped.
	if (waiting === 0) post({ kind: 'checked', seq: job.seq, errors: checkDraft(deck) });
}

self.onmessage = (event: MessageEvent<CheckJob>) => {
	waiting++;
	queue = queue.then(() => {
		waiting--;
		return run(event.data);
	});
};
