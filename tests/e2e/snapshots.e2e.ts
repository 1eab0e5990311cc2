import { expect, test } from '@playwright/test';
import { answer, axe, countRows, openReview, shot } from './helpers';

const CHECKED = /^Checked \d+ cards against (\d+) answers\. Every card matches its history\./;

test('the first open of a study day keeps a snapshot, which settings can restore and undo', async ({
	page
}) => {
	// Measured 31 and 35 s in full runs on a 2-core machine under load.
	test.setTimeout(120_000);
	const errors: string[] = [];
	const workers: string[] = [];
	page.on('worker', (w) => workers.push(w.url()));
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});

	// Before any answer there is nothing to keep.
	await page.goto('/settings/');
	await expect(page.getByTestId('no-snapshots')).toBeVisible();

	// Straight from home into a review: the snapshot waits for the next visit, never runs under it.
	await page.goto('/');
	await page.getByRole('link', { name: 'Start review' }).click();
	for (let i = 0; i < 3; i++) await answer(page, 'Good');
	await page.waitForTimeout(2500);
	expect(await countRows(page, 'snapshots')).toBe(0);
	// Opening the app (the home screen) takes the day's snapshot in the background.
	await page.goto('/');
	await expect.poll(() => countRows(page, 'snapshots'), { timeout: 15_000 }).toBe(1);
	// Off the main thread: the page stays responsive while years of answers are compressed.
	expect(workers.some((url) => /snapshot-worker/.test(url))).toBe(true);

	await openReview(page);
	for (let i = 0; i < 2; i++) await answer(page, 'Again');
	expect(await countRows(page, 'reviewLogs')).toBe(5);
	// Home again, same study day: no second daily snapshot.
	await page.goto('/');
	await expect(page.getByText(/cards? to study/)).toBeVisible();
	await page.waitForTimeout(2500);
	expect(await countRows(page, 'snapshots')).toBe(1);

	await page.goto('/settings/');
	const list = page.getByRole('list', { name: 'Snapshots' });
	await expect(list.getByRole('listitem')).toHaveCount(1);
	await expect(list.getByRole('listitem')).toContainText('3 answers');
	await list.getByRole('button', { name: /^Restore the snapshot of/ }).click();
	const dialog = page.getByRole('alertdialog');
	await expect(dialog).toContainText('go back to how they were then (3 answers)');
	await expect(dialog).toBeFocused();
	await shot(page, 'snapshot-restore');
	await axe(page, 'snapshot list and restore dialog, light');
	await page.emulateMedia({ colorScheme: 'dark' });
	await axe(page, 'snapshot list and restore dialog, dark');
	await page.emulateMedia({ colorScheme: 'light' });
	await dialog.getByRole('button', { name: 'Restore this snapshot' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Restored the snapshot' })).toContainText(
		'3 answers'
	);
	expect(await countRows(page, 'reviewLogs')).toBe(3);
	// The restored cards match their restored history.
	await page.getByRole('button', { name: 'Check database' }).click();
	await expect(page.getByText(CHECKED)).toContainText('against 3 answers');

	// The data from just before the restore was kept: restoring it undoes the restore.
	await expect(list.getByRole('listitem')).toHaveCount(2);
	const before = list.getByRole('listitem').filter({ hasText: 'Just before a restore' });
	await expect(before).toContainText('5 answers');
	await before.getByRole('button', { name: /^Restore/ }).click();
	await page
		.getByRole('alertdialog')
		.getByRole('button', { name: 'Restore this snapshot' })
		.click();
	await expect(page.getByRole('status').filter({ hasText: 'Restored the snapshot' })).toContainText(
		'5 answers'
	);
	expect(await countRows(page, 'reviewLogs')).toBe(5);

	// The review screen goes on from the restored data.
	await openReview(page);
	await answer(page, 'Good');
	expect(await countRows(page, 'reviewLogs')).toBe(6);
	expect(errors).toEqual([]);
});

test('a snapshot can be taken by hand, and cancelling a restore changes nothing', async ({
	page
}) => {
	await openReview(page);
	await answer(page, 'Good');
	await page.goto('/settings/');
	await page.getByRole('button', { name: 'Take a snapshot now' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Snapshot taken' })).toContainText(
		/1 answer \(/
	);
	const item = page.getByRole('list', { name: 'Snapshots' }).getByRole('listitem');
	await expect(item).toHaveCount(1);
	await expect(item).toContainText('Taken by you');
	await item.getByRole('button', { name: /^Restore/ }).click();
	await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('alertdialog')).toHaveCount(0);
	expect(await countRows(page, 'snapshots')).toBe(1);
	expect(await countRows(page, 'reviewLogs')).toBe(1);
});
