import { expect, test, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answer, countRows, waitForServiceWorker } from '../helpers';
import { runCheckDatabase } from './support';
import { startStaticHost, type StaticHost } from '../static-server';

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

const waitingWorker = (page: Page) =>
	page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting);

const updatePrompt = (page: Page) => page.getByRole('button', { name: 'Reload to update' });

// Issue "Reliability": an update never interrupts a review, is offered when it ends, and loses
// nothing.
test('a version deployed mid-session waits for the session to end, then loads; no answer lost', async ({
	page
}) => {
	test.setTimeout(60_000);
	const releases = mkdtempSync(join(tmpdir(), 'recall-releases-'));
	nextRelease('build', join(releases, 'v2'));
	let host: StaticHost | undefined;
	try {
		host = await startStaticHost('build');
		// The ten-card deck, so the session can be finished.
		await page.goto(`${host.origin}/review/?deck=two-plus-two-basics`);
		await expect(page.locator('.prompt')).toBeVisible();
		await waitForServiceWorker(page);
		await expect(page.locator('.prompt')).toBeVisible();
		// Gone if the page ever reloads before the learner asks it to.
		await page.evaluate(() => Object.assign(window, { sameDocument: true }));
		await answer(page, 'Easy');
		await answer(page, 'Easy');

		host.deploy(join(releases, 'v2'));
		// Browsers look for a new worker on navigations and at least daily; this is that check, now.
		await page.evaluate(async () => {
			await (await navigator.serviceWorker.getRegistration())?.update();
		});
		await expect.poll(() => waitingWorker(page), { timeout: 15_000 }).toBe(true);

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
	} finally {
		await host?.close();
		rmSync(releases, { recursive: true, force: true });
	}
});
