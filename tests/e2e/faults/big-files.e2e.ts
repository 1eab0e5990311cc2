import { expect, test } from '@playwright/test';
import { bigBackup, bigDeck } from '../../fixtures/imports/generate';
import { choose, countRows, readRows, tempFile, words } from '../helpers';

// The big files: a learner's whole history and a deck of thousands of cards, which keep the two
// cores busy for a minute or more, so they run with the fault tests, one at a time.

test('a 10,000-card deck imports with a progress bar, and the page keeps painting', async ({
	page
}, info) => {
	// Measured 11 s alone on the 2-core machine under other load; its own waits allow 180 s.
	test.setTimeout(180_000);
	const path = await tempFile('big-deck.json', JSON.stringify(bigDeck(10_000)));
	await page.goto('/import/');
	// Long tasks (over 50 ms on the main thread) are what a learner feels as a frozen screen.
	await page.evaluate(() => {
		const w = window as unknown as { longTasks: number[] };
		w.longTasks = [];
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) w.longTasks.push(e.duration);
		}).observe({ type: 'longtask', buffered: false });
	});
	const start = Date.now();
	await choose(page, path);
	await expect(page.getByRole('heading', { name: '“Big deck of 10000 cards”' })).toBeVisible({
		timeout: 60_000
	});
	const checked = Date.now();
	await page.getByRole('button', { name: 'Import 10,000 cards' }).click();
	await expect(page.getByRole('progressbar', { name: 'Saving the deck' })).toBeVisible();
	await expect(page.getByRole('heading', { name: /is ready/ })).toBeVisible({ timeout: 120_000 });
	const saved = Date.now();
	const longTasks = await page.evaluate(
		() => (window as unknown as { longTasks: number[] }).longTasks
	);
	expect(await countRows(page, 'cards')).toBeGreaterThanOrEqual(10_000);
	const figures = {
		checkMs: checked - start,
		saveMs: saved - checked,
		longestTaskMs: Math.round(Math.max(0, ...longTasks)),
		longTasks: longTasks.length
	};
	info.annotations.push({ type: 'import-10000', description: JSON.stringify(figures) });
	console.log('10,000-card import', figures);
	// Parsing and checking run in a worker and the cards are written in slices: no long freeze.
	expect(figures.longestTaskMs).toBeLessThan(1000);
});

test('a backup of 100,000 answers imports', async ({ page }, info) => {
	// Measured 72 s (check 10 s, merge 55 s) alone on the 2-core machine under other load.
	test.setTimeout(300_000);
	const backup = bigBackup(1000, 100, Date.UTC(2025, 0, 1));
	const path = await tempFile('big-backup.json', JSON.stringify(backup));
	await page.goto('/data/');
	const start = Date.now();
	await choose(page, path);
	await expect(page.getByText(words('1 deck, 1,000 cards, 100,000 answers.'))).toBeVisible({
		timeout: 120_000
	});
	const checked = Date.now();
	await page.getByRole('button', { name: 'Merge into this device' }).click();
	await expect(page.getByText(words('100,000 new answers'))).toBeVisible({
		timeout: 240_000
	});
	const merged = Date.now();
	expect(await countRows(page, 'reviewLogs')).toBe(100_000);
	const cards = await readRows<{ reps: number; lastLogAt: number }>(page, 'cards');
	expect(cards.filter((c) => c.reps === 100)).toHaveLength(1000);
	const figures = { checkMs: checked - start, mergeMs: merged - checked };
	info.annotations.push({ type: 'backup-100000', description: JSON.stringify(figures) });
	console.log('100,000-answer backup', figures);
});
