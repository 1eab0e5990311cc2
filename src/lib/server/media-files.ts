import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FoundMedia, ReadMedia } from '../deck/bundled-media';

/**
 * Reads the media beside a deck file, in the folder `dir` (Node, at build time): a name is found
 * only when a file of exactly that name is there (the folder is listed, so `Robin.jpg` does not
 * find `robin.jpg` on a case-insensitive disk either, as it would not on the host).
 */
export function mediaBeside(dir: string): ReadMedia {
	let names: Set<string> | undefined;
	const found = new Map<string, FoundMedia | undefined>();
	return (name) => {
		names ??= new Set(readdirSync(dir));
		if (!found.has(name)) {
			const path = join(dir, name);
			let media: FoundMedia | undefined;
			if (names.has(name) && statSync(path).isFile()) {
				const bytes = readFileSync(path);
				media = { size: bytes.length, digest: createHash('sha256').update(bytes).digest('hex') };
			}
			found.set(name, media);
		}
		return found.get(name);
	};
}
