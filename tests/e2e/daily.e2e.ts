import { expect, test } from '@playwright/test';
import { answer } from './helpers';

test('the daily flow: open, review everything due, see the summary, come back tomorrow', async ({
	page
}) => {
	// Answers every due card: measured 26 and 27 s in full runs on a 2-core machine under load.
	test.setTimeout(90_000);
	// A fixed day at 09:00 local time; the next visit is the next day at 09:00.
	const day1 = new Date(2026, 10, 26, 9, 0, 0);
	await page.clock.install({ time: day1 });
	await page.goto('/');
	await expect(page.getByText(/\d+ cards? to study/)).toBeVisible();
	const due = Number(/(\d+)/.exec((await page.locator('.summary').textContent()) ?? '')?.[1]);
	expect(due).toBe(20); // the daily new-card limit, across both bundled decks

	await page.getByRole('link', { name: 'Start review' }).click();
	await expect(page.getByText(`0 answered today · ${due} left`)).toBeVisible();
	const done = page.getByRole('heading', { name: 'Done for today' });
	for (let i = 0; i < due; i++) await answer(page, 'Easy');
	await expect(done).toBeVisible();
	await expect(page.getByText('Cards answered').locator('..')).toContainText(String(due));
	await expect(page.getByText('Accuracy')).toBeVisible();
	await expect(page.getByText('Time', { exact: true })).toBeVisible();
	await expect(page.getByText(/Next card due tomorrow/)).toBeVisible();

	await page.getByRole('link', { name: 'Home' }).click();
	await expect(page.getByText('All done for today.')).toBeVisible();
	await expect(page.getByText('1 day in a row')).toBeVisible();

	await page.clock.setSystemTime(new Date(2026, 10, 27, 9, 0, 0));
	await page.reload();
	await expect(page.getByText(/\d+ cards? to study/)).toBeVisible();
	await expect(page.locator('.split')).toContainText('20 new');
	await page.getByRole('link', { name: 'Start review' }).click();
	await answer(page, 'Good');
	await page.getByRole('link', { name: 'Recall' }).click();
	await expect(page.getByText('2 days in a row')).toBeVisible();
});
