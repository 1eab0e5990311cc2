import { Unzip, UnzipInflate, UnzipPassThrough, type UnzipFile } from 'fflate';
import { formatBytes } from '../limits';
import { MAX_RATIO, MAX_TOTAL_BYTES, PackageError } from './limits';

/** What to do with one entry of the zip: its byte cap, or `skip` to pass over it unread. */
export type EntryPlan = { cap: number; onCapped?: 'skip' | 'refuse' } | 'skip';

export interface ZipEntry {
	name: string;
	data: Uint8Array;
}

export interface UnzipOptions {
	/** Decides per entry name whether and how far it is expanded. */
	plan: (name: string) => EntryPlan;
	/** Called once per whole entry, as soon as it is expanded: the caller keeps or converts it. */
	onEntry: (entry: ZipEntry) => void;
	/** Entries refused for their size (with `onCapped: 'skip'`). */
	onTooLarge?: (name: string) => void;
	/**
	 * Awaited after each chunk is expanded: the caller writes away what it was handed, and the
	 * zip is read no further until it has (so entries never pile up in memory).
	 */
	afterChunk?: () => Promise<void> | void;
}

const CHUNK = 256 * 1024;

/**
 * Expands a zip as a stream: the input is pushed in chunks and each entry is handed over as soon
 * as it is whole, so a package with 200 MB of media never holds it all at once. Every entry's
 * expanded size is counted as it comes out, so the caps hold whatever the zip's headers claim.
 * Throws `PackageError` for anything that is not a readable zip within the caps.
 */
export async function streamZip(
	chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
	options: UnzipOptions
): Promise<number> {
	let readBytes = 0;
	let expanded = 0;
	let entries = 0;
	let failure: unknown;
	const unzip = new Unzip((file: UnzipFile) => {
		const plan = options.plan(file.name);
		if (plan === 'skip') return;
		entries++;
		const parts: Uint8Array[] = [];
		let size = 0;
		let dropped = false;
		file.ondata = (error, data, final) => {
			if (failure || dropped) return;
			if (error) {
				failure = new PackageError(`“${file.name}” in the package is damaged (${error.message})`);
				return;
			}
			size += data.length;
			expanded += data.length;
			if (expanded > MAX_TOTAL_BYTES || expanded > MAX_RATIO * readBytes + 1024 * 1024) {
				failure = new PackageError(
					`the package expands to far more than its size (over ${formatBytes(expanded)} from ${formatBytes(readBytes)}): it looks like a zip bomb and was not read`
				);
				return;
			}
			if (size > plan.cap) {
				if (plan.onCapped === 'skip') {
					dropped = true;
					options.onTooLarge?.(file.name);
					return;
				}
				failure = new PackageError(
					`“${file.name}” expands to more than ${formatBytes(plan.cap)}: too large to import`
				);
				return;
			}
			if (data.length > 0) parts.push(data);
			if (final) options.onEntry({ name: file.name, data: join(parts, size) });
		};
		try {
			file.start();
		} catch (e) {
			failure = new PackageError(
				`“${file.name}” uses a compression the app cannot read (${e instanceof Error ? e.message : String(e)})`
			);
		}
	});
	unzip.register(UnzipInflate);
	unzip.register(UnzipPassThrough);
	const push = (chunk: Uint8Array, final: boolean) => {
		readBytes += chunk.length;
		try {
			unzip.push(chunk, final);
		} catch (e) {
			failure ??= new PackageError(
				`the package is not a readable zip file (${e instanceof Error ? e.message : String(e)})`
			);
		}
		if (failure) throw failure;
	};
	let pending: Uint8Array | undefined;
	for await (const chunk of chunks) {
		// Large chunks are cut so a bomb is caught after at most one chunk's expansion.
		for (let at = 0; at < chunk.length; at += CHUNK) {
			if (pending) {
				push(pending, false);
				await options.afterChunk?.();
			}
			pending = chunk.subarray(at, at + CHUNK);
		}
	}
	push(pending ?? new Uint8Array(0), true);
	await options.afterChunk?.();
	if (entries === 0)
		throw new PackageError('the file is not an Anki package: no zip entries found');
	return readBytes;
}

function join(parts: Uint8Array[], size: number): Uint8Array {
	if (parts.length === 1 && parts[0]) return parts[0];
	const out = new Uint8Array(size);
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}
