/**
 * Saves text (whole, or in parts that make it up) or bytes as a file through the browser's download
 * (a blob link; nothing leaves the device). Returns the file's size in bytes.
 */
export function download(name: string, body: string | BlobPart[], type: string): number {
	const blob = new Blob(typeof body === 'string' ? [body] : body, { type });
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	// Revoked later: some browsers start the download only after the click handler returns.
	setTimeout(() => URL.revokeObjectURL(url), 30_000);
	return blob.size;
}
