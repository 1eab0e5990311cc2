/** A replication or HTTP error in words a learner can act on. */
export function describeError(error: unknown): string {
	const e = (error ?? {}) as { status?: number; name?: string; message?: string; reason?: string };
	if (e.status === 401)
		return 'The server did not accept the user name or password: sign in again.';
	if (e.status === 403) return 'The server refused this change: you may read but not write here.';
	if (e.status === 404) return 'The database was not found on the server: check the address.';
	if (
		e.status === 0 ||
		e.name === 'TypeError' ||
		/fetch|network|ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN/i.test(e.message ?? '')
	)
		return 'The server cannot be reached: check the address and the network.';
	return e.reason || e.message || 'Sync failed for an unknown reason.';
}
