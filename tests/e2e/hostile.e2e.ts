import { expect, test, type Page } from '@playwright/test';
import { countRows, openHome, readRows } from './helpers';
import { HOSTILE_CSV_PROMPTS } from '../fixtures/imports/hostile';

/**
 * Imported content can never run code. Every payload calls alert() or loads a foreign address, so
 * a payload that ran would show as a dialog, a console error (a CSP refusal is one) or a request to
 * somewhere other than this app.
 */
function watch(page: Page) {
	const harm = { dialogs: [] as string[], errors: [] as string[], requests: [] as string[] };
	page.on('dialog', (dialog) => {
		harm.dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	page.on('console', (message) => {
		if (message.type() === 'error') harm.errors.push(message.text());
	});
	page.on('pageerror', (error) => harm.errors.push(error.message));
	page.on('request', (request) => {
		const url = new URL(request.url());
		// Only the app itself; and not the `src=x` an <img> payload would ask for (beside the page:
		// /import/x).
		if (url.hostname !== 'localhost' || /\/x$|evil/.test(url.pathname))
			harm.requests.push(request.url());
	});
	return harm;
}

async function ready(page: Page) {
	await openHome(page);
	await page.getByRole('link', { name: 'Import a deck' }).click();
	await expect(page.locator('input[type=file]')).toBeEnabled();
}

/** Elements a payload would add if it were ever parsed as HTML. */
const injected = (page: Page) =>
	page.locator(
		'main img, main iframe, main object, main embed, main svg[onload], main [onerror], main [onload], main [onclick], main [onmouseover], main a[href^="javascript"], main script'
	);

test('a deck JSON full of payloads is refused with their places, and nothing is written', async ({
	page
}) => {
	const harm = watch(page);
	await ready(page);
	const before = {
		decks: await countRows(page, 'decks'),
		cards: await countRows(page, 'cards'),
		revision: await readRows<{ key: string; value: unknown }>(page, 'settings')
	};
	await page.locator('input[type=file]').setInputFiles('tests/fixtures/imports/hostile-deck.json');
	const errors = page.getByRole('alert');
	await expect(errors).toContainText('10 problems in this file: nothing was imported.');
	for (const place of [
		'hostile-deck.json:4:2 title: must be plain text',
		'hostile-deck.json:5:2 description: must be plain text',
		'hostile-deck.json:9:3 source.url: must be a web address',
		'hostile-deck.json:15:4 cards[1].prompt: must be plain text',
		'hostile-deck.json:25:4 cards[2].answer: must be plain text',
		'hostile-deck.json:35:4 cards[3].explanation: must be plain text',
		'hostile-deck.json:46:5 cards[4].source.quote: must be plain text',
		'hostile-deck.json:54:15 cards[5].accept[1]: must be plain text',
		'hostile-deck.json:66:5 cards[6].distractors[2]: must be plain text',
		'hostile-deck.json:67:5 cards[6].distractors[3]: must be plain text'
	])
		await expect(errors).toContainText(place);
	await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
	await expect(injected(page)).toHaveCount(0);
	expect(await countRows(page, 'decks')).toBe(before.decks);
	expect(await countRows(page, 'cards')).toBe(before.cards);
	expect(await readRows(page, 'settings')).toEqual(before.revision);
	expect(harm).toEqual({ dialogs: [], errors: [], requests: [] });
});

test('a CSV full of payloads is stripped to text: importing and studying it runs nothing', async ({
	page
}) => {
	// Sixteen cards studied: measured 18 and 28 s on a 2-core machine under load.
	test.setTimeout(90_000);
	const harm = watch(page);
	await ready(page);
	// The file name is a payload too: the deck is named after it.
	await page.locator('input[type=file]').setInputFiles({
		name: 'quiz<svg onload=alert(document.domain)>.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			(await import('node:fs')).readFileSync('tests/fixtures/imports/hostile.csv', 'utf8')
		)
	});
	await expect(page.getByRole('heading', { name: '“Quiz”' })).toBeVisible();
	await expect(page.getByText('What is the capital of France?')).toBeVisible();
	await page.getByText(/notes about this file/).click();
	await expect(
		page.getByText(/text that looked like HTML or a script was removed: 16 rows/)
	).toBeVisible();
	await expect(page.getByText(/Skipped: .* \(line 18\)/)).toBeVisible();
	await expect(injected(page)).toHaveCount(0);
	await page.getByRole('button', { name: 'Import 16 cards · 1 row skipped' }).click();
	await page.getByRole('link', { name: 'Study it now' }).click();
	await expect(page).toHaveURL(/\/review\/\?deck=quiz$/);

	// Every card, prompt and answer, shown as a learner sees it.
	const prompts: string[] = [];
	for (let i = 0; i < 16; i++) {
		await expect(page.locator('.prompt')).toBeVisible();
		prompts.push((await page.locator('.prompt').textContent()) ?? '');
		await page.getByRole('button', { name: 'Show answer' }).click();
		await expect(page.locator('.answer-text')).toBeVisible();
		await expect(injected(page)).toHaveCount(0);
		const shown = await page.locator('main').innerText();
		expect(shown).not.toMatch(/<\s*\/?\s*(script|img|svg|iframe|a |body|div|style|object)/i);
		const ratings = page.getByRole('group', { name: 'How well did you know it?' });
		await ratings.getByRole('button', { name: /^Easy/ }).click();
		// The next card replaces this one before its prompt is read.
		await expect(ratings).toBeHidden();
	}
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
	expect(new Set(prompts)).toEqual(new Set(HOSTILE_CSV_PROMPTS));
	const cards = await readRows<{ deckId: string; content: Record<string, unknown> }>(page, 'cards');
	const stored = JSON.stringify(cards.filter((c) => c.deckId === 'quiz').map((c) => c.content));
	expect(stored).not.toMatch(/<[a-z!/?]|javascript:|onerror|onload|&#|&lt;/i);
	expect(harm).toEqual({ dialogs: [], errors: [], requests: [] });
});

test('control: the watch sees a payload that gets into the page, and the CSP stops its handler', async ({
	page
}) => {
	const harm = watch(page);
	await ready(page);
	// What the app never does: markup from a card put into the page as HTML.
	await page.evaluate(() => {
		const box = document.createElement('div');
		box.innerHTML = '<img src="x" onerror="alert(\'ran\')">';
		document.querySelector('main')?.append(box);
	});
	await expect.poll(() => harm.requests.length).toBeGreaterThan(0);
	await expect.poll(() => harm.errors.join('\n')).toMatch(/Content Security Policy/);
	expect(harm.dialogs).toEqual([]);
	expect(harm.requests[0]).toMatch(/\/x$/);
});
