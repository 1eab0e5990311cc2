import { describe, expect, it } from 'vitest';
import { createSyncEngine, type SyncEngine } from '$lib/services/sync/engine';
import { ownDocsSelector } from '$lib/services/sync/documents';
import type { Pouch } from '$lib/services/sync/pouch';
import { createScheduler } from '$lib/scheduler';
import { DEFAULT_SETTINGS } from '$lib/storage/study-settings';
import { PouchDB } from '../../../scripts/sync/server';
import { answer } from '../../fixtures/answers';
import { NOW } from '../../fixtures/decks';
import {
	adminFetch,
	createUser,
	localPouch,
	syncDevice,
	until,
	useTestServer,
	userDbName
} from '../../fixtures/sync-server';

const server = useTestServer();
const scheduler = createScheduler(DEFAULT_SETTINGS.scheduler);
const MIN = 60_000;
let users = 0;

/** The learner's database opened as `user`, counting the requests made through it by path. */
function countingRemote(url: string, user: string) {
	const requests: string[] = [];
	const Pouch = PouchDB as unknown as new (name: string, options: object) => Pouch;
	const remote = new Pouch(url, {
		adapter: 'http',
		auth: { username: user, password: 'secret' },
		skip_setup: true,
		fetch: (target: string, init: RequestInit) => {
			requests.push(new URL(target).pathname.split('/').slice(2).join('/') || '/');
			return (PouchDB as unknown as { fetch: typeof fetch }).fetch(target, init);
		}
	});
	return { remote, requests };
}

/** The server's copies of the learner's documents, with any conflicting revisions. */
async function serverDocs(user: string) {
	const body = (await adminFetch(
		server(),
		`/${userDbName(user)}/_all_docs?include_docs=true&conflicts=true`
	)) as {
		rows: { id: string; doc: { logs?: unknown[]; _conflicts?: string[] } }[];
	};
	return body.rows.filter((r) => !r.id.startsWith('_design/')).map((r) => r.doc);
}

describe("a device's own documents", () => {
	it('signed in again with a new replica, a device extends its documents on the server: no conflicts', async () => {
		const user = `own${++users}`;
		const url = await createUser(server(), user, 'secret');
		const phone = await syncDevice(url, user, 'phone-0001', { now: () => NOW });
		await answer(phone.db, 'small|c1', 3, new Date(NOW.getTime() + MIN), { scheduler });
		await answer(phone.db, 'small|c2', 3, new Date(NOW.getTime() + 2 * MIN), { scheduler });
		await phone.engine.start();
		const logsOnServer = async () =>
			(await serverDocs(user)).reduce((n, d) => n + (d.logs?.length ?? 0), 0);
		await until(async () => (await logsOnServer()) === 2, 'two answers on the server');
		phone.engine.stop();
		await phone.engine.stopped();

		// Signed out and in again: the replica is new, the study database and device id the same.
		const again: SyncEngine = createSyncEngine({
			db: phone.db,
			local: localPouch(),
			remote: countingRemote(url, user).remote,
			device: 'phone-0001',
			now: () => new Date(NOW.getTime() + 10 * MIN)
		});
		try {
			await answer(phone.db, 'small|c3', 3, new Date(NOW.getTime() + 3 * MIN), { scheduler });
			await again.start();
			await until(async () => (await logsOnServer()) === 3, 'the third answer on the server');
			const docs = await serverDocs(user);
			expect(docs.filter((d) => d._conflicts?.length)).toEqual([]);
		} finally {
			again.stop();
			await again.stopped();
		}
	}, 60_000);

	it("the live pull leaves the device's own pushes on the server: four requests an answer, not eight", async () => {
		const user = `own${++users}`;
		const url = await createUser(server(), user, 'secret');
		const { remote, requests } = countingRemote(url, user);
		const device = await syncDevice(url, user, 'phone-0002', { now: () => NOW, cards: 6 });
		let t = NOW.getTime();
		const engine = createSyncEngine({
			db: device.db,
			local: localPouch(),
			remote,
			device: 'phone-0002',
			now: () => new Date(t)
		});
		const onServer = async () =>
			(await serverDocs(user)).reduce((n, d) => n + (d.logs?.length ?? 0), 0);
		try {
			await engine.start();
			await until(async () => engine.status.state === 'synced', 'the first sync');
			requests.length = 0;
			for (let i = 1; i <= 5; i++) {
				t += MIN;
				await answer(device.db, `small|c${i}`, 3, new Date(t), { scheduler });
				await engine.push();
				await until(async () => (await onServer()) === i, `answer ${i} on the server`);
				// Replication settles (the checkpoints written) before the next answer.
				await new Promise((r) => setTimeout(r, 300));
			}
			// What a pushed answer costs: its revs_diff and bulk_docs, and the push's checkpoint.
			const changes = requests.filter((r) => r.startsWith('_changes'));
			// The pull's long poll is opened once and stays open: nothing came back to wake it.
			expect(changes.length).toBeLessThanOrEqual(1);
			expect(requests.length / 5).toBeLessThanOrEqual(4.5);
		} finally {
			engine.stop();
			await engine.stopped();
		}
	}, 60_000);

	it('the test server filters a changes feed by a selector, as CouchDB does', async () => {
		const user = `own${++users}`;
		const url = await createUser(server(), user, 'secret');
		const auth = `Basic ${Buffer.from(`${user}:secret`).toString('base64')}`;
		const put = (id: string) =>
			fetch(`${url}/${encodeURIComponent(id)}`, {
				method: 'PUT',
				headers: { authorization: auth, 'content-type': 'application/json' },
				body: JSON.stringify({ type: 'x' })
			});
		await put('day:phone-0003:2026-11-30:0000');
		await put('settings:phone-0003');
		await put('day:laptop-003:2026-11-30:0000');
		const res = await fetch(`${url}/_changes?filter=_selector`, {
			method: 'POST',
			headers: { authorization: auth, 'content-type': 'application/json' },
			body: JSON.stringify({ selector: ownDocsSelector('phone-0003') })
		});
		expect(res.status).toBe(200);
		const body = (await res.json()) as { results: { id: string }[] };
		expect(body.results.map((r) => r.id).sort()).toEqual([
			'day:phone-0003:2026-11-30:0000',
			'settings:phone-0003'
		]);
	});
});
