import { expect, test, type Page } from '@playwright/test';
import { answer, axe, openReview, readRows, shot } from './helpers';

interface Row {
	deckId: string;
	uid?: string;
	id?: string;
}

/** Every card and answer of the decks other than `deckId`, serialised so one changed byte shows. */
async function otherDecks(page: Page, deckId: string): Promise<string> {
	const cards = (await readRows<Row & { uid: string }>(page, 'cards'))
		.filter((c) => c.deckId !== deckId)
		.sort((a, b) => a.uid.localeCompare(b.uid));
	const logs = (await readRows<Row & { id: string }>(page, 'reviewLogs'))
		.filter((l) => l.deckId !== deckId)
		.sort((a, b) => a.id.localeCompare(b.id));
	return JSON.stringify({ cards, logs });
}

const deckLogs = async (page: Page, deckId: string) =>
	(await readRows<Row>(page, 'reviewLogs')).filter((l) => l.deckId === deckId).length;

test('issue 13: an imported deck is deleted after a snapshot, and the snapshot brings it back', async ({
	page
}) => {
	test.setTimeout(90_000);
	// An imported deck, studied a little, beside a bundled deck studied too.
	await page.goto('/import/');
	await expect(page.locator('input[type=file]')).toBeEnabled();
	await page.locator('input[type=file]').setInputFiles('tests/fixtures/imports/anki-notes.txt');
	await expect(page.getByRole('heading', { name: '“Spanish”' })).toBeVisible();
	await page.getByRole('button', { name: /^Import 9 cards/ }).click();
	await expect(page.getByRole('heading', { name: '“Spanish” is ready' })).toBeVisible();
	const deck = (await readRows<{ id: string; title: string }>(page, 'decks')).find(
		(d) => d.title === 'Spanish'
	);
	if (!deck) throw new Error('the Spanish deck was not imported');
	await openReview(page, deck.id);
	for (let i = 0; i < 2; i++) await answer(page, 'Good');
	await openReview(page, 'two-plus-two-basics');
	for (let i = 0; i < 2; i++) await answer(page, 'Again');
	expect(await deckLogs(page, deck.id)).toBe(2);
	// The bundled decks may still be going in behind the study screens: all 325 cards, then compare.
	await expect
		.poll(
			async () => (await readRows<Row>(page, 'cards')).filter((c) => c.deckId !== deck.id).length,
			{
				timeout: 30_000
			}
		)
		.toBe(325);
	const others = await otherDecks(page, deck.id);

	await page.goto('/library/');
	const item = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: 'Spanish' }) });
	// Bundled decks come back on the next visit: they offer no delete.
	await expect(page.getByRole('button', { name: /^Delete deck/ })).toHaveCount(1);
	await item.getByRole('button', { name: 'Delete deck Spanish' }).click();
	const dialog = page.getByRole('alertdialog');
	await expect(dialog).toBeFocused();
	await expect(dialog).toContainText('Delete “Spanish”?');
	await expect(dialog).toContainText('9 cards and the 2 answers in its history');
	await expect(dialog).toContainText('A snapshot of all your study data is taken first');
	await expect(dialog).toContainText('Settings → Automatic snapshots');
	await shot(page, 'library-delete-dialog');
	await axe(page, 'library, delete dialog');
	// Review finding (issue 13): one shared dialog, modal. Tab goes round its two buttons and
	// never reaches the page behind; Escape cancels and gives focus back to the button that opened it.
	const opener = item.getByRole('button', { name: 'Delete deck Spanish' });
	for (const name of ['Delete this deck', 'Cancel', 'Delete this deck']) {
		await page.keyboard.press('Tab');
		await expect(dialog.getByRole('button', { name })).toBeFocused();
	}
	await page.keyboard.press('Shift+Tab');
	await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(opener).toBeFocused();
	expect(await deckLogs(page, deck.id)).toBe(2);
	// Cancel leaves everything as it was.
	await opener.click();
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(dialog).toBeHidden();
	await expect(opener).toBeFocused();
	await item.getByRole('button', { name: 'Delete deck Spanish' }).click();
	await page.getByRole('alertdialog').getByRole('button', { name: 'Delete this deck' }).click();
	await expect(page.getByRole('main').getByRole('status')).toContainText(
		'Deleted “Spanish”: 9 cards and 2 answers'
	);
	await expect(page.getByRole('heading', { name: 'Spanish' })).toHaveCount(0);
	await shot(page, 'library-deleted');
	expect(await deckLogs(page, deck.id)).toBe(0);
	expect((await readRows<Row>(page, 'cards')).filter((c) => c.deckId === deck.id)).toEqual([]);
	expect(await otherDecks(page, deck.id)).toBe(others);
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Decks' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Two-plus-two basics' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Spanish' })).toHaveCount(0);

	// The snapshot, named after the deck, brings it back with its answers.
	await page.goto('/settings/');
	const snapshot = page
		.getByRole('list', { name: 'Snapshots' })
		.getByRole('listitem')
		.filter({ hasText: 'Before deleting “Spanish”' });
	await expect(snapshot).toHaveCount(1);
	await snapshot.getByRole('button', { name: /^Restore/ }).click();
	await page.getByRole('button', { name: 'Restore this snapshot' }).click();
	await expect(
		page.getByRole('main').getByRole('status').filter({ hasText: 'Restored the snapshot' })
	).toBeVisible();
	expect(await deckLogs(page, deck.id)).toBe(2);
	await page.goto('/library/');
	await expect(page.getByRole('heading', { name: 'Spanish' })).toBeVisible();
	await page.goto(`/library/cards?deck=${deck.id}`);
	await page.getByRole('button', { name: 'Learning', exact: false }).first().click();
	await expect(page.getByRole('main').getByRole('status')).toContainText('2 of 9 cards match');
});

