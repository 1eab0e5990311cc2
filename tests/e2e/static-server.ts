import { test as base } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

// The content types every static host knows; nothing specific to this app.
const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.png': 'image/png',
	'.svg': 'image/svg+xml',
	'.ico': 'image/x-icon'
};

/** One request the host answered: what a host's access log holds. */
export interface Served {
	path: string;
	status: number;
}

/** A static host whose site can be swapped while it runs: a deploy, as a learner's browser sees it. */
export interface StaticHost {
	origin: string;
	/** Every request so far, oldest first. */
	log: Served[];
	/** Serves `folder` from the next request on. */
	deploy(folder: string): void;
	close(): Promise<void>;
}

/**
 * Serves a built app from `folder` on a free port the way a plain file server does (Python's
 * http.server, nginx or Apache defaults, an S3 website) and nothing more: a path is a file; a
 * folder asked for with its slash is its index.html; a folder asked for without it is redirected
 * to the slash, as those servers do; anything else is 404. No rewrites, no special headers, and
 * nothing is cached by the host.
 * @example const host = await startStaticHost('build'); await page.goto(`${host.origin}/review/`)
 */
export async function startStaticHost(folder: string): Promise<StaticHost> {
	let root = resolve(folder);
	const log: Served[] = [];
	const server = createServer((req, res) => {
		void (async () => {
			const url = new URL(req.url ?? '/', 'http://host');
			const path = decodeURIComponent(url.pathname);
			const send = (status: number, headers: Record<string, string> = {}, body?: Buffer) => {
				log.push({ path, status });
				res.writeHead(status, headers).end(body);
			};
			const file = join(root, path);
			if (file !== root && !file.startsWith(root + sep)) return send(404);
			const info = await stat(file).catch(() => undefined);
			if (info?.isDirectory() && !path.endsWith('/')) {
				return send(301, { location: `${url.pathname}/${url.search}` });
			}
			const target = info?.isDirectory() ? join(file, 'index.html') : file;
			// A file can go between the stat and the read (a test's release folder removed while
			// the page still asks for it): that is a 404, not an error thrown into the test run.
			const body = await readFile(target).catch(() => undefined);
			if (!body) return send(404);
			send(
				200,
				{
					'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
					'cache-control': 'no-cache'
				},
				body
			);
		})();
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	return {
		// 127.0.0.1 is a secure context, so the service worker runs as on an https host.
		origin: `http://127.0.0.1:${port}`,
		log,
		deploy(folder) {
			root = resolve(folder);
		},
		close: () =>
			new Promise<void>((done) => {
				server.closeAllConnections();
				server.close(() => done());
			})
	};
}

/**
 * Playwright's `test` with `host`: build/ on a plain static file server of its own, closed in the
 * fixture's teardown, which runs whatever happened to the test (a timeout included).
 */
export const test = base.extend<{ host: StaticHost }>({
	// eslint-disable-next-line no-empty-pattern
	host: async ({}, use) => {
		const host = await startStaticHost('build');
		try {
			await use(host);
		} finally {
			await host.close();
		}
	}
});
