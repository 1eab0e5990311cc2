import { spawn } from 'node:child_process';

/**
 * The CouchDB-protocol test server in its own process (`npm run sync:server` on a free port), as it
 * would be on its own machine: its work is not the device's. Resolves with its address once it
 * listens, with `user` signed up.
 */
export async function spawnSyncServer(
	user: string,
	password: string
): Promise<{ url: string; stop: () => void }> {
	const child = spawn(process.execPath, ['node_modules/.bin/tsx', 'scripts/sync/serve.ts'], {
		env: { ...process.env, SYNC_PORT: '0', SYNC_USER: user, SYNC_PASSWORD: password },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const url = await new Promise<string>((resolve, reject) => {
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const found = /server at (http:\/\/\S+)/.exec(out);
			if (found) resolve(found[1]!);
		});
		child.once('exit', () => reject(new Error(`the sync server stopped: ${out}`)));
	});
	return { url, stop: () => child.kill() };
}
