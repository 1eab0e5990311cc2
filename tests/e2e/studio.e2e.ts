import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { compileAuthoredDeck } from '../../src/lib/deck/authored';
import { axe, waitForServiceWorker } from './helpers';

// Offline and install behaviour: the service worker is what these tests are about.
test.use({ serviceWorkers: 'allow' });

const ARTICLE = [
	'<h1>Apollo 11</h1>',
	'<p>Apollo 11 was the first crewed mission to land on the Moon. The lunar module was called <b>Eagle</b>.</p>',
	'<p>Neil Armstrong was the first person to walk on the Moon. Michael Collins stayed in orbit.</p>',
	'<p>The Apollo 11 mission landed on the Moon on 20 July 1969.</p><script>alert(1)</script>'
].join('');

/** Pastes HTML into a field as a browser does from a web page (a clipboard with an HTML flavour). */
async function pasteHtml(field: Locator, html: string) {
	await field.evaluate((el, markup) => {
		const data = new DataTransfer();
		data.setData('text/html', markup);
		data.setData('text/plain', markup.replace(/<[^>]+>/g, ''));
		el.focus();
		el.dispatchEvent(
			new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
		);
	}, html);
}

/** Selects a phrase in a text area, as a finger or mouse would. */
async function select(area: Locator, phrase: string) {
	await area.evaluate((el, p) => {
		const t = el as HTMLTextAreaElement;
		const start = t.value.indexOf(p);
		if (start === -1) throw new Error(`"${p}" is not in the text`);
		t.focus();
		t.setSelectionRange(start, start + p.length);
	}, phrase);
}

async function addCard(page: Page, button: string, prompt: string, answer?: string) {
	await page.getByRole('button', { name: 'Cards', exact: true }).click();
	await page.getByRole('button', { name: button }).click();
	await page.locator('#field-prompt').fill(prompt);
	if (answer !== undefined) await page.locator('#field-answer').fill(answer);
}

/**
 * Types into a field and reads the problems shown under it: none of the keystroke's checking runs
 * in the keystroke's own frame (what shows then is what showed before), and the card's own check
 * shows its problems at the first idle moment after that frame, long before the draft is saved
 * (300 ms) and the worker checks the whole deck: what shows came from the keystroke itself.
 */
async function typeAndReadProblems(field: Locator, value: string): Promise<string> {
	const { before, inFrame, after } = await field.evaluate(async (el, text) => {
		const input = el as HTMLInputElement;
		const problems = () => document.getElementById(`${input.id}-errors`)?.textContent ?? '';
		const before = problems();
		input.value = text;
		input.dispatchEvent(new Event('input', { bubbles: true }));
		// Svelte redraws in a microtask: this is the keystroke's frame.
		for (let i = 0; i < 20; i++) await Promise.resolve();
		const inFrame = problems();
		await new Promise((r) => requestAnimationFrame(r));
		await new Promise((r) => requestIdleCallback(r, { timeout: 100 }));
		return { before, inFrame, after: problems() };
	}, value);
	expect(inFrame).toBe(before);
	return after;
}

async function quoteFromSource(page: Page, sentence: string) {
	await page.getByText('Pick from the source text').click();
	await select(page.locator('#source-pick'), sentence);
	await page.getByRole('button', { name: 'Quote this', exact: true }).click();
	await expect(page.locator('#field-quote')).toHaveValue(sentence);
	await expect(page.getByText('✓ Found in the source text')).toBeVisible();
}

