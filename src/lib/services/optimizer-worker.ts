// The FSRS optimizer (fsrs-rs compiled to WebAssembly, from fsrs-browser) in a Web Worker: a fit
// takes seconds to minutes, and the page must stay responsive and able to cancel it (by ending the
// worker). Single-threaded: no thread pool is started, so no shared memory and no cross-origin
// isolation are needed, and any static host serves it.
import init, { Fsrs } from 'fsrs-browser';
import wasmUrl from 'fsrs-browser/fsrs_browser_bg.wasm?url';

/** What the page sends: the training items flattened as fsrs-rs takes them. */
export interface FitRequest {
	ratings: Uint32Array;
	deltas: Uint32Array;
	lengths: Uint32Array;
	enableShortTerm: boolean;
}

export type FitReply = { parameters: number[]; ms: number } | { error: string };

self.onmessage = async (event: MessageEvent<FitRequest>) => {
	const { ratings, deltas, lengths, enableShortTerm } = event.data;
	try {
		const started = performance.now();
		await init({ module_or_path: wasmUrl });
		// computeParameters consumes (frees) the instance: it must not be freed again.
		const w = new Fsrs().computeParameters(ratings, deltas, lengths, null, enableShortTerm);
		self.postMessage({ parameters: Array.from(w), ms: performance.now() - started });
	} catch (e) {
		self.postMessage({ error: e instanceof Error ? e.message : String(e) });
	}
};
