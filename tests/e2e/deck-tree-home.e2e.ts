import { expect, test, type Page } from '@playwright/test';
import { axe, countRows, previewImport, readRows, shot } from './helpers';
import { BASIC, makePackage } from '../fixtures/anki-packages';

/** A name with no place to break: it must wrap inside the phone's width, not widen the page. */
const LONG = 'FrenchVocabularyForEverydayLifeWithNoSpacesAnywhereInItsName';

/**
 * Languages (one card of its own) › Spanish (1) › Verbs (2), and › a long-named French (1): all
 * new, imported as one deck "Languages" beside the bundled decks (325 cards), then home read again.
 */
async function importTree(page: Page) {
	const note = (id: number, did: number, q: string) => ({
		id,
		guid: `home${id}`,
		mid: BASIC.id,
		fields: [q, `Answer ${id}`],
		did,
		ords: [0]
	});
	const pkg = await makePackage({
		layout: 'anki21b',
		notetypes: [BASIC],
		decks: [
			{ id: 2, name: 'Languages' },
			{ id: 3, name: 'Languages::Spanish' },
			{ id: 4, name: 'Languages::Spanish::Verbs' },
			{ id: 5, name: `Languages::${LONG}` }
		],
		notes: [
			note(1, 2, 'What is a language?'),
			note(2, 3, 'Spanish for house?'),
			note(3, 4, 'Spanish for to eat?'),
			note(4, 4, 'Spanish for to run?'),
			note(5, 5, 'French for house?')
		]
	});
	await page.goto('/import/');
	await (await previewImport(page, { name: 'languages.apkg', bytes: pkg }, 5)).click();
	await expect(page.getByRole('link', { name: 'Study it now' })).toBeVisible();
	await page.goto('/');
	// The bundled decks go in on this first visit to home: counts are read once all are in.
	await expect.poll(() => countRows(page, 'cards'), { timeout: 30_000 }).toBe(330);
	await page.reload();
}

/** Home's entry for the deck, and its sub-deck tree. */
const deckItem = (page: Page) =>
	page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: 'Languages', exact: true }) });
const treeOf = (page: Page) => page.getByRole('list', { name: 'Sub-decks of Languages' });

/** One sub-deck's row in the tree, by its name. */
const row = (page: Page, name: string) =>
	treeOf(page)
		.getByRole('listitem')
		.filter({ has: page.locator('.name', { hasText: new RegExp(`^${name}$`) }) });

