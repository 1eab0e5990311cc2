import { expect, test, type Browser, type Page } from '@playwright/test';
import { startSyncServer, type SyncServer } from '../../scripts/sync/server';
import { createUser } from '../../scripts/sync/users';
import { answer, readRows } from './helpers';

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
	const context = await browser.newContext();
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
		await expect.poll(async () => answered(phone.page)).toEqual(await answered(laptop.page));

		await phone.page.goto('/settings/sync/');
		await expect(status(phone.page)).toHaveText(/^Synced/);
	} finally {
		await phone.context.close();
		await laptop.context.close();
	}
});
