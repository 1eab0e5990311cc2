// What an admin does on the server, as CouchDB 3 with couch_peruser would: users, each with a
// database only they can read, and class databases learners read and only the instructor writes.
import type { SyncServer } from './server';

/** The database name CouchDB's couch_peruser gives a user: `userdb-` and the name in hex. */
export const userDbName = (user: string) => `userdb-${Buffer.from(user).toString('hex')}`;

/** A request as the server admin; throws with the server's answer when it is not a success. */
export async function adminFetch(server: SyncServer, path: string, init: RequestInit = {}) {
	const auth = Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64');
	const res = await fetch(server.url + path, {
		...init,
		headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' }
	});
	if (!res.ok)
		throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
	return res.json() as Promise<unknown>;
}

const put = (server: SyncServer, path: string, body?: unknown) =>
	adminFetch(server, path, { method: 'PUT', ...(body ? { body: JSON.stringify(body) } : {}) });

/**
 * Makes a user and their database, which only they can read and write (couch_peruser's rule: this
 * server does not create it by itself). Returns the database's URL.
 */
export async function createUser(
	server: SyncServer,
	name: string,
	password: string,
	roles: string[] = []
): Promise<string> {
	await put(server, `/_users/org.couchdb.user:${name}`, { name, password, roles, type: 'user' });
	const db = userDbName(name);
	await put(server, `/${db}`);
	await put(server, `/${db}/_security`, {
		admins: { names: [], roles: [] },
		members: { names: [name], roles: [] }
	});
	return `${server.url}/${db}`;
}

/**
 * A class database: members of `role` read it; a validation function lets only `instructor` (and
 * server admins) write, since CouchDB lets every member write unless a design document forbids it.
 */
export async function createClass(
	server: SyncServer,
	name: string,
	instructor: string,
	role: string
): Promise<string> {
	await put(server, `/${name}`);
	await put(server, `/${name}/_security`, {
		admins: { names: [instructor], roles: [] },
		members: { names: [], roles: [role] }
	});
	await put(server, `/${name}/_design/publish`, {
		validate_doc_update: `function (doc, old, user) {
			if (user.roles.indexOf('_admin') === -1 && user.name !== ${JSON.stringify(instructor)})
				throw { forbidden: 'Only the instructor publishes to this class.' };
		}`
	});
	return `${server.url}/${name}`;
}
