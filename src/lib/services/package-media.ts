import type { StudyDb } from '$lib/storage/db';
import { putDeckMedia } from '$lib/storage/media';
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
 * Stores a package's media after its cards: in a worker (the expanding and zstd never hold the
 * page's thread), with progress; in place where workers are missing.
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
	try {
		return await new Promise<StoredMedia>((resolve, reject) => {
			worker.onmessage = (
				event: MessageEvent<{ progress?: [number, number]; result?: StoredMedia; error?: string }>
			) => {
				const { progress, result, error } = event.data;
				if (progress) onProgress?.(...progress);
				else if (error !== undefined) reject(new Error(error));
				else if (result) resolve(result);
			};
			worker.onerror = (event) => {
				event.preventDefault();
				reject(new Error(event.message || 'The media could not be stored'));
			};
			worker.postMessage({ dbName: db.name, deckId, file, entries: [...entries] });
		});
	} finally {
		worker.terminate();
	}
}
