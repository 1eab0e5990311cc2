import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
	answer,
	axe,
	choose,
	countRows,
	fileInput,
	openHome,
	previewImport,
	readRows,
	shot,
	tempFile,
	waitForServiceWorker,
	words
} from './helpers';
import { BASIC, makePackage, PNG, wav } from '../fixtures/anki-packages';

// Offline and install behaviour: the service worker is what these tests are about.
test.use({ serviceWorkers: 'allow' });

const fixture = (name: string) => `tests/fixtures/imports/${name}`;

test('an Anki export by file: preview, a name of your own, import, study', async ({ page }) => {
	// With an axe scan: measured 22 s in a full run on a 2-core machine under load.
	test.setTimeout(60_000);
	await page.goto('/');
	await page.getByRole('link', { name: 'Import a deck' }).click();
	await expect(page.getByRole('heading', { name: 'Import a deck' })).toBeVisible();
	await axe(page, 'import page');
	const decksBefore = await countRows(page, 'decks');
	await choose(page, fixture('anki-notes.txt'));
	await expect(page.getByRole('heading', { name: '“Spanish”' })).toBeVisible();
	await expect(page.getByLabel('Read the file as')).toHaveValue('anki');
	await expect(page.getByText('hablar', { exact: true })).toBeVisible();
	await expect(page.getByText('2 notes about this file')).toBeVisible();
	await expect(page.getByText('Skipped: the front is only a picture')).toBeVisible();
	expect(await countRows(page, 'decks')).toBe(decksBefore);
	await axe(page, 'import preview');

	// A name with markup is refused as typed; a plain one gives the deck its id.
	const name = page.getByLabel('Deck name');
	await name.fill('Spanish <b>verbs</b>');
	await expect(page.getByRole('alert')).toContainText('title: must be plain text');
	await expect(page.getByRole('button', { name: 'Import 9 cards' })).toBeDisabled();
	await name.fill('Spanish verbs');
	await expect(page.getByText('Saved as “spanish-verbs”.')).toBeVisible();
	await page.getByRole('button', { name: 'Import 9 cards · 1 row skipped' }).click();
	await expect(page.getByRole('heading', { name: '“Spanish verbs” is ready' })).toBeVisible();
	expect(await countRows(page, 'decks')).toBe(decksBefore + 1);
	const [deck] = (await readRows<{ id: string; bundled: boolean }>(page, 'decks')).filter(
		(d) => d.id === 'spanish-verbs'
	);
	expect(deck).toMatchObject({ bundled: false });

	await page.getByRole('link', { name: 'Study it now' }).click();
	await expect(page).toHaveURL(/\/review\/\?deck=spanish-verbs$/);
	await expect(page.locator('.prompt')).toHaveText('hablar');
	await answer(page, 'Good');
	expect(await countRows(page, 'reviewLogs')).toBe(1);
});

test('a Quizlet export dropped on the page', async ({ page }) => {
	await page.goto('/import/');
	await expect(fileInput(page)).toBeEnabled();
	const text = readFileSync(fixture('quizlet-tab.txt'), 'utf8');
	const data = await page.evaluateHandle((body) => {
		const dt = new DataTransfer();
		dt.items.add(new File([body], 'german.txt', { type: 'text/plain' }));
		return dt;
	}, text);
	await page.locator('.drop').dispatchEvent('dragover', { dataTransfer: data });
	await page.locator('.drop').dispatchEvent('drop', { dataTransfer: data });
	await expect(page.getByRole('heading', { name: '“German”' })).toBeVisible();
	await expect(page.getByLabel('Read the file as')).toHaveValue('quizlet');
	await expect(page.getByText('der Hund')).toBeVisible();
	await page.getByRole('button', { name: 'Import 5 cards' }).click();
	await expect(page.getByText('5 new cards. Version 1.')).toBeVisible();
});

