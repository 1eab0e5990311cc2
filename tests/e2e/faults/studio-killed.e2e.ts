import { expect } from '@playwright/test';
import { test, type OwnChromium } from './support';

// Issue "Never lose an instructor's work": every change is saved as it is made, so a browser killed
// mid-edit loses at most the last second of typing, and a kill during a save leaves a draft that
// opens (what it holds is what was typed, up to some point).
test('a browser killed a second after typing into a card keeps the text', async ({
	baseURL,
	profile,
	launch
}) => {
	const origin = baseURL as string;
	let chromium: OwnChromium = await launch(profile);
	let { page } = chromium;
	await page.goto(`${origin}/studio/`);
	await page.getByRole('button', { name: 'New deck' }).click();
	await expect(page).toHaveURL(/\/studio\/edit\/\?draft=/);
	const draftUrl = page.url();
	await page.getByRole('button', { name: 'Cards', exact: true }).click();
	await page.getByRole('button', { name: '+ Question' }).click();
	const prompt = page.locator('#field-prompt');
	await prompt.pressSequentially('Which river flows through Cairo?');
	const answer = page.locator('#field-answer');
	await answer.pressSequentially('The Nile');
	// The promise is "at most the last second": the kill comes one second after the last key.
	await new Promise((resolve) => setTimeout(resolve, 1000));
	await chromium.kill();

	chromium = await launch(profile);
	({ page } = chromium);
	await page.goto(draftUrl);
	await page.getByRole('button', { name: 'Cards', exact: true }).click();
	await page.getByRole('button', { name: /Which river flows through Cairo\?/ }).click();
	await expect(page.locator('#field-prompt')).toHaveValue('Which river flows through Cairo?');
	await expect(page.locator('#field-answer')).toHaveValue('The Nile');

	// Killed while typing, with saves under way: the draft still opens, with the text typed up to
	// some point and nothing else.
	const more = ' in Egypt';
	await page.locator('#field-answer').pressSequentially(more);
	await chromium.kill();
	chromium = await launch(profile);
	({ page } = chromium);
	await page.goto(draftUrl);
	await page.getByRole('button', { name: 'Cards', exact: true }).click();
	await page.getByRole('button', { name: /Which river flows through Cairo\?/ }).click();
	const kept = await page.locator('#field-answer').inputValue();
	expect(`The Nile${more}`.startsWith(kept) && kept.startsWith('The Nile'), kept).toBe(true);
	await chromium.kill();
});
