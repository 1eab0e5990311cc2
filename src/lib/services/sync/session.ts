/**
 * CouchDB cookie authentication: `POST /_session` sets an `AuthSession` cookie for the server, which
 * every later request sends; the password itself is never stored.
 */

export type SignInResult = { ok: true } | { ok: false; error: string };

/** Normalises what the learner typed as the server's address; undefined when it is no address. */
export function serverAddress(text: string): string | undefined {
	try {
		const url = new URL(text.trim());
		if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
		return url.href.replace(/\/+$/, '');
	} catch {
		return undefined;
	}
}

/**
 * Signs in to the server with a user name and password. Every failure comes back in words: a wrong
 * password, a server that is not there or not CouchDB.
 */
export async function signIn(
	server: string,
	user: string,
	password: string
): Promise<SignInResult> {
	let res: Response;
	try {
		res = await fetch(`${server}/_session`, {
			method: 'POST',
			credentials: 'include',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify({ name: user, password })
		});
	} catch {
		return {
			ok: false,
			error: `No sync server answered at ${server}: check the address and the network.`
		};
	}
	if (res.status === 401)
		return { ok: false, error: 'The server did not accept this user name and password.' };
	const body = (await res.json().catch(() => undefined)) as { ok?: boolean } | undefined;
	if (!res.ok || !body?.ok)
		return { ok: false, error: `${server} did not answer as a CouchDB server (${res.status}).` };
	return { ok: true };
}

/** Ends the session on the server (the cookie is dropped); offline, the cookie simply expires. */
export async function signOut(server: string): Promise<void> {
	await fetch(`${server}/_session`, { method: 'DELETE', credentials: 'include' }).catch(
		() => undefined
	);
}
