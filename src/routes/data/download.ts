/** Saves text as a file through the browser's download (a blob link; nothing leaves the device). */
export function download(name: string, body: string, type: string): void {
	const url = URL.createObjectURL(new Blob([body], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	// Revoked later: some browsers start the download only after the click handler returns.
	setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