test('issue 13: a Quizlet export of 8 rows, 2 of them empty: a title from its terms, the skipped rows beside the button, the back shown once', async ({
	page
}) => {
	await page.goto('/import/');
	await choose(page, fixture('quizlet-export.txt'));
	// Quizlet's export has no title and the file is "quizlet-export.txt": its first terms name it.
	const name = page.getByLabel('Deck name');
	await expect(name).toHaveValue('der Hund, die Katze, das Auto…');
	const button = page.getByRole('button', { name: 'Import 6 cards · 2 rows skipped' });
	await expect(button).toBeVisible();
	await expect(button).toHaveAccessibleDescription(
		/Skipped: the back is empty \(line 3\)\s*Skipped: the front is empty \(line 5\)/
	);
	// The reasons sit right under the button, not in a collapsed note.
	const reasons = page.locator('#skipped-rows');
	await expect(reasons).toBeVisible();
	const [buttonBox, reasonsBox] = [await button.boundingBox(), await reasons.boundingBox()];
	expect(reasonsBox && buttonBox && reasonsBox.y - (buttonBox.y + buttonBox.height)).toBeLessThan(
		80
	);
	await expect(page.getByText(/notes about this file/)).toHaveCount(0);

	await name.fill('German animals');
	await page.getByRole('button', { name: 'Import 6 cards · 2 rows skipped' }).click();
	await expect(page.getByRole('heading', { name: '“German animals” is ready' })).toBeVisible();
	await page.getByRole('link', { name: 'Study it now' }).click();
	await expect(page.locator('.prompt')).toHaveText('der Hund');
	await page.getByRole('button', { name: 'Show answer' }).click();
	await expect(page.locator('.answer-text')).toHaveText('the dog');
	// The back was shown twice: as the answer and again as its "source" quote.
	await expect(page.locator('.feedback')).toHaveText(/^\s*Answer\s+the dog\s*$/);
});

