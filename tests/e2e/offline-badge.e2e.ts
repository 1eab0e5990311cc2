import { expect, test, type Page } from '@playwright/test';
import { axe, openHome } from './helpers';

// Offline and install behaviour: the service worker is what these tests are about.
test.use({ serviceWorkers: 'allow' });

/** The boxes of the main navigation's links, and of the brand beside them. */
async function headerBoxes(page: Page) {
	const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
	await expect(links).toHaveCount(3);
	const boxes = [];
	for (const link of await links.all()) boxes.push((await link.boundingBox())!);
	const brand = (await page.getByRole('link', { name: 'Recall', exact: true }).boundingBox())!;
	return { links: boxes, brand };
}

for (const [width, height] of [
	[390, 844],
	[320, 700]
] as const) {
	test(`issue 13: going offline at ${width} px leaves the navigation on its one line, and the badge is seen and announced`, async ({
		page,
		context
	}) => {
		await page.setViewportSize({ width, height });
		await openHome(page);
		const online = await headerBoxes(page);

		await context.setOffline(true);
		const badge = page.getByRole('status').filter({ hasText: 'Offline' });
		await expect(badge).toHaveText('Offline · your reviews are saved on this device');
		await expect(badge).toBeInViewport({ ratio: 1 });
		const offline = await headerBoxes(page);

		// The links share one line, exactly where they were while online.
		const tops = offline.links.map((b) => Math.round(b.y));
		expect(new Set(tops).size, `link tops ${tops.join(', ')}`).toBe(1);
		expect(offline).toEqual(online);
		if (width >= 390) {
			// A phone's usual width has room for the brand and the links on one line.
			const middle = (b: { y: number; height: number }) => Math.round(b.y + b.height / 2);
			expect(middle(offline.links[0]!)).toBe(middle(offline.brand));
		}
		// The badge sits below the navigation, not over it.
		const badgeBox = (await badge.locator('p').boundingBox())!;
		expect(badgeBox.y).toBeGreaterThanOrEqual(
			Math.max(...offline.links.map((b) => b.y + b.height))
		);
		await axe(page, `offline at ${width} px`);

		await context.setOffline(false);
		await expect(page.getByText(/Offline/)).toHaveCount(0);
	});
}
