import { expect, test } from '@playwright/test';
import { answer, countRows, openFullReview, openReview, readRows, settled } from './helpers';

test('an answer in one tab updates the other tab within a second, and is never counted twice', async ({
	context
}) => {
	const one = await context.newPage();
	await openFullReview(one);
	const two = await context.newPage();
	await openReview(two);
	const count = two.locator('.count');
	const before = await count.textContent();
	const prompt = await two.locator('.prompt').textContent();

	// Both tabs show the same card; tab one answers it.
	await expect(one.locator('.prompt')).toHaveText(prompt ?? '');
	await answer(one, 'Easy');
	await expect(count).not.toHaveText(before ?? '', { timeout: 1000 });

	// Tab two moves on from the card and says why; it cannot be answered there a second time.
	await expect(two.getByText(/just answered in another tab/)).toBeVisible();
	await expect(two.locator('.prompt')).not.toHaveText(prompt ?? '');
	expect(await countRows(two, 'reviewLogs')).toBe(1);
});

test('home in one tab follows the answers given in another, without a reload', async ({
	context
}) => {
	const review = await context.newPage();
	await openFullReview(review);
	const home = await context.newPage();
	await home.goto('/');
	const summary = home.locator('.summary');
	await expect(summary).toHaveText(/^\d+ cards? to study$/);
	const before = Number(/(\d+)/.exec((await summary.textContent()) ?? '')?.[1]);
	const split = await home.locator('.split').textContent();
	const newBefore = Number(/(\d+) new/.exec(split ?? '')?.[1]);

	// A new card answered Easy in the review tab leaves today's queue: home says so by itself.
	await answer(review, 'Easy');
	await settled(review);
	await expect(summary).toHaveText(`${before - 1} card${before - 1 === 1 ? '' : 's'} to study`);
	await expect(home.locator('.split')).toContainText(`${newBefore - 1} new`);
});

test('card options bury, suspend and reset the card on screen', async ({ page }) => {
	// While only the first deck is in, the next card after a bury can be its sibling, asking the
	// same question.
	await openFullReview(page);
	for (const [option, notice] of [
		['Bury until tomorrow', 'Card buried until tomorrow.'],
		['Suspend card', 'Card suspended.']
	] as const) {
		const prompt = await page.locator('.prompt').textContent();
		await page.getByText('Card options').click();
		await page.getByRole('button', { name: option }).click();
		await expect(page.getByText(notice)).toBeVisible();
		await expect(page.locator('.prompt')).not.toHaveText(prompt ?? '');
	}
	const cards = await readRows<{ buriedUntil: number; suspended: number; active: number }>(
		page,
		'cards'
	);
	expect(cards.filter((c) => c.buriedUntil > Date.now()).length).toBe(1);
	expect(cards.filter((c) => c.suspended === 1).length).toBe(1);
	expect(cards.filter((c) => c.active === 0).length).toBe(2);
	await page.getByText('Card options').click();
	await page.getByRole('button', { name: 'Reset to new' }).click();
	await expect(page.getByText('Card reset: it will be shown as a new card.')).toBeVisible();
	expect(await countRows(page, 'reviewLogs')).toBe(1);
});

test('a tab on an older database version asks to reload instead of hanging', async ({
	context
}) => {
	const app = await context.newPage();
	await openReview(app);
	const newer = await context.newPage();
	await newer.goto('/decks/index.json');
	// Another tab opens the database at a higher version, as a newer release of the app would.
	const upgraded = await newer.evaluate(
		() =>
			new Promise<boolean>((resolve) => {
				const req = indexedDB.open('recall', 1000);
				req.onsuccess = () => {
					req.result.close();
					resolve(true);
				};
				req.onerror = () => resolve(false);
			})
	);
	expect(upgraded).toBe(true);
	await expect(app.getByRole('alert')).toContainText('Recall was updated in another tab');
	await expect(app.getByRole('button', { name: 'Reload' })).toBeVisible();
});