test('issue 15: home shows an Anki deck tree, folds it across reloads, its counts add up, and studies a sub-deck', async ({
	page
}) => {
	test.setTimeout(90_000);
	await importTree(page);
	const item = deckItem(page);
	const tree = treeOf(page);
	await expect(tree.getByRole('listitem')).toHaveCount(3, { timeout: 15_000 });
	// Reading order, each sub-deck under its parent; a parent's counts hold its children's.
	await expect(tree.locator('.name')).toHaveText([LONG, 'Spanish', 'Verbs']);
	await expect(tree.locator('.counts')).toHaveText([
		/^1 new\s*0 learning\s*0 to review$/,
		/^3 new\s*0 learning\s*0 to review$/,
		/^2 new\s*0 learning\s*0 to review$/
	]);
	// The deck's own card and its sub-decks' four: what the deck's line says.
	await expect(item.locator('.counts').first()).toHaveText(/5 new\s*0 learning\s*0 to review/);
	// Verbs is indented under Spanish, Spanish and French at the same level.
	const left = async (name: string) =>
		(await row(page, name).locator('.name').boundingBox())?.x ?? NaN;
	expect(await left('Verbs')).toBeGreaterThan(await left('Spanish'));
	expect(await left('Spanish')).toBe(await left(LONG));
	// The long name wraps inside the phone's width.
	const width = await page.evaluate(() => [
		document.documentElement.scrollWidth,
		document.documentElement.clientWidth
	]);
	expect(width[0]).toBeLessThanOrEqual(width[1] ?? 0);
	await shot(page, 'anki9-home-tree', { fullPage: true });
	// At 320 px too, in dark mode: the tree's rows stay inside the screen.
	await page.setViewportSize({ width: 320, height: 844 });
	await page.emulateMedia({ colorScheme: 'dark' });
	const narrow = await page.evaluate(() => [
		document.documentElement.scrollWidth,
		document.documentElement.clientWidth
	]);
	expect(narrow[0]).toBeLessThanOrEqual(narrow[1] ?? 0);
	for (const box of await tree
		.locator('a, button')
		.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right)))
		expect(box).toBeLessThanOrEqual(320);
	await shot(page, 'anki9-home-tree-dark-320', { fullPage: true });
	await axe(page, 'home with a deck tree, dark, 320 px');
	await page.setViewportSize({ width: 390, height: 844 });
	await page.emulateMedia({ colorScheme: 'light' });
	await axe(page, 'home with a deck tree');

	// Folding Spanish hides Verbs, and stays folded after a reload; unfolding shows it again.
	const spanishFold = tree.getByRole('button', { name: 'Sub-decks of Languages › Spanish' });
	await expect(spanishFold).toHaveAttribute('aria-expanded', 'true');
	await spanishFold.click();
	await expect(spanishFold).toHaveAttribute('aria-expanded', 'false');
	await expect(row(page, 'Verbs')).toHaveCount(0);
	await expect(row(page, 'Spanish')).toContainText('3 new');
	await page.reload();
	await expect(row(page, 'Spanish')).toBeVisible({ timeout: 15_000 });
	await expect(spanishFold).toHaveAttribute('aria-expanded', 'false');
	await expect(row(page, 'Verbs')).toHaveCount(0);
	await shot(page, 'anki9-home-tree-folded');
	// The whole tree folds under the deck too.
	const all = item.getByRole('button', { name: '3 sub-decks of Languages' });
	await all.click();
	await expect(all).toHaveAttribute('aria-expanded', 'false');
	await expect(tree).toBeHidden();
	await all.click();
	await expect(tree).toBeVisible();
	await spanishFold.click();
	await expect(row(page, 'Verbs')).toBeVisible();
	await page.reload();
	await expect(row(page, 'Verbs')).toBeVisible({ timeout: 15_000 });

	// Study on a sub-deck: Spanish brings its own card and Verbs', never French's or the deck's own.
	await tree.getByRole('link', { name: 'Study Languages › Spanish', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Review: Spanish' })).toBeVisible();
	await expect(page.getByText(/· 3 left/)).toBeVisible({ timeout: 30_000 });
	await expect(page.locator('.prompt')).toHaveText(/^Spanish for/);
	await page.goBack();
	await treeOf(page)
		.getByRole('link', { name: 'Study Languages › Spanish › Verbs', exact: true })
		.click();
	await expect(page.getByRole('heading', { name: 'Review: Verbs' })).toBeVisible();
	await expect(page.getByText(/· 2 left/)).toBeVisible({ timeout: 30_000 });
	await expect(page.locator('.prompt')).toHaveText(/^Spanish for to (eat|run)\?/);
});

/** The stored limits of decks and sub-decks, and the imported deck's id. */
async function storedLimits(page: Page): Promise<unknown> {
	const rows = await readRows<{ key: string; value: { deckLimits?: unknown } }>(page, 'settings');
	return rows.find((r) => r.key === 'study')?.value.deckLimits ?? {};
}
const languagesId = async (page: Page) =>
	(await readRows<{ id: string; title: string }>(page, 'decks')).find(
		(d) => d.title === 'Languages'
	)?.id;