test('an instructor writes, checks, previews, studies, fixes and shares a deck, offline', async ({
	page,
	context
}) => {
	// Measured about 40 s on a 2-core machine under load (five cards typed, a reload, an install).
	test.setTimeout(90_000);
	await page.goto('/studio/');
	await waitForServiceWorker(page);
	// Authoring needs no network: everything below until the review runs offline.
	await context.setOffline(true);
	await expect(page.getByText('No drafts yet.')).toBeVisible();
	await page.getByRole('button', { name: 'New deck' }).click();
	await expect(page).toHaveURL(/\/studio\/edit\/\?draft=/);
	await page.getByLabel('Title', { exact: true }).fill('Apollo 11 in five cards');
	await page.getByLabel('Source title').fill('Apollo 11 in brief');

	// The source: pasted from a web page, kept as plain text.
	await page.getByRole('button', { name: 'Source', exact: true }).click();
	const source = page.locator('#source-text');
	await pasteHtml(source, ARTICLE);
	await expect(source).toHaveValue(/The lunar module was called Eagle\./);
	expect(await source.inputValue()).not.toMatch(/<|alert/);

	// Make a cloze from a selected phrase.
	await select(source, 'Eagle');
	await page.getByRole('button', { name: 'Make a cloze' }).click();
	await expect(page.locator('#field-prompt')).toHaveValue('The lunar module was called ___.');
	await expect(page.locator('#field-answer')).toHaveValue('Eagle');
	await expect(page.locator('#field-quote')).toHaveValue('The lunar module was called Eagle.');

	// A question, quoted from the source.
	await addCard(page, '+ Question', 'Who stayed in orbit?', 'Michael Collins');
	await quoteFromSource(page, 'Michael Collins stayed in orbit.');

	// Multiple choice: a distractor that is the answer is an error next to its field, fixed.
	await addCard(page, '+ Multiple choice', 'Who was the first person to walk on the Moon?');
	await page.locator('#field-answer').fill('Neil Armstrong');
	await page.locator('#field-answer-type').fill('person');
	await page.locator('#field-distractor-1').fill('neil armstrong');
	await page.locator('#field-distractor-2').fill('Buzz Aldrin');
	await page.locator('#field-distractor-3').fill('Yuri Gagarin');
	await page.locator('#field-quote').fill('Neil Armstrong was the first man to walk on the Moon.');
	await expect(
		page.getByText('Wrong answer 1: is the answer: write a wrong answer that differs from it')
	).toBeVisible();
	await expect(page.locator('#field-distractor-1')).toHaveAttribute('aria-invalid', 'true');
	// A near miss says where the quote differs from the source.
	await expect(
		page.getByText(
			/you wrote “man to walk on the Moon\.”, the source has “person to walk on the Moon\.”/
		)
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Problems (2)' })).toBeVisible();
	await page.getByRole('button', { name: 'Problems (2)' }).click();
	await expect(page.getByText(/is not in the source text: it matches up to/)).toBeVisible();
	await page.getByRole('button', { name: /Card 3 · wrong answer 1/ }).click();
	await expect(page.locator('#field-distractor-1')).toBeFocused();
	await page.locator('#field-distractor-1').fill('Michael Collins');
	await quoteFromSource(page, 'Neil Armstrong was the first person to walk on the Moon.');

	// Typed, with a date answer and another accepted form. A date the app cannot read is an error
	// next to the answer on the keystroke that makes it, and goes on the one that fixes it.
	await addCard(page, '+ Typed', 'On what date did Apollo 11 land on the Moon?');
	await page.locator('#field-answer-type').fill('date');
	const answer = page.locator('#field-answer');
	expect(await typeAndReadProblems(answer, '31st of Augustus')).toContain(
		'Answer: "31st of Augustus" is not a date the app can read ("Augustus" is not a month: did you mean August?)'
	);
	await expect(answer).toHaveAttribute('aria-invalid', 'true');
	expect(await typeAndReadProblems(answer, '20 July 1969')).toBe('');
	await expect(answer).toHaveAttribute('aria-invalid', 'false');
	await page.locator('#field-accept').fill('July 20, 1969');
	await quoteFromSource(page, 'The Apollo 11 mission landed on the Moon on 20 July 1969.');

	// True or false.
	await addCard(page, '+ True or false', 'The lunar module was called Columbia.');
	await page.getByRole('radio', { name: 'False' }).check();
	await page.locator('#field-explanation').fill('Columbia was the command module.');
	await quoteFromSource(page, 'The lunar module was called Eagle.');
	await expect(page.getByRole('button', { name: 'Problems', exact: true })).toBeVisible();

	// Preview the typed card as a learner: the real matcher accepts another form of the date.
	await page.getByRole('button', { name: 'Cards', exact: true }).click();
	await page.getByRole('button', { name: /On what date did Apollo 11/ }).click();
	await page.getByRole('button', { name: 'Typing' }).click();
	await page.getByLabel('Your answer').fill('1969-07-20');
	await page.getByRole('button', { name: 'Check' }).click();
	await expect(page.locator('#feedback-title')).toContainText('✓');
	// A surname alone, graded as the review grades it: the deck's people are known to the preview.
	await page.getByRole('button', { name: 'Cards', exact: true }).click();
	await page.getByRole('button', { name: /Who was the first person/ }).click();
	await page.getByRole('button', { name: 'Typing' }).click();
	await page.getByLabel('Your answer').fill('Armstrong');
	await page.getByRole('button', { name: 'Check' }).click();
	await expect(page.locator('#feedback-title')).toHaveText('✓ Accepted: surname alone');
	await expect(page.getByText('The review would propose: Hard')).toBeVisible();
	await axe(page, 'studio card editor');

	// A reload (a killed tab) keeps the draft: every change was saved as it was made.
	await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
	await page.reload();
	await page.getByRole('button', { name: 'Cards', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Cards (5)' })).toBeVisible();

	// Download the YAML: the deck checker's own function accepts it as it is.
	await page.getByRole('button', { name: 'Share', exact: true }).click();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download YAML' }).click()
	]);
	const yaml = readFileSync((await download.path())!, 'utf8');
	const sourceText = await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('recall');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const rows = await new Promise<{ deck: { sourceText: string } }[]>((resolve) => {
			const req = db.transaction('drafts').objectStore('drafts').getAll();
			req.onsuccess = () => resolve(req.result);
		});
		db.close();
		return rows[0]!.deck.sourceText;
	});
	const checked = compileAuthoredDeck({
		file: download.suggestedFilename(),
		text: yaml,
		readSource: () => sourceText
	});
	expect(checked.ok ? checked.deck.cards.map((c) => c.kind) : checked.errors).toEqual([
		'cloze',
		'basic',
		'mcq',
		'typed',
		'truefalse'
	]);
	expect(download.suggestedFilename()).toBe('apollo-11-five-cards.yaml');

	// Study it.
	await page.getByRole('button', { name: 'Install and study' }).click();
	await page.getByRole('link', { name: 'Study it now' }).click();
	await expect(page.locator('.prompt')).toBeVisible();

	// A typo seen while studying: Edit card, fix, save to the deck; the learner's copy is version 2.
	await page.getByText('Card options').click();
	await page.getByRole('link', { name: 'Edit card' }).click();
	const prompt = page.locator('#field-prompt');
	await expect(prompt).toBeVisible();
	const before = await prompt.inputValue();
	await prompt.fill(`${before} (fixed)`);
	await page.getByRole('button', { name: 'Save to my deck' }).click();
	await expect(page).toHaveURL(/\/review\/\?deck=apollo-11-five-cards/);
	await expect(page.locator('.prompt')).toBeVisible();
	const saved = await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('recall');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const get = <T>(store: string) =>
			new Promise<T[]>((resolve) => {
				const req = db.transaction(store).objectStore(store).getAll();
				req.onsuccess = () => resolve(req.result as T[]);
			});
		const decks = await get<{ id: string; version: number }>('decks');
		const cards = await get<{ deckId: string; content: { prompt: string } }>('cards');
		db.close();
		return {
			version: decks.find((d) => d.id === 'apollo-11-five-cards')?.version,
			prompts: cards.filter((c) => c.deckId === 'apollo-11-five-cards').map((c) => c.content.prompt)
		};
	});
	expect(saved.version).toBe(2);
	expect(saved.prompts).toContain(`${before} (fixed)`);
	expect(saved.prompts).toHaveLength(5);
});
