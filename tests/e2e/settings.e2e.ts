import { expect, test } from '@playwright/test';
import { answer, openReview } from './helpers';

test('theme and motion choices apply at once and before the first paint after a reload', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('/settings/');
	await page.getByLabel('Dark').check();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await page.getByLabel('Reduce motion (no animations)').check();
	await expect(page.locator('html')).toHaveAttribute('data-motion', 'reduce');
	await page.reload();
	// Set by the inline script in the head, allowed by its hash in the CSP, before the app starts.
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	expect(background).toBe('rgb(16, 22, 31)');
	expect(errors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
});

test('changing desired retention offers to reschedule existing cards from their history', async ({
	page
}) => {
	await openReview(page);
	for (let i = 0; i < 3; i++) await answer(page, 'Easy');
	await page.goto('/settings/');
	const slider = page.getByLabel(/Desired retention/);
	await slider.fill('0.95');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Settings saved.')).toBeVisible();
	await page.getByRole('button', { name: 'Reschedule cards' }).click();
	await expect(page.getByText(/Rescheduled 3 of \d+ cards from their 3 answers/)).toBeVisible();
	await page.reload();
	await expect(page.getByLabel(/Desired retention: 95%/)).toBeVisible();
});

test('check database reports that every card matches its history', async ({ page }) => {
	await openReview(page);
	await answer(page, 'Good');
	await page.goto('/settings/');
	await page.getByRole('button', { name: 'Check database' }).click();
	await expect(
		page.getByText(/Checked \d+ cards against 1 answers\. Every card matches/)
	).toBeVisible();
});

test('each quiz mode has its own slow-answer threshold, kept after a save and a reload', async ({
	page
}) => {
	await page.goto('/settings/');
	const slow = page.getByRole('group', { name: 'Slow answers' });
	const inputs = slow.getByRole('spinbutton');
	await expect(inputs).toHaveCount(4);
	await slow.getByLabel('Typed').fill('33');
	await slow.getByLabel('Cloze').fill('44');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Settings saved.')).toBeVisible();
	await page.reload();
	await expect(slow.getByLabel('Typed')).toHaveValue('33');
	await expect(slow.getByLabel('Cloze')).toHaveValue('44');
	// Each field is its own mode's: the others kept their defaults.
	const values = await inputs.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
	expect(values.slice(2)).toEqual(['33', '44']);
	expect(values.slice(0, 2).every((v) => Number(v) > 0 && v !== '33' && v !== '44')).toBe(true);
});
