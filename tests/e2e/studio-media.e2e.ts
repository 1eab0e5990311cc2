import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { axe, phoneContext, previewImport, shot } from './helpers';

const PICTURE = readFileSync('static/icon-512.png');

test('issue 15: an instructor gives a card a picture, sees it in the preview, and studies it; a learner imports the downloaded zip', async ({
	page,
	browser
}) => {
	// Measured about 10 s alone; a draft, two picks, an install and a review on a busy machine,
	// then an import of the zip on a second phone.
	test.setTimeout(60_000);
	await page.goto('/studio/');
	await page.getByRole('button', { name: 'New deck' }).click();
	await expect(page).toHaveURL(/\/studio\/edit\/\?draft=/);
	await page.getByLabel('Title', { exact: true }).fill('Icons with pictures');
	await page.getByRole('button', { name: 'Cards', exact: true }).click();
	await page.getByRole('button', { name: '+ Question' }).click();
	await page.locator('#field-prompt').fill('Which app has this icon?');
	await page.locator('#field-answer').fill('Recall');
	await page.locator('#field-quote').fill('Recall has a card for its icon.');

	// A file that is not a picture is refused with a reason, and nothing is attached.
	const pick = page.locator('input[type=file][accept="image/*"]');
	await pick.setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: PICTURE });
	await expect(page.getByRole('alert')).toHaveText(
		'“notes.pdf” is not a picture the app can show: choose a JPEG, PNG, GIF, WebP or AVIF file.'
	);

	// A photo from the phone: attached, named on the card, shown in the preview.
	await pick.setInputFiles({ name: 'image.png', mimeType: 'image/png', buffer: PICTURE });
	await expect(page.getByRole('button', { name: 'Remove picture image.png' })).toBeVisible();
	await expect(page.getByRole('alert')).toHaveCount(0);
	const preview = page.locator('.learner img.picture');
	await expect(preview).toBeVisible();
	expect(await preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(512);
	// The picture fits the phone's width.
	const box = await preview.boundingBox();
	expect(box!.width).toBeLessThanOrEqual(390);
	await axe(page, 'studio card with a picture');
	if (process.env.SHOTS_DIR) {
		await preview.scrollIntoViewIfNeeded();
		await page.screenshot({ path: `${process.env.SHOTS_DIR}/media15-studio-preview.png` });
	}

	// Removed, and back with an undo.
	await page.getByRole('button', { name: 'Remove picture image.png' }).click();
	await expect(preview).toHaveCount(0);
	await page.keyboard.press('Control+z');
	await expect(preview).toBeVisible();

	// Installed and studied: the review shows the picture from the installed deck's media.
	await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
	await page.getByRole('button', { name: 'Share', exact: true }).click();
	// The download of a deck with a picture is a .zip: the deck file, its source and the picture.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download YAML' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/\.zip$/);
	const zip = readFileSync((await download.path())!);
	await page.getByRole('button', { name: 'Install and study' }).click();
	await page.getByRole('link', { name: 'Study it now' }).click();
	await expect(page.locator('.prompt')).toHaveText('Which app has this icon?');
	const studied = page.locator('img.picture');
	await expect(studied).toBeVisible();
	expect(await studied.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(512);
	await shot(page, 'media15-studio-review');

	// Another learner's phone opens the zip on the Import page: the deck and its picture.
	const learner = await phoneContext(browser);
	try {
		const other = await learner.newPage();
		await other.goto('/import/');
		const importIt = await previewImport(
			other,
			{ name: download.suggestedFilename(), bytes: zip, mimeType: 'application/zip' },
			1
		);
		await expect(other.getByText('Media', { exact: true })).toBeVisible();
		await importIt.click();
		await expect(other.getByText('1 media file stored.')).toBeVisible();
		await other.getByRole('link', { name: 'Study it now' }).click();
		await expect(other.locator('.prompt')).toHaveText('Which app has this icon?');
		const shown = other.locator('img.picture');
		await expect(shown).toBeVisible();
		expect(await shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(512);
		await shot(other, 'anki6-zip-imported');
	} finally {
		await learner.close();
	}
});
