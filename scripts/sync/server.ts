// A CouchDB-protocol server for the tests and for trying sync on one machine: express-pouchdb over
// PouchDB's in-memory adapter, on 127.0.0.1. Not CouchDB: see the README's "Sync" section for what
// it does not enforce the way CouchDB does.
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import expressPouchDB from 'express-pouchdb';
import PouchCore from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import httpAdapter from 'pouchdb-adapter-http';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';

/** PouchDB with the memory and http adapters and replication: one plugin set per process. */
export const PouchDB = PouchCore.plugin(memory)
	.plugin(httpAdapter)
	.plugin(mapreduce)
	.plugin(replication);

type Next = () => void;

/** CouchDB answers CORS for the origins in its config; this server answers it for any origin. */
function cors(req: http.IncomingMessage, res: http.ServerResponse, next: Next) {
	const origin = req.headers.origin;
	if (origin) {
		res.setHeader('Access-Control-Allow-Origin', origin);
		res.setHeader('Access-Control-Allow-Credentials', 'true');
		res.setHeader('Vary', 'Origin');
	}
	if (req.method !== 'OPTIONS') return next();
	res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE');
	res.setHeader(
		'Access-Control-Allow-Headers',
		'accept, authorization, content-type, origin, referer, x-csrf-token'
	);
	res.setHeader('Access-Control-Max-Age', '600');
	res.statusCode = 204;
	res.end();
}

/**
 * CouchDB 2+ filters a changes feed by a Mango selector sent in the body of a POST to `_changes`
 * with `filter=_selector` (PouchDB's replication does so for its `selector` option); express-pouchdb
 * reads only `doc_ids` from that body. This reads the body and hands the selector on in the query
 * string, which express-pouchdb parses as JSON and passes to PouchDB's own `changes`.
 */
function selectorInQuery(req: http.IncomingMessage, next: Next) {
	const url = new URL(req.url ?? '/', 'http://x');
	const wanted =
		req.method === 'POST' &&
		url.pathname.endsWith('/_changes') &&
		url.searchParams.get('filter') === '_selector';
	if (!wanted) return next();
	const chunks: Buffer[] = [];
	req.on('data', (c: Buffer) => chunks.push(c));
	req.on('end', () => {
		let body: { selector?: unknown; doc_ids?: unknown } = {};
		try {
			body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
		} catch {
			// Left to PouchDB: no selector is an error it words.
		}
		if (body.selector !== undefined)
			url.searchParams.set('selector', JSON.stringify(body.selector));
		req.url = url.pathname + url.search;
		// The body is read: Express's parser must not wait for it again.
		delete req.headers['content-length'];
		delete req.headers['transfer-encoding'];
		next();
	});
}

export interface SyncServer {
	url: string;
	port: number;
	admin: { name: string; password: string };
	/** Where its databases live in this process's memory: a restart with it finds them again. */
	prefix: string;
	close(): Promise<void>;
}

let servers = 0;

/**
 * Starts the server on `port` (0: a free one), its data in memory. `admin` is the server admin, so
 * nobody else is one (CouchDB's "admin party" is over).
 * @example const server = await startSyncServer(); … await server.close();
 */
export async function startSyncServer({
	port = 0,
	admin = { name: 'admin', password: 'admin' },
	prefix: reuse
}: {
	port?: number;
	admin?: { name: string; password: string };
	/** A stopped server's `prefix`: this one starts with its data (a restart, for fault tests). */
	prefix?: string;
} = {}): Promise<SyncServer> {
	const id = `${process.pid}-${++servers}`;
	const prefix = reuse ?? path.join(os.tmpdir(), `recall-sync-${id}-`);
	const couch = expressPouchDB(PouchDB.defaults({ adapter: 'memory', prefix }), {
		mode: 'fullCouchDB',
		inMemoryConfig: true,
		logPath: path.join(os.tmpdir(), `recall-sync-${id}.log`),
		overrideMode: { exclude: ['routes/fauxton'] }
	});
	// A plain Node server in front: express-pouchdb brings its own Express and must be its root.
	const server = http.createServer((req, res) =>
		cors(req, res, () => selectorInQuery(req, () => couch(req, res)))
	);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	const actual = (server.address() as { port: number }).port;
	await new Promise((r) => couch.couchConfig.set('admins', admin.name, admin.password, r));
	return {
		url: `http://127.0.0.1:${actual}`,
		port: actual,
		admin,
		prefix,
		close: () =>
			new Promise<void>((resolve) => {
				// Let cancelled replications finish their requests; cut whatever is left after 2 s.
				const force = setTimeout(() => server.closeAllConnections(), 2000);
				server.close(() => {
					clearTimeout(force);
					resolve();
				});
				server.closeIdleConnections();
			})
	};
}
