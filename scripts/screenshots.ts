/**
 * Screenshots of each screen at phone size, light and dark, from a running preview server:
 * `npm run build && npm run preview` in one shell, then `npx tsx scripts/screenshots.ts [outDir]`.
 * The review screenshot in light mode is also the manifest's and the README's (static/screenshots/).
 */
import { chromium, type Page } from '@playwright/test';
import { copyFileSync, mkdirSync } from 'node:fs';

const base = process.env.BASE_URL ?? 'http://localhost:4173';
const out = process.argv[2] ?? 'test-results/screens';
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
});

async function shoot(page: Page, name: string) {
	await page.screenshot({ path: `${out}/${name}.png` });
	console.log(`${out}/${name}.png`);
}

for (const scheme of ['light', 'dark'] as const) {
	for (const width of [390, 320]) {
		const context = await browser.newContext({
			viewport: { width, height: 844 },
			colorScheme: scheme,
			isMobile: true,
			hasTouch: true
		});
		const page = await context.newPage();
		const tag = `${scheme}-${width}`;
		await page.goto(`${base}/`);
		await page.getByRole('link', { name: 'Start review' }).waitFor();
		await shoot(page, `home-${tag}`);
		await page.getByRole('link', { name: 'Start review' }).click();
		await page.getByRole('button', { name: 'Show answer' }).waitFor();
		await shoot(page, `review-${tag}`);
		await page.getByRole('button', { name: 'Show answer' }).click();
		await shoot(page, `answer-${tag}`);
		for (let i = 0; i < 200; i++) {
			if (await page.getByRole('heading', { name: 'Done for today' }).isVisible()) break;
			const reveal = page.getByRole('button', { name: 'Show answer' });
			if (await reveal.isVisible()) await reveal.click();
			await page.getByRole('button', { name: /^Easy/ }).click();
			await page.waitForTimeout(30);
		}
		await shoot(page, `done-${tag}`);
		await context.close();
	}
}
await browser.close();
copyFileSync(`${out}/answer-light-390.png`, 'static/screenshots/review.png');
