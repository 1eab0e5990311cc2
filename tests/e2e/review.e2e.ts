import { expect, test } from '@playwright/test';
import { answer, countRows, openReview } from './helpers';

test('home shows what is due and starts a review', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
	await expect(page.getByText(/\d+ cards? to study/)).toBeVisible();
	await expect(page.getByRole('heading', { name: /two-plus-two in Tokyo/ })).toBeVisible();
	await page.getByRole('link', { name: 'Start review' }).click();
	await expect(page).toHaveURL(/\/review\/$/);
	await expect(page.locator('.prompt')).toBeVisible();
	await expect(page.getByText(/0 \/ \d+ · \d+ left/)).toBeVisible();
});

test('a flashcard: reveal and rate with the keyboard, each rating with its interval', async ({
	page
}) => {
	// The hand-written deck starts with a plain question-and-answer card.
	await openReview(page, 'two-plus-two-basics');
	const prompt = await page.locator('.prompt').textContent();
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeFocused();
	await page.keyboard.press('Space');
	await expect(page.getByRole('heading', { name: 'Answer' })).toBeVisible();
	const ratings = page
		.getByRole('group', { name: 'How well did you know it?' })
		.getByRole('button');
	await expect(ratings).toHaveText([/Again\s*1m/, /Hard\s*6m/, /Good\s*10m/, /Easy\s*\d+d/]);
	await page.keyboard.press('3');
	await expect(page.locator('.prompt')).not.toHaveText(prompt ?? '');
	await expect(page.getByText(/^1 \//)).toBeVisible();
	expect(await countRows(page, 'reviewLogs')).toBe(1);
});

test('answers survive a reload and a closed browser context', async ({ page, context }) => {
	await openReview(page);
	for (let i = 0; i < 3; i++) {
		await answer(page, 'Easy');
		await expect(page.getByText(new RegExp(`^${i + 1} /`))).toBeVisible();
	}
	await page.reload();
	await expect(page.locator('.prompt')).toBeVisible();
	expect(await countRows(page, 'reviewLogs')).toBe(3);
	// A new page in the same profile (the browser reopened) sees the same history.
	const again = await context.newPage();
	await again.goto('/');
	expect(await countRows(again, 'reviewLogs')).toBe(3);
});

test('undo takes back the last answer', async ({ page }) => {
	await openReview(page);
	const first = await page.locator('.prompt').textContent();
	await answer(page, 'Easy');
	await expect(page.getByText(/^1 \//)).toBeVisible();
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.locator('.prompt')).toHaveText(first ?? '');
	await expect(page.getByText('Answer undone.')).toBeVisible();
	expect(await countRows(page, 'reviewLogs')).toBe(0);
});

test('after the last due card, a summary says how it went and when the next is due', async ({
	page
}) => {
	await openReview(page, 'two-plus-two-basics');
	const done = page.getByRole('heading', { name: 'Done for today' });
	for (let i = 0; i < 40 && !(await done.isVisible()); i++) await answer(page, 'Easy');
	await expect(done).toBeVisible();
	await expect(page.getByText('Cards answered')).toBeVisible();
	await expect(page.getByText('Accuracy')).toBeVisible();
	await expect(page.getByText(/Next card due/)).toBeVisible();
	await page.getByRole('link', { name: 'Home' }).click();
	await expect(page.getByRole('heading', { name: /Two-plus-two basics/i })).toBeVisible();
});

for (const width of [320, 390]) {
	test(`review fits a ${width} px phone with thumb-sized targets`, async ({ page }) => {
		await page.setViewportSize({ width, height: 720 });
		await openReview(page, 'two-plus-two-basics');
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
