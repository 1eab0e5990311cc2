import { expect, test, type Page } from '@playwright/test';
import { answer, axe, openReview, readRows, shot } from './helpers';

interface Card {
	state: number;
	suspended: number;
	retired: number;
}

/** Studies three cards of the hand-written deck, then opens Statistics from the header. */
async function studyThenOpenStats(page: Page) {
	await openReview(page, 'two-plus-two-basics');
	for (let i = 0; i < 3; i++) await answer(page, 'Good');
	await expect
		.poll(async () => (await readRows(page, 'reviewLogs')).filter((l) => l.kind === 'review'))
		.toHaveLength(3);
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Statistics' })
		.click();
	await expect(page).toHaveURL(/\/stats\/$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Statistics' })).toBeVisible();
	await expect(page.getByText('3 reviews today.')).toBeVisible();
}

test('statistics show today’s reviews, the forecast and the card counts', async ({ page }) => {
	await studyThenOpenStats(page);
	await expect(page).toHaveTitle('Statistics · Recall');

	// The heatmap's text alternative: its caption and a table of reviews per month.
	const months = page.getByRole('table', { name: 'Reviews per month' });
	// The month of today's study day: until the 4 a.m. rollover, answers count for the day before
	// (at 00:56 on the 1st they are last month's).
	const studyDay = new Date();
	if (studyDay.getHours() < 4) studyDay.setDate(studyDay.getDate() - 1);
	const month = studyDay.toLocaleDateString(undefined, { month: 'long', year: 'numeric' });
	await expect(months.getByRole('row').last()).toHaveText(new RegExp(`^${month}\\s*3\\s*1$`));
	const scroller = page.getByRole('region', { name: /Reviews per day/ });
	await expect(scroller).toBeVisible();

	// Three new cards answered Good wait for their next learning step, later today.
	await expect(page.getByText('3 cards due today')).toBeVisible();
	const due = page.getByRole('table', { name: 'Cards due per day' });
	await expect(due.getByRole('row')).toHaveCount(31);
	await expect(due.getByRole('row').nth(1)).toHaveText(/Today \(with overdue cards\)\s*3/);

	await expect(page.getByText('Not enough reviews yet')).toBeVisible();

	const cards = (await readRows<Card>(page, 'cards')).filter((c) => !c.retired);
	const fresh = cards.filter((c) => c.state === 0 && !c.suspended).length;
	const counts = page.getByRole('region', { name: 'Cards', exact: true });
	await expect(counts.getByRole('definition')).toHaveText([String(fresh), '3', '0', '0']);
	await expect(counts.getByText('No leeches')).toBeVisible();

	const mastery = page.getByRole('region', { name: 'Mastery by deck' });
	await expect(mastery.getByRole('heading', { name: 'Two-plus-two basics' })).toBeVisible();
	await expect(mastery.getByText(/^0 of \d+ cards mastered · 0 in review$/).first()).toBeVisible();
});

test('statistics pass axe in light and dark mode', async ({ page }) => {
	// Two axe scans after a first visit and some answers: over 30 s at a load average of 30.
	test.setTimeout(90_000);
	await studyThenOpenStats(page);
	await axe(page, 'light');
	await shot(page, 'stats-390-light', { fullPage: true });
	await page.emulateMedia({ colorScheme: 'dark' });
	await axe(page, 'dark');
	await shot(page, 'stats-390-dark', { fullPage: true });
});

for (const width of [320, 390]) {
	test(`statistics fit a ${width} px phone, the heatmap scrolling inside it`, async ({ page }) => {
		await page.setViewportSize({ width, height: 844 });
		await studyThenOpenStats(page);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		// The heatmap scrolls within the page width and opens on the latest weeks.
		const scroller = page.getByRole('region', { name: /Reviews per day/ });
		const box = await scroller.boundingBox();
		expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(width);
		const atEnd = await scroller.evaluate((el) => el.scrollWidth - el.clientWidth - el.scrollLeft);
		expect(atEnd).toBeLessThanOrEqual(1);
		expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
		await shot(page, `stats-${width}`, { fullPage: true });
	});
}