test("issue 13: Anki's #html:false keeps <b> and &amp; as written, and says which header it skipped", async ({
	page
}) => {
	await page.goto('/import/');
	await choose(page, fixture('anki-plain.txt'));
	await expect(page.getByRole('heading', { name: '“Anki plain”' })).toBeVisible();
	// Review finding: the file's name is said once (as the file), not again as where the deck is from.
	const panel = await page.getByRole('region', { name: '“Anki plain”' }).innerText();
	expect(panel.split('anki-plain.txt')).toHaveLength(2);
	await expect(page.getByRole('button', { name: 'Import 3 cards', exact: true })).toBeVisible();
	await page.getByText('1 note about this file').click();
	await expect(page.getByText(/header lines not used: #if matches:update current/)).toBeVisible();
	await page.getByRole('button', { name: 'Import 3 cards' }).click();
	await page.getByRole('link', { name: 'Study it now' }).click();
	await expect(page.locator('.prompt')).toHaveText('Which tag makes text bold?');
	await page.getByRole('button', { name: 'Show answer' }).click();
	// Exactly the characters of the file, nothing invisible between them: what is copied is `<b>`.
	expect(await page.locator('.answer-text').innerText()).toBe('<b>');
	await page.getByRole('button', { name: /^Good/ }).click();
	await expect(page.locator('.prompt')).toHaveText('Escape for an ampersand?');
	await page.getByRole('button', { name: 'Show answer' }).click();
	expect(await page.locator('.answer-text').innerText()).toBe('&amp;');
});

test('with no network: a file imports (the checker is cached) and its deck is studied', async ({
	page,
	context
}) => {
	await page.goto('/import/');
	await waitForServiceWorker(page);
	await context.setOffline(true);
	await page.reload();
	await choose(page, fixture('anki-comma.csv'));
	await expect(page.getByRole('heading', { name: '“Anki comma”' })).toBeVisible();
	await page.getByRole('button', { name: 'Import 4 cards' }).click();
	await page.getByRole('link', { name: 'Study it now' }).click();
	await expect(page.locator('.prompt')).toHaveText('Capital of France?');
	await answer(page, 'Good');
	// A fresh load of the review page, still offline (from the precache, which ignores ?deck=…).
	await page.goto('/review/');
	await expect(page.locator('.prompt')).toBeVisible();
	expect(await countRows(page, 'reviewLogs')).toBe(1);
	expect(
		(await readRows<{ deckId: string }>(page, 'cards')).some((c) => c.deckId === 'anki-comma')
	).toBe(true);
});

test('a deck by link: share link, then an update keeps progress; the same version is refused', async ({
	page
}) => {
	const url = 'https://decks.example.org/class/capitals.json';
	let version = 1;
	const deck = () => ({
		schemaVersion: 1,
		id: 'class-capitals',
		title: 'Capitals for class 4B',
		version,
		source: { title: 'Atlas', url: 'https://example.org/atlas' },
		cards: ['France:Paris', 'Italy:Rome', 'Spain:Madrid', 'Japan:Tokyo']
			.slice(0, version === 1 ? 3 : 4)
			.map((pair) => {
				const [country, city] = pair.split(':');
				return {
					id: country!.toLowerCase(),
					kind: 'basic',
					prompt: `Capital of ${country}?`,
					answer: city,
					source: { quote: `${city} is the capital of ${country}.` }
				};
			})
	});
	// The teacher's web host, which lets other sites read its files.
	await page.route(url, (route) =>
		route.fulfill({
			json: deck(),
			headers: { 'access-control-allow-origin': '*' }
		})
	);
	await page.goto('/import/');
	await expect(page.getByLabel('Or paste a link to a deck')).toBeEnabled();
	await page.getByLabel('Or paste a link to a deck').fill(url);
	await page.getByRole('button', { name: 'Load' }).click();
	await expect(page.getByRole('heading', { name: '“Capitals for class 4B”' })).toBeVisible();
	await expect(page.getByText(url)).toBeVisible();
	await page.getByRole('button', { name: 'Import 3 cards' }).click();
	const share = page.getByLabel('Share link for “Capitals for class 4B”');
	const link = await share.inputValue();
	expect(link).toMatch(/^http:\/\/localhost:\d+\/import\/\?url=/);
	expect(new URL(link).searchParams.get('url')).toBe(url);
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.getByRole('button', { name: 'Copy link for Capitals for class 4B' }).click();
	await expect(page.getByText('Link copied.')).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

	await page.getByRole('link', { name: 'Study it now' }).click();
	await answer(page, 'Easy');
	const learned = (await readRows<{ uid: string; reps: number }>(page, 'cards')).find(
		(c) => c.uid === 'class-capitals|france'
	);
	expect(learned?.reps).toBe(1);

	// The share link, opened again: the same version is refused and nothing changes.
	await page.goto(link);
	await expect(page.getByLabel('Or paste a link to a deck')).toHaveValue(url);
	await expect(page.getByRole('alert')).toContainText(
		'Version 1 of “Capitals for class 4B” is already installed'
	);
	// The teacher publishes version 2 with one more card: the update keeps the progress.
	version = 2;
	await page.goto(link);
	await expect(
		page.getByText('Updates “Capitals for class 4B” from version 1 to 2.')
	).toBeVisible();
	await expect(page.getByText('3 cards keep their progress.')).toBeVisible();
	await page.getByRole('button', { name: 'Import 4 cards' }).click();
	await expect(page.getByText('1 new card, 3 cards unchanged. Version 2.')).toBeVisible();
	const after = (await readRows<{ uid: string; reps: number }>(page, 'cards')).find(
		(c) => c.uid === 'class-capitals|france'
	);
	expect(after).toEqual(learned ? { ...after, reps: learned.reps } : undefined);
	expect(await countRows(page, 'reviewLogs')).toBe(1);
});

test('a link that cannot be loaded, and a file over the size limit, say so', async ({ page }) => {
	await page.goto('/import/');
	await expect(page.getByLabel('Or paste a link to a deck')).toBeEnabled();
	await page.getByLabel('Or paste a link to a deck').fill('http://insecure.example.org/d.json');
	await page.getByRole('button', { name: 'Load' }).click();
	await expect(page.getByRole('alert')).toHaveText(/Only https:\/\/ links can be imported/);
	// A host that refuses, or does not let other sites read its files: the fetch fails.
	await page.route('https://nocors.example.org/**', (route) => route.abort('failed'));
	await page.getByLabel('Or paste a link to a deck').fill('https://nocors.example.org/d.json');
	await page.getByRole('button', { name: 'Load' }).click();
	await expect(page.getByRole('alert')).toContainText('Access-Control-Allow-Origin');
	// By path: the browser reads the file from disk, rather than 21 MB crossing the protocol.
	await choose(page, await tempFile('huge.json', Buffer.alloc(21 * 1024 * 1024, 32)));
	await expect(page.getByRole('alert')).toHaveText(
		'“huge.json” is 21 MB; a deck file can be at most 20 MB.'
	);
});

test('decks export as JSON and CSV', async ({ page }) => {
	await openHome(page);
	await page.getByRole('link', { name: 'Your data' }).click();
	await axe(page, 'data page');
	const item = page.getByRole('listitem').filter({ hasText: 'Two-plus-two basics' });
	const [json] = await Promise.all([
		page.waitForEvent('download'),
		item.getByRole('button', { name: 'Download JSON of Two-plus-two basics' }).click()
	]);
	expect(json.suggestedFilename()).toBe('two-plus-two-basics.json');
	const deck = JSON.parse(readFileSync((await json.path())!, 'utf8'));
	expect(deck).toMatchObject({ schemaVersion: 1, id: 'two-plus-two-basics', version: 1 });
	expect(deck.cards).toHaveLength(10);
	const [csv] = await Promise.all([
		page.waitForEvent('download'),
		item.getByRole('button', { name: 'Download CSV of Two-plus-two basics' }).click()
	]);
	const text = readFileSync((await csv.path())!, 'utf8');
	expect(text.startsWith('\ufefffront,back,explanation,quote,tags,id\r\n')).toBe(true);
	expect(text.trimEnd().split('\r\n')).toHaveLength(11);
});

test('a deck exported for Anki (.apkg) opens in the package importer', async ({ page }) => {
	// Writing and then reading a package loads SQLite's wasm in the worker twice: slow on a busy machine.
	test.setTimeout(60_000);
	await openHome(page);
	await page.getByRole('link', { name: 'Your data' }).click();
	const item = page.getByRole('listitem').filter({ hasText: 'Two-plus-two basics' });
	// With the history box ticked: the schedule and answers go along (none yet on a fresh device).
	await page.getByLabel('Include my review history').check();
	const [apkg] = await Promise.all([
		page.waitForEvent('download'),
		item.getByRole('button', { name: 'Export for Anki (.apkg) of Two-plus-two basics' }).click()
	]);
	expect(apkg.suggestedFilename()).toBe('two-plus-two-basics.apkg');
	await expect(
		page.getByText(/Saved “Two-plus-two basics” for Anki: 10 cards, 0 answers/)
	).toBeVisible({ timeout: 20_000 });
	const packaged = readFileSync((await apkg.path())!);
	expect(packaged.subarray(0, 2).toString()).toBe('PK');
	await page.goto('/import/');
	await previewImport(page, { name: 'two-plus-two-basics.apkg', bytes: packaged }, 10);
	await expect(page.getByRole('heading', { name: '“Two-plus-two basics”' })).toBeVisible();
});

test('a backup restores every answer on a fresh device', async ({ page, browser }) => {
	await page.goto('/review/');
	for (let i = 0; i < 3; i++) await answer(page, 'Good');
	await page.goto('/data/');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download a backup' }).click()
	]);
	await expect(page.getByText(words('Backup saved: 2 decks, 325 cards, 3 answers'))).toBeVisible();
	const path = (await download.path())!;
	const cards = await readRows<{ uid: string }>(page, 'cards');

	const fresh = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const other = await fresh.newPage();
	await other.goto('/data/');
	await choose(other, path);
	await expect(other.getByText(words('2 decks, 325 cards, 3 answers.'))).toBeVisible({
		timeout: 20_000
	});
	expect(await countRows(other, 'reviewLogs')).toBe(0);
	await other.getByRole('button', { name: 'Merge into this device' }).click();
	await expect(other.getByText(words('3 new answers (0 already here)'))).toBeVisible();
	const byUid = (a: { uid: string }, b: { uid: string }) => (a.uid < b.uid ? -1 : 1);
	expect((await readRows<{ uid: string }>(other, 'cards')).sort(byUid)).toEqual(cards.sort(byUid));
	expect(await countRows(other, 'reviewLogs')).toBe(3);
	await fresh.close();
});

