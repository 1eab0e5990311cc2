import { expect, test } from '@playwright/test';
import { countRows, openReview } from './helpers';

test('home shows what is due and starts a review', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
	await expect(page.getByText(/\d+ cards? to study/)).toBeVisible();
	await expect(page.getByRole('heading', { name: /two-plus-two/ })).toBeVisible();
	await page.getByRole('link', { name: 'Start review' }).click();
	await expect(page).toHaveURL(/\/review$/);
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
});

test('reveal, rate with the keyboard, and each rating shows its interval', async ({ page }) => {
	await openReview(page);
	const prompt = await page.locator('.prompt').textContent();
	await page.keyboard.press('Space');
	await expect(page.getByText('Answer', { exact: true })).toBeVisible();
	const ratings = page
		.getByRole('group', { name: 'How well did you know it?' })
		.getByRole('button');
	await expect(ratings).toHaveText([/Again\s*1m/, /Hard\s*6m/, /Good\s*10m/, /Easy\s*\d+d/]);
	await page.keyboard.press('3');
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await expect(page.locator('.prompt')).not.toHaveText(prompt ?? '');
	await expect(page.getByText(/1 done/)).toBeVisible();
	expect(await countRows(page, 'reviewLogs')).toBe(1);
});

test('answers survive a reload and a closed browser context', async ({
	page,
	browser,
	context
}) => {
	await openReview(page);
	for (let i = 0; i < 3; i++) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: /^Easy/ }).click();
		await expect(page.getByText(`${i + 1} done`, { exact: false })).toBeVisible();
	}
	await page.reload();
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	expect(await countRows(page, 'reviewLogs')).toBe(3);
	// A new page in the same profile (the browser reopened) sees the same history.
	const again = await context.newPage();
	await again.goto('/');
	expect(await countRows(again, 'reviewLogs')).toBe(3);
	expect(browser.isConnected()).toBe(true);
});

test('undo takes back the last answer', async ({ page }) => {
	await openReview(page);
	const first = await page.locator('.prompt').textContent();
	await page.keyboard.press('Enter');
	await page.keyboard.press('4');
	await expect(page.getByText(/1 done/)).toBeVisible();
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.locator('.prompt')).toHaveText(first ?? '');
	await expect(page.getByText('Answer undone.')).toBeVisible();
	expect(await countRows(page, 'reviewLogs')).toBe(0);
});

test('after the last due card, the done screen says when the next is due', async ({ page }) => {
	await openReview(page);
	for (let i = 0; i < 100; i++) {
		const reveal = page.getByRole('button', { name: 'Show answer' });
		const done = page.getByRole('heading', { name: 'Done for today' });
		await expect(reveal.or(done)).toBeVisible();
		if (await done.isVisible()) break;
		await page.keyboard.press('Space');
		await page.keyboard.press('4');
	}
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
	await expect(page.getByText(/Next card due/)).toBeVisible();
	await page.getByRole('link', { name: 'Home' }).click();
	await expect(page.getByText('All done for today.')).toBeVisible();
});

for (const width of [320, 390]) {
	test(`review fits a ${width} px phone with thumb-sized targets`, async ({ page }) => {
		await page.setViewportSize({ width, height: 720 });
		await openReview(page);
		await page.getByRole('button', { name: 'Show answer' }).click();
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBe(0);
		for (const button of await page.getByRole('button').all()) {
			const box = await button.boundingBox();
			expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
			expect(box?.width ?? 0).toBeGreaterThanOrEqual(44);
			expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
		}
	});
}
