import { expect, test, type Browser, type Page } from '@playwright/test';
import { startSyncServer, type SyncServer } from '../../scripts/sync/server';
import { adminFetch, createUser, userDbName } from '../../scripts/sync/users';
import { answer, phoneContext, readRows } from './helpers';

// Offline and install behaviour: the service worker is what these tests are about.
test.use({ serviceWorkers: 'allow' });

// Two browser contexts are two devices of one learner; the CouchDB-protocol test server runs in
// this process on a free port and is stopped after the file, also when a test fails.
let server: SyncServer;
test.beforeAll(async () => {
	server = await startSyncServer({ port: 0 });
});
test.afterAll(async () => {
	await server?.close();
});

// The app is served at localhost: the server is addressed as localhost too, so its session
// cookie is same-site for the app (CouchDB behind https on another site needs SameSite=None).
const address = () => `http://localhost:${server.port}`;

async function device(browser: Browser) {
	const context = await phoneContext(browser);
	const page = await context.newPage();
	return { context, page };
}

async function signIn(page: Page, user: string, password: string) {
	await page.goto('/settings/sync/');
	await page.getByLabel('Server address').fill(address());
	await page.getByLabel('User name').fill(user);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in and sync' }).click();
}

const status = (page: Page) => page.getByTestId('sync-status');

interface Log {
	id: string;
	uid: string;
	grade: number;
	reviewedAt: number;
}
interface Card {
	uid: string;
	lastLogAt: number;
	due: number;
	stability: number;
	difficulty: number;
	reps: number;
	state: number;
}
const logIds = async (page: Page) =>
	(await readRows<Log>(page, 'reviewLogs')).map((l) => l.id).sort();
const answered = async (page: Page) =>
	(await readRows<Card>(page, 'cards'))
		.filter((c) => c.lastLogAt > 0)
		.map(({ uid, due, stability, difficulty, reps, state }) => ({
			uid,
			due,
			stability,
			difficulty,
			reps,
			state
		}))
		.sort((a, b) => (a.uid < b.uid ? -1 : 1));

test('a wrong password is refused in words and sync stays off', async ({ page }) => {
	await createUser(server, 'bea', 'right-password');
	await signIn(page, 'bea', 'wrong-password');
	await expect(page.getByRole('alert')).toHaveText(
		'The server did not accept this user name and password.'
	);
	await expect(status(page)).toHaveText(/Sync is off/);
});

test('two devices answer offline, reconnect, and end with the same answers and card states', async ({
	browser
}) => {
	// Two first visits (bundled decks installing) and two sign-ins before the part measured here.
	test.setTimeout(90_000);
	await createUser(server, 'ann', 'secret');
	const phone = await device(browser);
	const laptop = await device(browser);
	try {
		for (const d of [phone, laptop]) {
			await signIn(d.page, 'ann', 'secret');
			await expect(status(d.page)).toHaveText(/^Synced/);
			// Installed (the service worker active), as the app must be to work offline; the next page
			// comes from it, and so does the sync code that page loads once it has settled.
			await d.page.evaluate(async () => void (await navigator.serviceWorker.ready));
			await d.page.goto('/review/');
			await expect(d.page.locator('.prompt')).toBeVisible();
		}
		// Both go offline and answer the same first cards (same deck, same order).
		for (const d of [phone, laptop]) await d.context.setOffline(true);
		await answer(phone.page, 'Good');
		await answer(phone.page, 'Again');
		await answer(laptop.page, 'Easy');
		await answer(laptop.page, 'Good');
		expect(await logIds(phone.page)).toHaveLength(2);

		for (const d of [phone, laptop]) await d.context.setOffline(false);
		await expect.poll(async () => (await logIds(phone.page)).length, { timeout: 20_000 }).toBe(4);
		await expect.poll(async () => (await logIds(laptop.page)).length, { timeout: 20_000 }).toBe(4);
		expect(await logIds(phone.page)).toEqual(await logIds(laptop.page));
		// Each device rebuilds the cards a pull touched once replication settles: seconds on a busy
		// machine. Wait until both show the same states, then compare them for the message.
		const same = async () =>
			JSON.stringify(await answered(phone.page)) === JSON.stringify(await answered(laptop.page));
		await expect.poll(same, { timeout: 30_000 }).toBe(true);
		expect(await answered(phone.page)).toEqual(await answered(laptop.page));

		await phone.page.goto('/settings/sync/');
		await expect(status(phone.page)).toHaveText(/^Synced/);
	} finally {
		await phone.context.close();
		await laptop.context.close();
	}
});

/** The ids of every answer in a user's database on the server, each as often as it is there. */
async function serverLogIds(user: string): Promise<string[]> {
	const body = (await adminFetch(server, `/${userDbName(user)}/_all_docs?include_docs=true`)) as {
		rows: { doc: { type?: string; logs?: { id: string }[] } }[];
	};
	return body.rows
		.flatMap((r) => (r.doc.type === 'day' ? (r.doc.logs ?? []) : []))
		.map((l) => l.id)
		.sort();
}

