import type { TransferAnswers, TransferRequest } from '$lib/transfer/handle';
// Served from this app's own origin and precached: an Anki import works offline and under the CSP.
import sqlWasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';

/** Where the SQLite reader's wasm is served: passed with each package request. */
export const SQL_WASM_URL = sqlWasmUrl;

type Pending = { resolve: (value: never) => void; reject: (error: Error) => void };

let worker: Worker | undefined;
let seq = 0;
const pending = new Map<number, Pending>();

async function start(): Promise<Worker | undefined> {
	if (typeof Worker === 'undefined') return undefined;
	if (worker) return worker;
	try {
		const { default: TransferWorker } = await import('$lib/transfer/worker?worker');
		const w = new TransferWorker();
		w.onmessage = (event: MessageEvent<{ id: number; result?: unknown; error?: string }>) => {
			const job = pending.get(event.data.id);
			pending.delete(event.data.id);
			if (event.data.error !== undefined) job?.reject(new Error(event.data.error));
			else job?.resolve(event.data.result as never);
		};
		w.onerror = (event) => {
			// A worker that fails to load (or crashes) fails its jobs; the next request starts anew.
			event.preventDefault();
			for (const job of pending.values())
				job.reject(new Error(event.message || 'The checker stopped'));
			pending.clear();
			worker = undefined;
		};
		worker = w;
		return w;
	} catch {
		return undefined;
	}
}

/**
 * Runs a parse-and-check job off the main thread, so a large file never freezes the page. Where
 * workers are missing it runs in place (loaded on demand, so the page stays light).
 * @example await runTransfer({ type: 'title', title: 'Spanish verbs' })
 */
export async function runTransfer<K extends TransferRequest['type']>(
	request: Extract<TransferRequest, { type: K }>
): Promise<TransferAnswers[K]> {
	const w = await start();
	if (!w) {
		const { handleTransfer } = await import('$lib/transfer/handle');
		return (await handleTransfer(request)) as TransferAnswers[K];
	}
	const id = ++seq;
	return new Promise<TransferAnswers[K]>((resolve, reject) => {
		pending.set(id, { resolve: resolve as (value: never) => void, reject });
		w.postMessage({ id, request });
	});
}
