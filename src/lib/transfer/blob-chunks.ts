/** A Blob's bytes in order, read as a stream: a large package is never whole in memory. */
export async function* blobChunks(blob: Blob): AsyncIterable<Uint8Array> {
	const reader = blob.stream().getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) return;
		yield value;
	}
}
