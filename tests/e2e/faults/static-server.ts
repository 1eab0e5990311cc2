import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

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

/** A static host whose site can be swapped while it runs: a deploy, as a learner's browser sees it. */
export interface StaticHost {
	origin: string;
	/** Serves `folder` from the next request on. */
	deploy(folder: string): void;
	close(): Promise<void>;
}

/**
 * Serves a built app from `folder` on a free port, the way a static host does: `/review` is
 * `review.html`, nothing is cached by the host.
 * @example const host = await startStaticHost('build'); await page.goto(`${host.origin}/review`)
 */
export async function startStaticHost(folder: string): Promise<StaticHost> {
	let root = resolve(folder);
	const server = createServer((req, res) => {
		void (async () => {
			const path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
			for (const candidate of [path, `${path}.html`, join(path, 'index.html')]) {
				const file = join(root, candidate);
				if (file !== root && !file.startsWith(root + sep)) break;
				const info = await stat(file).catch(() => undefined);
				if (!info?.isFile()) continue;
				res.writeHead(200, {
					'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
					'cache-control': 'no-cache'
				});
				res.end(await readFile(file));
				return;
			}
			res.writeHead(404).end();
		})();
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	return {
		// 127.0.0.1 is a secure context, so the service worker runs as on an https host.
		origin: `http://127.0.0.1:${port}`,
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