test('issue 13: the card browser finds "lavrov minster", filters by state, and speaks in words', async ({
	page
}) => {
	test.setTimeout(90_000);
	await openReview(page, 'russia-japan-2plus2');
	for (let i = 0; i < 3; i++) await answer(page, 'Good');

	await page.goto('/library/');
	await page
		.getByRole('link', { name: 'Browse cards of Russia–Japan two-plus-two in Tokyo' })
		.click();
	const status = page.getByRole('main').getByRole('status');
	await expect(status).toHaveText(/^\d+ cards/);
	const total = Number((await status.innerText()).match(/^(\d+)/)?.[1]);
	expect(total).toBeGreaterThan(50);
	// No format or scheduler jargon on any row.
	await expect(page.locator('main')).not.toContainText(/\bmcq\b|truefalse|stability/i);

	const search = page.getByLabel('Search cards');
	await search.fill('lavrov minster');
	await expect(status).toHaveText(/^\d+ of \d+ cards match/);
	const found = Number((await status.innerText()).match(/^(\d+)/)?.[1]);
	expect(found).toBeGreaterThan(0);
	expect(found).toBeLessThan(total);
	const cards = page.locator('ul.cards > li');
	// His own cards come first; cards that only quote a sentence naming him come after.
	const texts = await cards.allInnerTexts();
	expect(texts.length).toBeGreaterThan(2);
	for (const text of texts.slice(0, 3)) expect(text).toMatch(/Lavrov/);
	// The versions of one question are told apart by the way they ask.
	const post = cards.filter({ hasText: 'Which post did Sergei Lavrov hold' });
	await expect(post).toContainText(/Asked \d ways|\d cards on one fact/);
	await expect(post).toContainText('Type the answer');
	await expect(post).toContainText('Flashcard');
	await shot(page, 'card-browser-search', { fullPage: true });
	await axe(page, 'card browser, search');

	await search.fill('LAVROV');
	await expect(status).toHaveText(/^\d+ of \d+ cards match/);
	expect(Number((await status.innerText()).match(/^(\d+)/)?.[1])).toBeGreaterThanOrEqual(found);
	await search.fill('xyz');
	await expect(status).toHaveText(`0 of ${total} cards match`);
	await expect(page.getByText('No card matches “xyz”.')).toBeVisible();
	await page.getByRole('button', { name: 'Show all cards' }).click();
	await expect(status).toHaveText(`${total} cards, the first 50 shown`);

	// Filters combine with the search and count what they show.
	const filters = page.getByRole('group', { name: 'Show cards that are' });
	await filters.getByRole('button', { name: /^Learning/ }).click();
	await expect(status).toHaveText(`3 of ${total} cards match`);
	await expect(cards.first()).toContainText(/Learning/);
	await expect(cards.first()).toContainText(/Due in \d+ minutes|Due now/);
	const first = cards.first().getByRole('button').first();
	await first.click();
	await expect(cards.first()).toContainText('Answered once, forgotten never.');
	await expect(cards.first()).toContainText('Answers, newest first');
	await cards.first().getByRole('button', { name: 'Suspend' }).click();
	await expect(filters.getByRole('button', { name: /^Suspended/ })).toContainText('1');
	await expect(status).toHaveText(`2 of ${total} cards match`);
	await filters.getByRole('button', { name: /^New/ }).click();
	await search.fill('shoigu');
	await expect(status).toHaveText(/^\d+ of \d+ cards match/);
	for (const text of await cards.allInnerTexts()) expect(text).toMatch(/New — not studied yet/);
	await shot(page, 'card-browser-filter', { fullPage: true });
	await page.emulateMedia({ colorScheme: 'dark' });
	await axe(page, 'card browser, filters, dark');
});