test('two tabs run one replication; the other shows its status and takes over when it closes', async ({
	browser
}) => {
	test.setTimeout(60_000);
	await createUser(server, 'cleo', 'secret');
	const context = await phoneContext(browser);
	try {
		// Which tab polls the server's change feed: the one that replicates.
		const feeds = new Map<Page, number>();
		const watch = (page: Page) =>
			page.on('request', (request) => {
				if (request.url().includes('/_changes')) feeds.set(page, (feeds.get(page) ?? 0) + 1);
			});
		const first = await context.newPage();
		watch(first);
		expect(first.viewportSize()).toEqual({ width: 390, height: 844 });
		await signIn(first, 'cleo', 'secret');
		await expect(status(first)).toHaveText(/^Synced/, { timeout: 20_000 });

		const second = await context.newPage();
		watch(second);
		await second.goto('/settings/sync/');
		// The first tab's status, sent to this one: not "runs in another tab" and nothing more.
		await expect(status(second)).toHaveText(/^Synced/);
		await second.goto('/review/');
		await expect(second.locator('.prompt')).toBeVisible();
		await answer(second, 'Good');
		await expect.poll(() => serverLogIds('cleo'), { timeout: 20_000 }).toHaveLength(1);
		expect(feeds.get(second) ?? 0).toBe(0);
		expect(feeds.get(first) ?? 0).toBeGreaterThan(0);

		await first.close();
		// The second tab was waiting for the lock: it takes the sync over.
		await expect.poll(() => feeds.get(second) ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);
		await answer(second, 'Again');
		await expect.poll(() => serverLogIds('cleo'), { timeout: 20_000 }).toHaveLength(2);
		// Each answer once on the server and once on the device.
		const ids = await serverLogIds('cleo');
		expect(new Set(ids).size).toBe(2);
		expect(await logIds(second)).toEqual(ids);

		// Signing out in a tab that does not replicate: the running tab stops, and the replica
		// is deleted once its replication has wound down; the answers stay.
		const third = await context.newPage();
		await third.goto('/settings/sync/');
		await expect(status(third)).toHaveText(/^Synced/);
		await third.getByRole('button', { name: 'Sign out' }).click();
		await expect(third.getByRole('button', { name: 'Sign in and sync' })).toBeVisible({
			timeout: 20_000
		});
		const replicas = () =>
			third.evaluate(async () =>
				(await indexedDB.databases()).flatMap((d) =>
					d.name?.includes('recall-sync-cleo') ? [d.name] : []
				)
			);
		await expect.poll(replicas, { timeout: 20_000 }).toEqual([]);
		expect(await logIds(third)).toEqual(ids);
	} finally {
		await context.close();
	}
});

/** The replication's requests to the sync server (PouchDB's, not the sign-in's). */
const REPLICATION = /\/(_changes|_bulk_docs|_revs_diff|_bulk_get|_local\/|_all_docs)/;

test("sync runs in a worker: the page's own thread sends none of the replication's requests, and an answer still reaches the server", async ({
	browser
}) => {
	test.setTimeout(60_000);
	await createUser(server, 'dora', 'secret');
	const context = await phoneContext(browser);
	try {
		// Every request the page's own thread sends, as the page's resource timing lists them (a
		// worker's requests are in the worker's list, not the page's). An observer: the list itself
		// stops at 250 entries, and a first visit loads more than that.
		await context.addInitScript(() => {
			const sent: string[] = [];
			Object.assign(window, { __sent: sent });
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) sent.push(entry.name);
			}).observe({ type: 'resource', buffered: true });
		});
		const page = await context.newPage();
		const sentByPage = () =>
			page.evaluate(() => (window as unknown as { __sent: string[] }).__sent);
		const toServer = (urls: string[]) =>
			urls.filter((u) => u.startsWith(address()) && REPLICATION.test(new URL(u).pathname));
		await signIn(page, 'dora', 'secret');
		await expect(status(page)).toHaveText(/^Synced/, { timeout: 20_000 });
		// The page signed in itself (its list is not simply empty) and replicated nothing.
		const signingIn = await sentByPage();
		expect(signingIn.some((u) => u.startsWith(`${address()}/_session`))).toBe(true);
		expect(toServer(signingIn)).toEqual([]);

		await page.goto('/review/');
		await expect(page.locator('.prompt')).toBeVisible();
		await answer(page, 'Good');
		await expect.poll(() => serverLogIds('dora'), { timeout: 20_000 }).toHaveLength(1);
		const worker = page.workers().find((w) => w.url().includes('sync-worker'));
		expect(worker, 'a sync worker runs beside the review page').toBeDefined();
		const fromWorker = await worker!.evaluate(() =>
			performance.getEntriesByType('resource').map((e) => e.name)
		);
		// The worker pushed the answer and polls the server's changes; the page sent none of it.
		expect(toServer(fromWorker).some((u) => u.includes('/_bulk_docs'))).toBe(true);
		expect(toServer(fromWorker).some((u) => u.includes('/_changes'))).toBe(true);
		expect(toServer(await sentByPage())).toEqual([]);
	} finally {
		await context.close();
	}
});
