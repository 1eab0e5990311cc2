import { expect, test, type Page } from '@playwright/test';
import { countRows } from './helpers';

// Offline and install behaviour: the service worker is what these tests are about.
test.use({ serviceWorkers: 'allow' });

const DECK = 'Russia–Japan two-plus-two in Tokyo';

/**
 * Opens home on a first visit, recording what the screen said each time it changed (set up before
 * any of the app's code runs), and waits until the decks are in. `workers: false` is a browser
 * without workers. Returns the screen texts seen so far; call `seen` again for later ones.
 */
async function firstVisit(page: Page, { workers = true } = {}) {
	await page.addInitScript((withWorkers) => {
		if (!withWorkers) Object.defineProperty(window, 'Worker', { value: undefined });
		const seen: string[] = [];
		(window as unknown as { seen: string[] }).seen = seen;
		new MutationObserver(() => {
			const text = document.querySelector('main')?.textContent ?? '';
			if (text !== seen.at(-1)) seen.push(text);
		}).observe(document, { subtree: true, childList: true, characterData: true });
	}, workers);
	await page.goto('/');
	await expect(page.getByRole('link', { name: 'Start review' })).toBeVisible({ timeout: 30_000 });
	expect(await countRows(page, 'cards')).toBe(325);
	return seen(page);
}

/** What the screen said since the page was (re)loaded, in order. */
const seen = (page: Page) => page.evaluate(() => (window as unknown as { seen: string[] }).seen);

test('a first visit shows the decks at once and sets them up in a worker, with no snapshot worker', async ({
	page
}) => {
	test.setTimeout(60_000);
	const workers: string[] = [];
	page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
	const screens = await firstVisit(page);
	await expect(page.getByRole('heading', { name: DECK })).toBeVisible();
	// Before the cards were in, the screen said so and listed the decks from the deck list.
	const settingUp = screens.filter((t) => t.includes('Setting up your first decks'));
	expect(settingUp.length).toBeGreaterThan(0);
	expect(settingUp.some((t) => t.includes(DECK) && t.includes('315 cards'))).toBe(true);
	// It never claimed there was nothing to study while the decks were still coming.
	const beforeReady = screens.slice(
		0,
		screens.findIndex((t) => t.includes('cards to study'))
	);
	expect(beforeReady.some((t) => t.includes('All done for today'))).toBe(false);

	// The cards were written off the page's thread, and no snapshot worker started: nothing to keep.
	expect(workers.some((path) => /install-worker/.test(path))).toBe(true);
	await page.waitForTimeout(6000); // past the snapshot's wait after load
	expect(workers.filter((path) => /snapshot-worker/.test(path))).toEqual([]);

	// The next visit finds everything installed: no worker at all, the counts straight away.
	workers.length = 0;
	await page.reload();
	await expect(page.getByRole('link', { name: 'Start review' })).toBeVisible();
	const again = await seen(page);
	expect(again.some((t) => t.includes('Setting up'))).toBe(false);
	expect(workers.filter((path) => /install-worker/.test(path))).toEqual([]);
});

test('without workers, the first decks go in on the page in short slices, its progress shown', async ({
	page
}) => {
	test.setTimeout(60_000);
	// A browser without workers: the install falls back to the page's own thread.
	const screens = await firstVisit(page, { workers: false });
	const counts = new Set(
		screens.flatMap((t) => [...t.matchAll(/(\d+) of 325 cards ready/g)].map((m) => Number(m[1])))
	);
	// Each slice is its own task, and the screen is updated between them: several steps, not one
	// long task from nothing to everything. (Slices at most double from 16 cards: at least four
	// steps below 325 on any machine.)
	expect([...counts].filter((n) => n > 0 && n < 325).length).toBeGreaterThanOrEqual(3);
});

/** Holds the requests for these deck files, from the page or its workers, until `release()`. */
async function holdDecks(page: Page, ids: string[]): Promise<() => void> {
	let release = () => {};
	const released = new Promise<void>((r) => (release = r));
	for (const id of ids)
		await page.context().route(`**/decks/${id}.json`, async (route) => {
			await released;
			await route.continue();
		});
	return release;
}

