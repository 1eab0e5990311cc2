import {
	devices,
	expect,
	type Browser,
	type BrowserContextOptions,
	type Locator,
	type Page
} from '@playwright/test';

/** Opens the review screen and waits for a card (the bundled decks install on first visit). */
export async function openReview(page: Page, deck?: string) {
	await page.goto(deck ? `/review/?deck=${deck}` : '/review/');
	// A fresh context is a first visit: the 325 bundled cards go in before the first card shows.
	// Well under 5 s on a quiet machine, over 5 s at a load average of 30 (seen in a full run).
	await expect(page.locator('.prompt')).toBeVisible({ timeout: 30_000 });
}

/**
 * Opens home and waits for its "Start review": on a fresh context that is a first visit, and the
 * button comes once the bundled decks are in and the counts read (a full run once took over 5 s
 * for that at a load average of 14).
 */
export async function openHome(page: Page) {
	await page.goto('/');
	await expect(page.getByRole('link', { name: 'Start review' })).toBeVisible({ timeout: 30_000 });
}

/**
 * Opens the review once the first visit's install is over (all 325 bundled cards in), read again:
 * a first visit shows a card of the first deck installed and keeps it while the others go in, so
 * tests that compare two tabs, or step through the queue, start from the full queue.
 */
export async function openFullReview(page: Page, deck?: string) {
	await openReview(page, deck);
	await expect.poll(() => countRows(page, 'cards'), { timeout: 30_000 }).toBe(325);
	await page.reload();
	await expect(page.locator('.prompt')).toBeVisible({ timeout: 30_000 });
}

/**
 * Waits until no answer is being written: the next card is painted before its predecessor's answer
 * is saved, and the section says so with aria-busy.
 */
export async function settled(page: Page) {
	await expect(page.locator('section[aria-busy="true"]')).toHaveCount(0);
}

/**
 * Makes the card on screen ready to rate, whatever mode it is asked in, and returns its rating
 * buttons: "Show answer" for a flashcard, the first option, choice or a typed answer otherwise.
 */
export async function reveal(page: Page): Promise<Locator> {
	const show = page.getByRole('button', { name: 'Show answer' });
	const option = page.locator('.option:not([disabled])').first();
	const truth = page.locator('.choice:not([disabled])').first();
	const typed = page.locator('#typed-answer:not([disabled])');
	const ratings = page.getByRole('group', { name: /How well did you know it|Change the rating/ });
	// Another tab's write can replace the card between looking and clicking (it moves on): then
	// look again, rather than wait for a control that is gone. A click that got through but whose
	// ratings took longer than the quick wait to show (a busy machine) leaves the controls disabled
	// and the ratings coming: those are the answer then, not a reason to look for controls again.
	// Looked for only once no answer is being written: while the last answer's write and the queue's
	// re-read run, that card can still be on screen with its ratings (a full run once clicked those,
	// and then waited for them after the next card had replaced them).
	for (let attempt = 0; ; attempt++) {
		try {
			await settled(page);
			await expect(show.or(option).or(truth).or(typed).or(ratings)).toBeVisible();
			if (await ratings.isVisible()) return ratings;
			const quick = { timeout: 2000 };
			if (await show.isVisible()) await show.click(quick);
			else if (await option.isVisible()) await option.click(quick);
			else if (await truth.isVisible()) await truth.click(quick);
			else {
				await typed.fill('an answer', quick);
				await typed.press('Enter', quick);
			}
			await expect(ratings).toBeVisible(quick);
			return ratings;
		} catch (e) {
			if (attempt >= 4) throw e;
		}
	}
}

/** Answers the card on screen, whatever mode it is asked in, and rates it `rating`. */
export async function answer(page: Page, rating: 'Again' | 'Hard' | 'Good' | 'Easy' = 'Good') {
	const ratings = await reveal(page);
	await ratings.getByRole('button', { name: new RegExp(`^${rating}`) }).click();
	// The next card (or the summary) replaces this one, and the answer is saved.
	await expect(ratings).toBeHidden();
	await settled(page);
}

