import { Decompress } from 'fzstd';
import { formatBytes } from '../limits';
import { PackageError } from './limits';

const MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

/** Whether the bytes start with a zstd frame (newer packages compress their files with it). */
export const isZstd = (data: Uint8Array): boolean => MAGIC.every((b, i) => data[i] === b);

/**
 * Expands zstd data, counting the output so a small frame that claims gigabytes is refused.
 * @example unzstd(bytes, 256 * 1024 * 1024, 'collection.anki21b')
 */
export function unzstd(data: Uint8Array, cap: number, name: string): Uint8Array {
	const parts: Uint8Array[] = [];
	let size = 0;
	const stream = new Decompress((chunk) => {
		size += chunk.length;
		if (size > cap || size > 100 * data.length + 1024 * 1024)
			throw new PackageError(`“${name}” expands to more than ${formatBytes(Math.min(cap, size))}`);
		// The decoder reuses its window: each chunk is copied before the next one overwrites it.
		parts.push(chunk.slice());
	});
	try {
		stream.push(data, true);
	} catch (e) {
		if (e instanceof PackageError) throw e;
		throw new PackageError(`“${name}” is damaged (${e instanceof Error ? e.message : String(e)})`);
	}
	const out = new Uint8Array(size);
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}