test('issue 14: a deck file with six problems lists all six at once, cards counted from 1', async ({
	page
}) => {
	await page.goto('/import/');
	const broken = 'tests/fixtures/broken-decks';
	// The deck and its source text chosen together, so quotes are checked as `decks:check` does.
	await choose(page, [`${broken}/six-problems.yaml`, `${broken}/source.txt`]);
	const errors = page.getByRole('alert');
	await expect(errors).toContainText('6 problems in this file: nothing was imported.');
	const lines = (await errors.locator('li').allInnerTexts()).map((l) => l.trim());
	expect(lines.map((l) => l.split(': ')[0])).toEqual([
		'six-problems.yaml:13:5 cards[2].answer',
		'six-problems.yaml:13:5 cards[2].id',
		'six-problems.yaml:21:5 cards[3].answer',
		'six-problems.yaml:23:5 cards[3].hint',
		'six-problems.yaml:28:5 cards[4].prompt',
		'six-problems.yaml:37:7 cards[5].source.quote'
	]);
	// The same words as `npm run decks:check`, so a fix can be looked up in either.
	expect(lines[2]).toContain('"31st of Augustus" is not a date the app can read');
	expect(lines[2]).toContain('did you mean August?');
	expect(lines[4]).toContain('remove the HTML tag "<script>"');
	await expect(page.getByRole('button', { name: /^Import \d/ })).toHaveCount(0);
});

