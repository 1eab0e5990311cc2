import { MAX_MEDIA_BYTES } from './limits';
// Types only from the reader: the media pass loads without SQLite, the deck checks or zod.
import type { MediaEntry, PackageMedia } from './read-package';
import { streamZip, type EntryPlan } from './unzip';
import { isZstd, unzstd } from './zstd';

/** A media file: read up to the cap; a larger one is left out and named. */
export const MEDIA_PLAN: EntryPlan = { cap: MAX_MEDIA_BYTES, onCapped: 'skip' };

/** Media handed over at a time: enough to make each write worth it, little to hold. */
export const MEDIA_BATCH_BYTES = 8 * 1024 * 1024;

export interface MediaPass {
	/** The package's bytes in order, read again from the file. */
	chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
	/** The files to read, as the preview listed them (`mediaToRead`). */
	entries: readonly MediaEntry[];
	/** Stores a batch; the zip is read no further until it is stored. */
	onBatch: (files: PackageMedia[]) => Promise<void>;
	batchBytes?: number;
}

/**
 * Reads a package's media files a second time, after the preview, and hands them over in batches
 * of about `batchBytes` as the zip streams past: 200 MB of media are never held at once, only one
 * batch (and the file being expanded). Files over the per-file cap are left out and named.
 * Throws `PackageError` when the zip no longer reads (the file changed since the preview).
 */
export async function readPackageMedia(
	pass: MediaPass
): Promise<{ stored: number; tooLarge: string[] }> {
	const wanted = new Map(pass.entries.map((e) => [e.zipName, e]));
	const limit = pass.batchBytes ?? MEDIA_BATCH_BYTES;
	let batch: PackageMedia[] = [];
	let bytes = 0;
	let stored = 0;
	const tooLarge: string[] = [];
	const flush = async () => {
		if (batch.length === 0) return;
		const files = batch;
		batch = [];
		bytes = 0;
		await pass.onBatch(files);
		stored += files.length;
	};
	await streamZip(pass.chunks, {
		plan: (zipName) => (wanted.has(zipName) ? MEDIA_PLAN : 'skip'),
		onEntry: ({ name: zipName, data }) => {
			const entry = wanted.get(zipName);
			if (!entry) return;
			// Newer packages compress each media file with zstd inside the zip.
			const plain = isZstd(data) ? unzstd(data, MAX_MEDIA_BYTES, entry.name) : data;
			batch.push({
				name: entry.name,
				type: entry.type,
				blob: new Blob([plain as Uint8Array<ArrayBuffer>], { type: entry.type })
			});
			bytes += plain.length;
		},
		onTooLarge: (zipName) => tooLarge.push(wanted.get(zipName)?.name ?? zipName),
		afterChunk: () => (bytes >= limit ? flush() : undefined)
	});
	await flush();
	return { stored, tooLarge };
}
