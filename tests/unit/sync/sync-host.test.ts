import { describe, expect, it } from 'vitest';
import { createSyncHost } from '$lib/services/sync/sync-host';
import type { SyncReply } from '$lib/services/sync/sync-job';
import type { Pouch } from '$lib/services/sync/pouch';
import { installDeck } from '$lib/storage';
import { DEFAULT_SETTINGS } from '$lib/storage/study-settings';
import { createScheduler } from '$lib/scheduler';
import { answer } from '../../fixtures/answers';
import { freshDb } from '../../fixtures/db';
import { NOW, smallDeck } from '../../fixtures/decks';
import {
	adminFetch,
	createUser,
	localPouch,
	remotePouch,
	until,
	useTestServer,
	userDbName
} from '../../fixtures/sync-server';

// The sync worker's side (issue 17: sync off the page's thread): what the page asks of it and what
// it answers, on PouchDB's memory adapter and the CouchDB-protocol test server.

const server = useTestServer();
const scheduler = createScheduler(DEFAULT_SETTINGS.scheduler);
const MIN = 60_000;

async function host(user: string) {
	const url = await createUser(server(), user, 'secret');
	const db = freshDb();
	await installDeck(db, smallDeck(5), { now: NOW, bundled: true });
	const replies: SyncReply[] = [];
	const opened: Pouch[] = [];
	const open = (name: string) => {
		const pouch = name === `replica-${user}` ? localPouch() : remotePouch(name, user, 'secret');
		opened.push(pouch);
		return pouch;
	};
	// Dexie's live queries do not run under Node: the revision is watched by hand here (the e2e
	// tests watch it across the page and the worker).
	const watchers = new Set<() => void>();
	const moved = () => watchers.forEach((w) => w());
	const sync = createSyncHost({
		watch: (_db, next) => {
			watchers.add(next);
			return () => watchers.delete(next);
		},
		db,
		open,
		post: (reply) => replies.push(reply),
		idle: () => Promise.resolve(),
		backOff: () => 200,
		pacer: { quietMs: 20, maxWaitMs: 200 }
	});
	const job = { replica: `replica-${user}`, remote: url, classes: [], device: 'phone-0001' };
	const serverLogs = async () => {
		const body = (await adminFetch(
			server(),
			`/${userDbName(user)}/_all_docs?include_docs=true&startkey="day:"&endkey="day:\uffff"`
		)) as { rows: { doc: { logs: unknown[] } }[] };
		return body.rows.reduce((n, r) => n + r.doc.logs.length, 0);
	};
	return { db, replies, opened, sync, job, serverLogs, moved };
}

const kinds = (replies: SyncReply[]) => replies.map((r) => r.kind);
const states = (replies: SyncReply[]) =>
	replies.flatMap((r) => (r.kind === 'status' ? [r.status.state] : []));

describe('the sync worker', () => {
	it('starts, pushes an answer written to the study database, and stops only once wound down', async () => {
		const h = await host('ivy');
		await h.sync.receive({ kind: 'start', job: { ...h.job, online: true } });
		expect(kinds(h.replies)).toContain('started');
		await until(async () => states(h.replies).at(-1) === 'synced', 'synced');

		// The page answers (the host pushes by the clock: now): the revision moves, and the worker's push follows without being asked.
		await answer(h.db, 'small|c0', 3, new Date(), { scheduler });
		h.moved();
		await until(async () => (await h.serverLogs()) === 1, 'the answer on the server');

		await h.sync.receive({ kind: 'stop' });
		expect(h.replies.at(-1)).toEqual({ kind: 'stopped' });
		const after = h.replies.length;
		// Stopped for good: a later answer is not pushed, and nothing more is said.
		await answer(h.db, 'small|c1', 3, new Date(Date.now() + MIN), { scheduler });
		h.moved();
		await new Promise((r) => setTimeout(r, 300));
		expect(h.replies.length).toBe(after);
		expect(await h.serverLogs()).toBe(1);
	});

	it("follows the page's network events: offline while the page says so, a reconnect when it is back", async () => {
		const h = await host('jay');
		await h.sync.receive({ kind: 'start', job: { ...h.job, online: false } });
		// Started while the page was offline: said so, whatever the engine says.
		expect(states(h.replies).at(-1)).toBe('offline');
		await h.sync.receive({ kind: 'offline' });
		expect(states(h.replies).at(-1)).toBe('offline');
		const remotes = h.opened.length;
		await h.sync.receive({ kind: 'online' });
		// A new engine, with new connections to the server, and its statuses come through.
		expect(h.opened.length).toBeGreaterThan(remotes);
		await until(async () => states(h.replies).at(-1) === 'synced', 'synced after the reconnect');
		await h.sync.receive({ kind: 'stop' });
		expect(h.replies.at(-1)).toEqual({ kind: 'stopped' });
	});

	it('a start that fails says why in words, and stops what it began', async () => {
		const h = await host('kit');
		await h.db.close();
		await h.sync.receive({ kind: 'start', job: { ...h.job, online: true } });
		const last = h.replies.at(-1);
		expect(last?.kind).toBe('failed');
		if (last?.kind === 'failed') expect(last.error).toMatch(/\w+ \w+/);
		await h.sync.receive({ kind: 'stop' });
		expect(h.replies.at(-1)).toEqual({ kind: 'stopped' });
	});

	it('deletes a replica no sync uses', async () => {
		const h = await host('lou');
		await h.sync.receive({ kind: 'drop', replica: `replica-lou` });
		expect(h.replies).toEqual([{ kind: 'dropped' }]);
	});
});