/** Every row of one object store of the app's IndexedDB. */
export async function readRows<T = Record<string, unknown>>(
	page: Page,
	store: string
): Promise<T[]> {
	return page.evaluate(
		(name) =>
			new Promise<T[]>((resolve, reject) => {
				const open = indexedDB.open('recall');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const req = db.transaction(name).objectStore(name).getAll();
					req.onsuccess = () => {
						resolve(req.result as T[]);
						db.close();
					};
					req.onerror = () => reject(req.error);
				};
			}),
		store
	);
}

/** Counts rows in one object store of the app's IndexedDB, the way a learner's data really is. */
export async function countRows(page: Page, store: string): Promise<number> {
	return page.evaluate(
		(name) =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('recall');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const req = db.transaction(name).objectStore(name).count();
					req.onsuccess = () => {
						resolve(req.result);
						db.close();
					};
					req.onerror = () => reject(req.error);
				};
			}),
		store
	);
}

/** Waits until the service worker controls the page, so the next loads can come from its cache. */
export async function waitForServiceWorker(page: Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.reload();
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/**
 * The accessibility violations axe finds on the page as it is, one line each: the rule and the
 * elements. Every rule runs, as by default, but in the page itself: by default axe opens a blank
 * page for each scan to merge the results of frames, and the app has no frames. Only violations are
 * listed element by element (the passes, which nothing reads, are not). A scan of the card browser
 * took 3 to 4 s instead of 11 to 19 s at a load average of 15.
 */
export async function axeViolations(page: Page): Promise<string[]> {
	const { default: AxeBuilder } = await import('@axe-core/playwright');
	const results = await new AxeBuilder({ page })
		.setLegacyMode()
		.options({ resultTypes: ['violations'] })
		.analyze();
	return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

/** Fails with any accessibility violations axe finds on the page as it is. */
export async function axe(page: Page, label: string) {
	expect(await axeViolations(page), label).toEqual([]);
}

/**
 * A screenshot for a person to look at, taken only when SHOTS_DIR names a folder for it: nothing
 * checks it, and a full page of a long screen costs seconds of a CI run.
 */
export async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
	const dir = process.env.SHOTS_DIR;
	if (dir) await page.screenshot({ path: `${dir}/${name}.png`, ...options });
}

/** Writes `body` to a file under test-results, for setInputFiles (large files go by path). */
export async function tempFile(name: string, body: string | Uint8Array): Promise<string> {
	const { mkdirSync, writeFileSync } = await import('node:fs');
	const { join } = await import('node:path');
	const dir = join('test-results', 'files');
	mkdirSync(dir, { recursive: true });
	const path = join(dir, name);
	writeFileSync(path, body);
	return path;
}

/** The page's file input (import and restore). */
export const fileInput = (page: Page) => page.locator('input[type=file]');

/** Text as rendered, whatever line breaks the template put between its words. */
export const words = (text: string) =>
	new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));

/** Chooses files once the page is ready for them (the input is enabled when the page has hydrated). */
export async function choose(page: Page, files: Parameters<Page['setInputFiles']>[1]) {
	await expect(fileInput(page)).toBeEnabled();
	await fileInput(page).setInputFiles(files);
}

/**
 * Chooses a file the test made (an Anki package, a downloaded deck) on the import page and waits for
 * its preview; returns the preview's button that imports `cards` cards.
 */
export async function previewImport(
	page: Page,
	file: { name: string; bytes: Uint8Array; mimeType?: string },
	cards: number
): Promise<Locator> {
	const { name, bytes, mimeType = 'application/octet-stream' } = file;
	await choose(page, { name, mimeType, buffer: Buffer.from(bytes) });
	const button = page.getByRole('button', {
		name: `Import ${cards} card${cards === 1 ? '' : 's'}`
	});
	// A package is read in a worker that loads SQLite's wasm first: seconds on a busy machine.
	await expect(button).toBeVisible({ timeout: 20_000 });
	return button;
}

/**
 * Another device: a new browser context as a phone, like the config's `page` (a context made by
 * hand gets the config's base address but not its device or viewport).
 */
export const phoneContext = (browser: Browser, options: BrowserContextOptions = {}) =>
	browser.newContext({
		...devices['Pixel 7'],
		viewport: { width: 390, height: 844 },
		...options
	});
