import { expect, test } from '@playwright/test';
import { answer, countRows, openReview, waitForServiceWorker } from './helpers';

// Offline and install behaviour: the service worker is what these tests are about.
test.use({ serviceWorkers: 'allow' });

test('the manifest makes Recall installable', async ({ page, context }) => {
	await page.goto('/');
	const manifest = await (await page.request.get('/manifest.webmanifest')).json();
	expect(manifest).toMatchObject({
		name: 'Recall',
		short_name: 'Recall',
		start_url: '/',
		scope: '/',
		display: 'standalone'
	});
	expect(
		manifest.icons.map((i: { sizes: string; purpose: string }) => i.sizes + i.purpose)
	).toEqual(['192x192any', '512x512any', '512x512maskable']);
	await waitForServiceWorker(page);
	const cdp = await context.newCDPSession(page);
	const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
	// Playwright contexts are always incognito; that one error is the harness, not the app.
	expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
});

test('after the first visit, the app reloads, opens new tabs and reviews offline', async ({
	page,
	context
}) => {
	await openReview(page);
	await waitForServiceWorker(page);
	await context.setOffline(true);

	await page.reload();
	await expect(page.locator('.prompt')).toBeVisible();
	await expect(page.getByText(/Offline/)).toBeVisible();
	await answer(page, 'Good');
	await expect(page.getByText(/^1 answered today/)).toBeVisible();
	expect(await countRows(page, 'reviewLogs')).toBe(1);

	const tab = await context.newPage();
	// A page with a query (a deck) comes from the precache too.
	await tab.goto('/review/?deck=two-plus-two-basics');
	await expect(tab.locator('.prompt')).toBeVisible();
	await tab.goto('/');
	await expect(tab.getByRole('heading', { name: 'Today' })).toBeVisible();
	await expect(tab.getByRole('heading', { name: /two-plus-two/ })).toBeVisible();
	await tab.goto('/decks/index.json');
	await expect(tab.locator('body')).toContainText('russia-japan-2plus2');
});

test.describe('without a service worker', () => {
	test.use({ serviceWorkers: 'block' });
	test('offline reload fails, so the offline test above is real', async ({ page, context }) => {
		await page.goto('/');
		await context.setOffline(true);
		await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
	});
});
