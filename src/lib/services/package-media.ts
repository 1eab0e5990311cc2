import type { StudyDb } from '$lib/storage/db';
import { putDeckMedia, type MediaInput } from '$lib/storage/media';
import type { MediaEntry } from '$lib/transfer/apkg/read-package';
import { blobChunks } from '$lib/transfer/blob-chunks';

export interface StoredMedia {
	stored: number;
	/** Files over the per-file cap, left out. */
	tooLarge: string[];
}

/** Progress of a media pass: files stored of the files to store. */
export type MediaProgress = (done: number, total: number) => void;

/**
 * Reads the media files the preview listed from the package file and stores them, batch by batch
 * (each batch its own transaction: a re-import completes an interrupted one). Runs wherever it is
 * called: in the media worker, or in place where there are no workers.
 */
export async function writePackageMedia(
	db: StudyDb,
	deckId: string,
	file: Blob,
	entries: readonly MediaEntry[],
	onProgress?: MediaProgress
): Promise<StoredMedia> {
	// Loaded with the pass: the zip and zstd readers stay out of the page until a package is saved.
	const { readPackageMedia } = await import('$lib/transfer/apkg/read-media');
	let done = 0;
	return readPackageMedia({
		chunks: blobChunks(file),
		entries,
		onBatch: async (files) => {
			await putDeckMedia(db, deckId, files);
			done += files.length;
			onProgress?.(done, entries.length);
		}
	});
}

/**
 * Stores a package's media after its cards: a worker expands them (the zip and zstd never hold
 * the page's thread) and hands them over a batch at a time; each is stored before the next is
 * read. In place where workers are missing.
 */
export async function storePackageMedia(
	db: StudyDb,
	deckId: string,
	file: Blob,
	entries: readonly MediaEntry[],
	onProgress?: MediaProgress
): Promise<StoredMedia> {
	if (entries.length === 0) return { stored: 0, tooLarge: [] };
	if (typeof Worker === 'undefined')
		return writePackageMedia(db, deckId, file, entries, onProgress);
	const { default: MediaWorker } = await import('./package-media-worker?worker');
	const worker = new MediaWorker();
	let done = 0;
	try {
		return await new Promise<StoredMedia>((resolve, reject) => {
			worker.onmessage = (
				event: MessageEvent<{ batch?: MediaInput[]; result?: StoredMedia; error?: string }>
			) => {
				const { batch, result, error } = event.data;
				if (batch) {
					// Stored here, where the database is open; then the worker reads on.
					putDeckMedia(db, deckId, batch).then(() => {
						done += batch.length;
						onProgress?.(done, entries.length);
						worker.postMessage('stored');
					}, reject);
				} else if (error !== undefined) reject(new Error(error));
				else if (result) resolve({ stored: done, tooLarge: result.tooLarge });
			};
			worker.onerror = (event) => {
				event.preventDefault();
				reject(new Error(event.message || 'The media could not be read'));
			};
			worker.postMessage({ file, entries: [...entries] });
		});
	} finally {
		worker.terminate();
	}
}
