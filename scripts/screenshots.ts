/**
 * Screenshots of the main screens at phone size, light and dark, from a running preview server:
 * `npm run build && npm run preview` in one shell, then `npx tsx scripts/screenshots.ts [outDir]`.
 * The light review screenshot at 390 px is also the manifest's and the README's (static/screenshots/).
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
		// The article deck's first card is asked as multiple choice while it is new.
		await page.goto(`${base}/review/?deck=russia-japan-2plus2`);
		await page.locator('.option').first().waitFor();
		await shoot(page, `mcq-${tag}`);
		await page.getByRole('button', { name: 'Russia', exact: false }).first().click();
		await page.getByRole('button', { name: /^Continue/ }).waitFor();
		await shoot(page, `mcq-feedback-${tag}`);
		// The hand-written deck starts with a flashcard.
		await page.goto(`${base}/review/?deck=two-plus-two-basics`);
		await page.getByRole('button', { name: 'Show answer' }).click();
		await shoot(page, `flashcard-answer-${tag}`);
		await page.goto(`${base}/library/`);
		await page.getByRole('heading', { name: 'Library' }).waitFor();
		await shoot(page, `library-${tag}`);
		await context.close();
	}
}
await browser.close();
copyFileSync(`${out}/mcq-feedback-light-390.png`, 'static/screenshots/review.png');
