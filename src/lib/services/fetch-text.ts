import { formatBytes } from '$lib/transfer/limits';

/**
 * Fetches a text file from a link, refusing it as soon as it passes `max` bytes (by its declared
 * length, then while it streams), with messages a learner can act on.
 */
export async function fetchText(url: URL, max: number): Promise<string> {
	let res: Response;
	try {
		res = await fetch(url, { credentials: 'omit', cache: 'no-cache' });
	} catch {
		throw new Error(
			`Could not load ${url.href}. You may be offline, or the site does not let other apps read ` +
				'the file (it must send the header Access-Control-Allow-Origin).'
		);
	}
	if (!res.ok)
		throw new Error(
			`Could not load ${url.href}: the server answered ${res.status} ${res.statusText}.`
		);
	const tooBig = () =>
		new Error(
			`The file at ${url.href} is larger than ${formatBytes(max)}, the most a deck can be.`
		);
	const declared = Number(res.headers.get('content-length'));
	if (declared > max) throw tooBig();
	if (!res.body) return res.text();
	const reader = res.body.getReader();
	const parts: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > max) {
			await reader.cancel();
			throw tooBig();
		}
		parts.push(value);
	}
	const all = new Uint8Array(size);
	let at = 0;
	for (const part of parts) {
		all.set(part, at);
		at += part.byteLength;
	}
	return new TextDecoder().decode(all);
}

/** A file named by a deck, fetched from beside the deck's own address. */
export const fetchBeside = (deckUrl: URL, name: string, max: number): Promise<string> =>
	fetchText(new URL(name, deckUrl), max);
