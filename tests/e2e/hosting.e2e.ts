import { expect } from '@playwright/test';
import { waitForServiceWorker } from './helpers';
import { test } from './static-server';

// Offline and install behaviour: the service worker is what these tests are about.
test.use({ serviceWorkers: 'allow' });

// Issue 13, "Any static host, any first page, offline": the build is plain files, served here by a
// file server that knows nothing of the app (no rewrites, folders are their index.html).
const DECK = 'russia-japan-2plus2';
const DECK_TITLE = 'Russia–Japan two-plus-two in Tokyo';

test('a first visit to a deep page installs the worker at the root; the app then works offline', async ({
	page,
	context,
	host
}) => {
	const deep = `${host.origin}/library/cards/?deck=${DECK}`;
	await page.goto(deep);
	// The bundled decks go in from this page too: the deck is there on a first visit.
	await expect(page.getByRole('heading', { name: DECK_TITLE, level: 1 })).toBeVisible();
	await expect(page.getByText(/^\d+ cards, the first 50 shown/)).toBeVisible();
	const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
	expect(scope).toBe(`${host.origin}/`);
	// The worker came from the root, once, and its install fetched only files the host has. (A
	// chunk's hashed name may end in "sw.js" too: the slash tells them apart.)
	expect(host.log.filter((r) => r.path.endsWith('/sw.js'))).toEqual([
		{ path: '/sw.js', status: 200 }
	]);
	expect(host.log.filter((r) => r.status >= 400)).toEqual([]);

	await waitForServiceWorker(page);
	await context.setOffline(true);
	const reloaded = await page.reload();
	// The control: this page came from the worker, not from the host.
	expect(reloaded?.fromServiceWorker()).toBe(true);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

	// Home installs the bundled decks, offline too: they are in the precache.
	const home = await page.goto(`${host.origin}/`);
	expect(home?.fromServiceWorker()).toBe(true);
	await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
	await expect(page.getByRole('heading', { name: DECK_TITLE })).toBeVisible();
	// Through the app's own links, then by address, with and without the slash a file server adds.
	await page.getByRole('link', { name: 'Settings' }).click();
	await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
	await page.goto(`${host.origin}/review/?deck=two-plus-two-basics`);
	await expect(page.locator('.prompt')).toBeVisible();
	await page.goto(`${host.origin}/review?deck=two-plus-two-basics`);
	await expect(page).toHaveURL(`${host.origin}/review/?deck=two-plus-two-basics`);
	await expect(page.locator('.prompt')).toBeVisible();
	await page.goto(`${host.origin}/library`);
	await expect(page).toHaveURL(`${host.origin}/library/`);
	await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
	await page.goto(deep);
	await expect(page.getByRole('heading', { name: DECK_TITLE, level: 1 })).toBeVisible();
	await expect(page.getByText(/^\d+ cards, the first 50 shown/)).toBeVisible();
});

test('online, a page asked for without its slash is redirected by the host, as any file server does', async ({
	page,
	host
}) => {
	// No worker yet: this is the host's own answer, the first visit of someone typing the address.
	await page.goto(`${host.origin}/review?deck=two-plus-two-basics`);
	await expect(page).toHaveURL(`${host.origin}/review/?deck=two-plus-two-basics`);
	await expect(page.locator('.prompt')).toBeVisible();
	expect(host.log[0]).toEqual({ path: '/review', status: 301 });
});

test.describe('without a service worker', () => {
	test.use({ serviceWorkers: 'block' });
	test('the same deep page cannot reload offline, so the test above is real', async ({
		page,
		context,
		host
	}) => {
		await page.goto(`${host.origin}/library/cards/?deck=${DECK}`);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await context.setOffline(true);
		await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
	});
});
