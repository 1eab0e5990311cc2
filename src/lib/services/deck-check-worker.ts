// Checks a studio draft off the page's thread: zod over thousands of cards and a quote search in a
// long source text would otherwise make typing stutter.
import { checkDraft } from '$lib/deck/check-draft';
import type { DraftDeck } from '$lib/deck/draft';
import type { CheckJob, CheckReply } from './deck-check';

let sourceText = '';

self.onmessage = (event: MessageEvent<CheckJob>) => {
	const job = event.data;
	// The source text (up to megabytes) is only sent when it changed.
	if (job.sourceText !== undefined) sourceText = job.sourceText;
	const draft: DraftDeck = { ...job.deck, sourceText };
	const reply: CheckReply = { seq: job.seq, errors: checkDraft(draft) };
	self.postMessage(reply);
};
