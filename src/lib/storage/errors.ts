/**
 * The browser refused a write because the origin's storage quota is used up. Dexie wraps the
 * DOMException, so look at the wrapped error too.
 */
export function isQuotaError(error: unknown): boolean {
	for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
		const name = (e as { name?: string }).name;
		if (name === 'QuotaExceededError') return true;
		e = (e as { inner?: unknown }).inner ?? (e as { cause?: unknown }).cause;
	}
	return false;
}