test('issue 15: an Anki package with a picture and a sound imports offline, and its card shows and plays them', async ({
	page,
	context
}) => {
	const pkg = await makePackage({
		layout: 'anki21b',
		notetypes: [BASIC],
		decks: [{ id: 2, name: 'Landmarks::Paris' }],
		notes: [
			{
				id: 1,
				guid: 'tower',
				mid: BASIC.id,
				fields: ['Which tower is this? <img src="tower.png">', 'Eiffel Tower'],
				did: 2,
				ords: [0]
			},
			{
				id: 2,
				guid: 'bell',
				mid: BASIC.id,
				fields: ['What rings here? [sound:bell.wav]', 'Notre-Dame'],
				did: 2,
				ords: [0]
			},
			{
				id: 3,
				guid: 'gone',
				mid: BASIC.id,
				fields: ['Lost <img src="lost.png">', 'missing'],
				did: 2,
				ords: [0]
			}
		],
		media: { 'tower.png': PNG, 'bell.wav': wav(400) },
		revlog: [{ id: 1_700_000_000_000, nid: 1, ord: 0, ease: 3, type: 0 }]
	});
	await page.goto('/import/');
	await waitForServiceWorker(page);
	// The package reader, its SQLite wasm and zip and zstd code come from the precache.
	await context.setOffline(true);
	await page.reload();
	const importIt = await previewImport(page, { name: 'landmarks.apkg', bytes: pkg }, 3);
	await expect(page.getByRole('heading', { name: '“Landmarks”' })).toBeVisible();
	await expect(page.getByText('lost.png: named by cards but not in the package')).toBeVisible();
	expect(await countRows(page, 'media')).toBe(0);
	await importIt.click();
	await expect(
		page.getByText('2 media files stored; 1 card continues its Anki schedule (1 answer).')
	).toBeVisible();
	expect(await countRows(page, 'media')).toBe(2);
	await page.getByRole('link', { name: 'Study it now' }).click();
	await expect(page.locator('.prompt')).toHaveText('Which tower is this?');
	const picture = page.locator('img.picture');
	await expect(picture).toBeVisible();
	expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
	await shot(page, 'anki15-image');
	await answer(page, 'Good');
	await expect(page.locator('.prompt')).toHaveText('What rings here?');
	const sound = page.locator('audio.sound');
	await expect(sound).toBeVisible();
	// The sound is decoded from the stored Blob: its length is known, so it can play.
	await expect.poll(() => sound.evaluate((a: HTMLAudioElement) => a.duration)).toBeGreaterThan(0.3);
	await shot(page, 'anki15-sound');
});
