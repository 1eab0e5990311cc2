import { expect, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answer, countRows, waitForServiceWorker } from '../helpers';
import { runCheckDatabase } from './support';
import { test as hostTest } from '../static-server';

const MARK = '<meta name="recall-build" content="2">';

/**
 * The next release, made from this build: every page carries a marker the test can see, and the
 * service worker's precache manifest names the changed pages by new revisions, so the browser finds
 * a new worker exactly as after a real deploy.
 */
function nextRelease(build: string, folder: string): void {
	cpSync(build, folder, { recursive: true });
	for (const entry of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
		if (!entry.endsWith('.html')) continue;
		const file = join(folder, entry);
		writeFileSync(file, readFileSync(file, 'utf8').replace('<head>', `<head>${MARK}`));
	}
	const sw = join(folder, 'sw.js');
	const revised = readFileSync(sw, 'utf8').replace(/revision:"(\w+)"/g, 'revision:"$1-2"');
	writeFileSync(sw, revised);
}

/**
 * `test` with `host` (build/ on a plain file server) and `v2`, the folder of the next release,
 * removed in the fixture's teardown, which runs whatever happened to the test.
 */
const test = hostTest.extend<{ v2: string }>({
	// After `host`, so it is removed only once the host is closed and no page can ask for it.
	v2: async ({ host }, use) => {
		void host;
		const releases = mkdtempSync(join(tmpdir(), 'recall-releases-'));
		try {
			nextRelease('build', join(releases, 'v2'));
			await use(join(releases, 'v2'));
		} finally {
			rmSync(releases, { recursive: true, force: true });
		}
	}
});

const waitingWorker = (page: Page) =>
	page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting);

const updatePrompt = (page: Page) => page.getByRole('button', { name: 'Reload to update' });

// Issue "Reliability": an update never interrupts a review, is offered when it ends, and loses
// nothing.
test('a version deployed mid-session waits for the session to end, then loads; no answer lost', async ({
	page,
	host,
	v2
}) => {
	// Measured 10 s alone on the 2-core machine under other load; it runs beside the phone tests.
	test.setTimeout(90_000);
	// The ten-card deck, so the session can be finished.
	await page.goto(`${host.origin}/review/?deck=two-plus-two-basics`);
	await expect(page.locator('.prompt')).toBeVisible();
	await waitForServiceWorker(page);
	await expect(page.locator('.prompt')).toBeVisible();
	// Gone if the page ever reloads before the learner asks it to.
	await page.evaluate(() => Object.assign(window, { sameDocument: true }));
	await answer(page, 'Easy');
	await answer(page, 'Easy');

	host.deploy(v2);
	// Browsers look for a new worker on navigations and at least daily; this is that check, now.
	// Asked again until a worker is found: a check still running from before the deploy (the
	// browser's own after the reload above, or the app's on open) would answer this one with the
	// old version, as checks of one registration made while another runs are merged into it. Once
	// found, the new worker downloads the whole precache list again (every revision changed, some
	// 4 MB with the wasm) from a host in this test's process: seconds alone, more on a busy machine.
	await expect
		.poll(
			async () => {
				await page.evaluate(async () => {
					const registration = await navigator.serviceWorker.getRegistration();
					if (registration && !registration.installing && !registration.waiting)
						await registration.update();
				});
				return waitingWorker(page);
			},
			{ intervals: [1000], timeout: 60_000 }
		)
		.toBe(true);

	// The session goes on, on the old version, with no prompt, to its last card.
	let answered = 2;
	while (await page.locator('.prompt').isVisible()) {
		await expect(updatePrompt(page)).toBeHidden();
		await answer(page, 'Easy');
		answered++;
	}
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
	expect(answered).toBe(10);
	expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
	expect(await page.locator('meta[name="recall-build"]').count()).toBe(0);
	expect(await waitingWorker(page)).toBe(true);
	expect(await countRows(page, 'reviewLogs')).toBe(answered);

	// Now it is offered, and applying it loads the new version with every answer kept.
	await expect(page.getByText('A new version of Recall is ready.')).toBeVisible();
	await updatePrompt(page).click();
	await expect(page.locator('meta[name="recall-build"]')).toHaveCount(1);
	expect(await page.evaluate(() => 'sameDocument' in window)).toBe(false);
	await expect.poll(() => waitingWorker(page)).toBe(false);
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
	expect(await countRows(page, 'reviewLogs')).toBe(answered);
	expect(await runCheckDatabase(page, host.origin)).toContain(
		`against ${answered} answers. Every card matches its history.`
	);
});

// Issue 13: the app looks for a new version by itself, on open and hourly, without a reload.
// A returning learner's page is controlled by the worker; a first visit's page is controlled by none
// (it was loaded before the worker was installed), and the update must reload it all the same.
for (const visit of ['a returning', 'a first'] as const) {
	test(`${visit} visit's open app notices a new deployment within the hour, without a reload`, async ({
		page,
		host,
		v2
	}) => {
		const log = host.log;
		const workerFetches = () => log.filter((r) => r.path === '/sw.js').length;
		// The page's own clock, so that an hour passes in an instant.
		await page.clock.install();
		await page.goto(`${host.origin}/`);
		await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
		if (visit === 'a returning') await waitForServiceWorker(page);
		else await page.evaluate(async () => void (await navigator.serviceWorker.ready));
		// The install, then for a returning visit the checks when the app opened again (its own, and
		// the browser's after a navigation, which may come a moment later): wait until the host has
		// been quiet a while, so that the version deployed next is new to every check made so far.
		await expect.poll(workerFetches).toBeGreaterThanOrEqual(visit === 'a returning' ? 2 : 1);
		let seen = -1;
		await expect
			.poll(
				() => {
					const quiet = seen === log.length;
					seen = log.length;
					return quiet;
				},
				{ intervals: [3000], timeout: 30_000 }
			)
			.toBe(true);
		const opened = workerFetches();
		await page.evaluate(() => Object.assign(window, { sameDocument: true }));
		host.deploy(v2);

		// The control: before the hour is up nothing asks the host, so nothing is found.
		await page.clock.fastForward('59:00');
		await page.waitForTimeout(2000);
		expect(workerFetches()).toBe(opened);
		expect(await waitingWorker(page)).toBe(false);
		await expect(page.getByText('A new version of Recall is ready.')).toBeHidden();

		// On the hour, the app looks by itself and offers the new version, on the same page, once the
		// new worker has installed: it downloads the whole precache list (some 4 MB). In a quiet CI
		// run on a slow machine, beside the phone tests, it did not show within the default 5 s
		// once; 30 s is six times that.
		await page.clock.fastForward('01:00');
		await expect(page.getByText('A new version of Recall is ready.')).toBeVisible({
			timeout: 30_000
		});
		expect(workerFetches()).toBe(opened + 1);
		// (A worker waits only while it has pages to serve: a first visit's page is not one.)
		if (visit === 'a returning') expect(await waitingWorker(page)).toBe(true);
		expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
		expect(await page.locator('meta[name="recall-build"]').count()).toBe(0);
		await updatePrompt(page).click();
		await expect(page.locator('meta[name="recall-build"]')).toHaveCount(1);
	});
}
