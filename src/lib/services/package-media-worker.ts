// Reads an Anki package's media off the page's thread: the zip is read again from the file and
// each batch of expanded files goes to the page, which stores it and asks for the next. No
// database code here: the worker stays small (the page already has it).
import type { MediaEntry, PackageMedia } from '$lib/transfer/apkg/read-package';
import { readPackageMedia } from '$lib/transfer/apkg/read-media';
import { blobChunks } from '$lib/transfer/blob-chunks';

interface Job {
	file: Blob;
	entries: MediaEntry[];
}

let stored: (() => void) | undefined;

self.onmessage = async (event: MessageEvent<Job | 'stored'>) => {
	if (event.data === 'stored') {
		stored?.();
		return;
	}
	const { file, entries } = event.data;
	try {
		const result = await readPackageMedia({
			chunks: blobChunks(file),
			entries,
			// The zip is read no further until the page has stored this batch.
			onBatch: (batch: PackageMedia[]) =>
				new Promise<void>((resolve) => {
					stored = resolve;
					self.postMessage({ batch });
				})
		});
		self.postMessage({ result: { stored: 0, tooLarge: result.tooLarge } });
	} catch (e) {
		self.postMessage({ error: e instanceof Error ? e.message : String(e) });
	}
};
