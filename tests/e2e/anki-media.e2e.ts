import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { answer, previewImport, reveal, shot } from './helpers';
import { BASIC, makePackage, wav } from '../fixtures/anki-packages';

const ICON = new Uint8Array(readFileSync('static/icon-192.png'));
const BIG_ICON = new Uint8Array(readFileSync('static/icon-512.png'));

test('issue 15: an imported card shows every picture in order, plays every sound, and keeps its formatting as text', async ({
	page
}) => {
	// Measured about 8 s alone: a package read in the worker, an import and three cards.
	test.setTimeout(60_000);
	const pkg = await makePackage({
		layout: 'anki21',
		notetypes: [BASIC],
		decks: [{ id: 2, name: 'Formats' }],
		notes: [
			{
				id: 1,
				guid: 'pair',
				mid: BASIC.id,
				fields: ['Which two icons? <img src="small.png"><img src="large.png">', 'The app icons'],
				did: 2,
				ords: [0]
			},
			{
				id: 2,
				guid: 'calls',
				mid: BASIC.id,
				fields: ['Which calls? [sound:one.wav][sound:two.wav]', 'Two calls'],
				did: 2,
				ords: [0]
			},
			{
				id: 3,
				guid: 'water',
				mid: BASIC.id,
				fields: [
					'What is <b>H<sub>2</sub>O</b> at <i>20 °C</i>?<img src=x onerror="document.title=\'hacked\'">',
					'<u>Water</u>:<ul><li>a liquid</li><li>x<sup>2</sup> <b onclick="document.title=\'hacked\'">safe</b></li></ul>'
				],
				did: 2,
				ords: [0]
			}
		],
		media: { 'small.png': ICON, 'large.png': BIG_ICON, 'one.wav': wav(400), 'two.wav': wav(600) }
	});
	await page.goto('/import/');
	await (await previewImport(page, { name: 'formats.apkg', bytes: pkg }, 3)).click();
	await page.getByRole('link', { name: 'Study it now' }).click();

	const seen: string[] = [];
	for (let i = 0; i < 3; i++) {
		const prompt = page.locator('.prompt');
		await expect(prompt).toHaveText(/Which two icons\?|Which calls\?|What is H2O at 20 °C\?/);
		const text = (await prompt.textContent())!.trim();
		expect(seen).not.toContain(text);
		seen.push(text);
		if (text === 'Which two icons?') {
			// Every picture of the field, in its order.
			const pictures = page.locator('img.picture');
			await expect(pictures).toHaveCount(2);
			expect(
				await pictures.evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth))
			).toEqual([192, 512]);
			// Both on the screen with the question, above the answer button (each took 40 % of
			// the screen's height, and the second ran under the button).
			const button = page.getByRole('button', { name: 'Show answer' });
			await expect
				.poll(async () => {
					const [b, last] = [await button.boundingBox(), await pictures.nth(1).boundingBox()];
					return !!b && !!last && last.y + last.height <= b.y + 1;
				})
				.toBe(true);
			await shot(page, 'media15-anki-pictures');
		} else if (text === 'Which calls?') {
			const sounds = page.locator('audio.sound');
			await expect(sounds).toHaveCount(2);
			await expect(page.getByLabel('Sound 2 of 2 of this card')).toBeVisible();
			// Both decoded from their stored Blobs, in order: 0.4 s, then 0.6 s.
			await expect
				.poll(() =>
					sounds.evaluateAll((a) => a.map((s) => Math.round((s as HTMLAudioElement).duration * 10)))
				)
				.toEqual([4, 6]);
			await shot(page, 'media15-anki-sounds');
		} else {
			// Formatting is built as elements; nothing of the hostile parts came along.
			await expect(prompt.locator('b sub')).toHaveText('2');
			await expect(prompt.locator('i')).toHaveText('20 °C');
			const ratings = await reveal(page);
			const answerText = page.locator('.answer-text');
			await expect(answerText.locator('u')).toHaveText('Water');
			await expect(answerText.locator('ul > li')).toHaveText(['a liquid', 'x2 safe']);
			await expect(answerText.locator('sup')).toHaveText('2');
			await answerText.locator('b').click();
			await shot(page, 'media15-anki-formatted');
			expect(await page.title()).not.toBe('hacked');
			expect(await page.locator('.card [onclick], .card [onerror], .card script').count()).toBe(0);
			await ratings.getByRole('button', { name: /^Good/ }).click();
			await expect(ratings).toBeHidden();
			continue;
		}
		await answer(page, 'Good');
	}
});
