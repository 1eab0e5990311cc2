import { expect, test } from '@playwright/test';
import { answer, axe, countRows, openHome, openReview } from './helpers';

// Chromium deletes an origin's whole IndexedDB when it finds it corrupt (README, "Reliability").
// The app cannot undo that, but it must not pass the empty collection off as a first visit.
test('a study database the browser deleted is said out loud, once, with the way back', async ({
	page
}) => {
	const banner = page.getByRole('alert').filter({ hasText: 'reset by the browser' });
	// A first visit is no loss.
	await openReview(page);
	await answer(page, 'Good');
	await openHome(page);
	await expect(banner).toBeHidden();

	// The browser drops the database while the app holds it open (the app lets go of it).
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const request = indexedDB.deleteDatabase('recall');
				request.onsuccess = () => resolve();
				request.onerror = () => reject(request.error);
			})
	);
	await page.reload();
	await expect(banner).toBeVisible({ timeout: 30_000 });
	await expect(banner).toContainText('the answers kept on this device are gone');
	await expect(banner.getByRole('link', { name: 'Your data' })).toHaveAttribute('href', '/data/');
	// The app goes on with a new collection: the bundled decks, no answers.
	await expect(page.getByRole('link', { name: 'Start review' })).toBeVisible({ timeout: 30_000 });
	expect(await countRows(page, 'reviewLogs')).toBe(0);
	await axe(page, 'home with the reset banner');

	await banner.getByRole('button', { name: 'Dismiss' }).click();
	await expect(banner).toBeHidden();
	// Said once: the next visit knows the new collection.
	await page.reload();
	await expect(page.getByRole('link', { name: 'Start review' })).toBeVisible();
	await expect(banner).toBeHidden();
});
