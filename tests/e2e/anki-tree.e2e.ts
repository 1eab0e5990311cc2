import { expect, test } from '@playwright/test';
import { previewImport, shot } from './helpers';
import { BASIC, makePackage } from '../fixtures/anki-packages';

test('issue 15: an Anki deck tree shows in the library; a parent sub-deck is studied with its children, a child alone', async ({
	page
}) => {
	// A package read in the worker, an import and three queues: a few seconds on a quiet machine.
	test.setTimeout(60_000);
	const note = (id: number, did: number, q: string) => ({
		id,
		guid: `tree${id}`,
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
			{ id: 5, name: 'Languages::French' }
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
	// A package without pictures, sounds or answers says nothing of them ("0 media files stored").
	await expect(page.getByText('5 new cards. Version 1')).toBeVisible();
	await expect(page.getByText(/media file|Anki schedule/)).toHaveCount(0);

	await page.goto('/library/');
	const tree = page.getByRole('list', { name: 'Sub-decks of Languages' });
	await expect(tree.getByRole('listitem')).toHaveText([
		/French\s*1 card/,
		/Spanish\s*3 cards with its sub-decks/,
		/Verbs\s*2 cards/
	]);
	await shot(page, 'anki6-tree-library');

	// Spanish: its own card and its child Verbs' two; never French's or the parent's own.
	await tree.getByRole('link', { name: 'Study Languages › Spanish', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Review: Spanish' })).toBeVisible();
	await expect(page.getByText(/· 3 left/)).toBeVisible({ timeout: 30_000 });
	await expect(page.locator('.prompt')).toHaveText(/^Spanish for/);

	await page.goBack();
	await tree.getByRole('link', { name: 'Study Languages › Spanish › Verbs' }).click();
	await expect(page.getByRole('heading', { name: 'Review: Verbs' })).toBeVisible();
	await expect(page.getByText(/· 2 left/)).toBeVisible({ timeout: 30_000 });
	await expect(page.locator('.prompt')).toHaveText(/^Spanish for to (eat|run)\?/);
});