test('issue 15: a deck’s and a sub-deck’s own daily limits are set, checked and followed by home', async ({
	page
}) => {
	test.setTimeout(90_000);
	await importTree(page);
	await expect(row(page, 'Spanish')).toContainText('3 new', { timeout: 15_000 });

	// From the tree: Spanish may bring 1 new card a day.
	await treeOf(page)
		.getByRole('link', { name: 'Limits for Languages › Spanish', exact: true })
		.click();
	await expect(page.getByRole('heading', { name: 'Daily limits' })).toBeVisible();
	await expect(page.getByText('Languages › Spanish', { exact: true })).toBeVisible();
	const fresh = page.getByRole('textbox', { name: 'New cards a day' });
	await expect(fresh).toHaveValue('');
	await expect(page.getByText(/the limit for all decks \(20 new cards\) applies/)).toBeVisible();
	// A negative number, a fraction: a clear error on the box, and nothing saved.
	await fresh.fill('-1');
	await page.getByRole('textbox', { name: 'Reviews a day' }).fill('2.5');
	await page.getByRole('button', { name: 'Save limits' }).click();
	await expect(fresh).toHaveAttribute('aria-invalid', 'true');
	await expect(fresh).toBeFocused();
	await expect(
		page.getByText('New cards a day: Write a whole number from 0 to 99999')
	).toBeVisible();
	await expect(
		page.getByText('Reviews a day: Write a whole number from 0 to 999999')
	).toBeVisible();
	await shot(page, 'anki9-limits-error', { fullPage: true });
	await axe(page, 'daily limits with errors');
	expect(await storedLimits(page)).toEqual({});
	await fresh.fill('1');
	await page.getByRole('textbox', { name: 'Reviews a day' }).fill('');
	await page.getByRole('button', { name: 'Save limits' }).click();
	await expect(page.getByText(/^Saved the daily limits/)).toHaveText(
		'Saved the daily limits of Languages › Spanish.'
	);
	await expect(fresh).not.toHaveAttribute('aria-invalid');
	const id = await languagesId(page);
	expect(await storedLimits(page)).toEqual({ [`${id}::Spanish`]: { newPerDay: 1 } });

	// Home follows: Spanish (with Verbs) brings one new card; the deck its own, French's and that one.
	await page.goto('/');
	await expect(row(page, 'Spanish')).toContainText('1 new', { timeout: 15_000 });
	await expect(deckItem(page).locator('.counts').first()).toHaveText(/^3 new/);

	// Verbs has none of its own: it takes Spanish's.
	await treeOf(page).getByRole('link', { name: 'Limits for Languages › Spanish › Verbs' }).click();
	await expect(page.getByText('Empty: 1, from Languages › Spanish.')).toBeVisible();

	// A sub-deck the deck does not have is said, with nothing to save.
	await page.goto(`/settings/limits/?deck=${id}&sub=Spanish::Nouns`);
	await expect(page.getByRole('alert')).toHaveText(
		'“Languages” has no sub-deck “Spanish › Nouns”.'
	);
	await expect(page.getByRole('button', { name: 'Save limits' })).toHaveCount(0);

	// From the library's deck entry: the deck may bring 2 new cards a day.
	await page.goto('/library/');
	await page.getByRole('link', { name: 'Daily limits for Languages' }).click();
	// The library's entries (also named Languages) are gone once the limits page is in.
	await expect(page).toHaveURL(/\/settings\/limits\/\?deck=/);
	await expect(page.getByRole('heading', { name: 'Daily limits' })).toBeVisible();
	await expect(page.getByText('Languages', { exact: true })).toBeVisible();
	await fresh.fill('2');
	await page.getByRole('button', { name: 'Save limits' }).click();
	await expect(page.getByText(/^Saved the daily limits/)).toHaveText(
		'Saved the daily limits of Languages.'
	);
	await axe(page, 'daily limits saved');
	await page.goto('/');
	await expect(deckItem(page).locator('.counts').first()).toHaveText(/^2 new/, {
		timeout: 15_000
	});
	expect(await storedLimits(page)).toEqual({
		[`${id}::Spanish`]: { newPerDay: 1 },
		[`${id}`]: { newPerDay: 2 }
	});
	await shot(page, 'anki9-home-limited', { fullPage: true });
	// French has no part in today's review (the deck's 2 went to others), yet studied alone it is
	// not held by the deck's limit: its Study is there and brings its card.
	await expect(row(page, LONG).locator('.counts')).toHaveText(/^0 new/);
	await treeOf(page)
		.getByRole('link', { name: `Study Languages › ${LONG}`, exact: true })
		.click();
	await expect(page.getByText(/· 1 left/)).toBeVisible({ timeout: 30_000 });
	await expect(page.locator('.prompt')).toHaveText('French for house?');
});