test.describe('with the deck files slow to arrive', () => {
	// Not the service worker's precache: the page's own requests are the ones held.
	test.use({ serviceWorkers: 'block' });

	test('home lists the decks it is setting up, before any card is written', async ({ page }) => {
		const release = await holdDecks(page, ['russia-japan-2plus2', 'two-plus-two-basics']);
		await page.goto('/');
		await expect(page.getByText('Setting up your first decks…')).toBeVisible();
		await expect(page.getByRole('heading', { name: DECK })).toBeVisible();
		await expect(page.getByText(/315 cards/)).toBeVisible();
		expect(await countRows(page, 'cards')).toBe(0);
		release();
		await expect(page.getByRole('link', { name: 'Start review' })).toBeVisible({
			timeout: 30_000
		});
	});

	test('review shows its first card without waiting for the install worker to download', async ({
		page
	}) => {
		// The worker's script (and the database code it brings) held back: the small deck the screen
		// shows first is written by the page itself, so its card comes anyway.
		let release = () => {};
		const released = new Promise<void>((r) => (release = r));
		await page.context().route('**/install-worker-*.js', async (route) => {
			await released;
			await route.continue();
		});
		await page.goto('/review/');
		await expect(page.locator('.prompt')).toBeVisible({ timeout: 30_000 });
		const count = page.getByText(/^0 answered today · \d+ left$/);
		await expect(count).toHaveText('0 answered today · 10 left');
		expect(await countRows(page, 'cards')).toBe(10);
		// The worker then writes the larger deck, and its cards join the session.
		release();
		await expect(count).not.toHaveText('0 answered today · 10 left', { timeout: 30_000 });
		expect(await countRows(page, 'cards')).toBe(325);
	});

	test('review asks for the other decks and the install worker only after its first card is painted', async ({
		page
	}) => {
		// On a slow network those downloads would share the line with what the first card waits for.
		await page.addInitScript(() => {
			new MutationObserver((_, observer) => {
				if (!document.querySelector('.prompt')) return;
				observer.disconnect();
				(window as unknown as { cardAt: number }).cardAt = performance.now();
			}).observe(document, { subtree: true, childList: true });
		});
		await page.goto('/review/');
		await expect(page.locator('.prompt')).toBeVisible({ timeout: 30_000 });
		await expect(page.getByText('0 answered today · 10 left')).not.toBeVisible({ timeout: 30_000 });
		const { cardAt, asked } = await page.evaluate(() => ({
			cardAt: (window as unknown as { cardAt: number }).cardAt,
			asked: performance
				.getEntriesByType('resource')
				.filter((e) => /russia-japan-2plus2\.json|install-worker-/.test(e.name))
				.map((e) => ({ name: new URL(e.name).pathname, at: e.startTime }))
		}));
		expect(asked.map((a) => a.name).sort()).toEqual([
			expect.stringMatching(/^\/_app\/immutable\/workers\/install-worker-/),
			'/decks/russia-japan-2plus2.json'
		]);
		for (const a of asked) expect(a.at, a.name).toBeGreaterThan(cardAt);
	});

	test('a deck already in is studied at once while another deck is still on its way', async ({
		page
	}) => {
		const release = await holdDecks(page, ['russia-japan-2plus2']);
		await page.goto('/review/?deck=two-plus-two-basics');
		await expect(page.locator('.prompt')).toBeVisible({ timeout: 30_000 });
		// The other deck is still to come on the next visit; this deck's cards do not wait for it.
		await page.reload();
		await expect(page.locator('.prompt')).toBeVisible({ timeout: 30_000 });
		await expect(page.getByText('0 answered today · 10 left')).toBeVisible();
		expect(await countRows(page, 'cards')).toBe(10);
		release();
	});

	test('review shows a card from the first deck in while the larger one is on its way', async ({
		page
	}) => {
		const release = await holdDecks(page, ['russia-japan-2plus2']);
		await page.goto('/review/');
		await expect(page.locator('.prompt')).toBeVisible({ timeout: 30_000 });
		// The small deck's ten cards, all of them left: the big deck is not written yet.
		const count = page.getByText(/^0 answered today · \d+ left$/);
		await expect(count).toHaveText('0 answered today · 10 left');
		const prompt = await page.locator('.prompt').textContent();
		expect(await countRows(page, 'cards')).toBe(10);
		release();
		// Its cards join the session as they are written; the card on screen stays.
		await expect(count).not.toHaveText('0 answered today · 10 left', { timeout: 30_000 });
		expect(await countRows(page, 'cards')).toBe(325);
		await expect(page.locator('.prompt')).toHaveText(prompt ?? '');
	});
});
