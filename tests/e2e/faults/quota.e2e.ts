import { expect, test } from '@playwright/test';
import { answer, countRows, openReview } from '../helpers';
import { reveal, ratingButton, runCheckDatabase } from './support';

// Issue "Reliability": a full disk refuses the answer, says so, keeps everything saved and the card
// on screen, and the same rating goes through once there is space again.
test('with the storage quota used up, an answer is refused and nothing saved is lost', async ({
	page,
	context,
	baseURL
}) => {
	// Measured 37 s (31 s of it the browser's own wait) on the 2-core machine under other load.
	test.setTimeout(120_000);
	const origin = baseURL as string;
	await openReview(page);
	await answer(page, 'Good');
	await answer(page, 'Again');
	await expect(page.getByText(/^2 answered today/)).toBeVisible();
	const saved = await countRows(page, 'reviewLogs');
	expect(saved).toBe(2);

	// A real quota, enforced by Chromium's IndexedDB: the origin may use 1 byte from now on.
	const cdp = await context.newCDPSession(page);
	await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
	// IndexedDB lets writes through on the space it last learned was free for up to 30 s
	// (BucketContext::kBucketSpaceCacheTimeLimit in Chromium), so the full disk shows after that.
	await page.waitForTimeout(31_000);

	const prompt = await page.locator('.prompt').textContent();
	const ratings = await reveal(page);
	await ratingButton(ratings, 'Good').click();
	await expect(page.getByRole('alert').filter({ hasText: 'Storage is full.' })).toBeVisible();
	await expect(
		page.getByText(/this answer was not saved\. Your earlier answers are safe/)
	).toBeVisible();
	// The card stays on screen with its ratings, and the counter did not move.
	await expect(page.locator('.prompt')).toHaveText(prompt ?? '');
	await expect(ratings).toBeVisible();
	await expect(page.getByText(/^2 answered today/)).toBeVisible();
	// A second try while still full: Chromium refuses it too, or (its space estimate being
	// refreshed meanwhile: seen once in a CI run) lets it through. Either way the answer is saved
	// whole once or not at all, and the screen says which.
	await ratingButton(ratings, 'Good').click();
	// Its write settles (refused or committed) well within this.
	await page.waitForTimeout(3_000);
	const through = await page.getByText(/^3 answered today/).isVisible();
	expect(await countRows(page, 'reviewLogs')).toBe(through ? saved + 1 : saved);
	if (!through) await expect(page.getByText(/this answer was not saved/)).toBeVisible();

	// Space comes back (the override is lifted): the same rating now goes through.
	await cdp.send('Storage.overrideQuotaForOrigin', { origin });
	if (!through) await ratingButton(ratings, 'Good').click();
	await expect(page.getByText(/^3 answered today/)).toBeVisible();
	await expect(page.getByText('Storage is full.')).toBeHidden();
	await expect(page.locator('.prompt')).not.toHaveText(prompt ?? '');
	expect(await countRows(page, 'reviewLogs')).toBe(saved + 1);
	expect(await runCheckDatabase(page, origin)).toContain(
		'against 3 answers. Every card matches its history.'
	);
});
