// The optimizer as the app runs it (fsrs-browser's WebAssembly, single-threaded, in a module
// worker), timed on one flattened log. Linear memory only grows, so its size after the fit is the
// fit's peak.
import init, { Fsrs } from '/fsrs/fsrs_browser.js';

self.onmessage = async (event) => {
	const { ratings, deltas, lengths } = event.data;
	try {
		const wasm = await init({ module_or_path: '/fsrs/fsrs_browser_bg.wasm' });
		const before = wasm.memory.buffer.byteLength;
		const started = performance.now();
		const w = new Fsrs().computeParameters(ratings, deltas, lengths, null, true);
		self.postMessage({
			ms: performance.now() - started,
			parameters: Array.from(w),
			wasmBytesBefore: before,
			wasmBytes: wasm.memory.buffer.byteLength
		});
	} catch (e) {
		self.postMessage({ error: String(e) });
	}
};
