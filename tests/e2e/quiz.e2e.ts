import { expect, test, type Page } from '@playwright/test';
import { axe, countRows, readRows } from './helpers';

interface Log {
	cardId: string;
	grade: number;
	mode: string;
	correct?: boolean;
	response?: string;
	overridden?: boolean;
	durationMs: number;
	kind: string;
}

const lead = (page: Page) => page.locator('.lead');
const prompt = (page: Page) => page.locator('.prompt');

async function logOf(page: Page, cardId: string): Promise<Log | undefined> {
	// Wait for this card's own answer: an earlier card's log must not stand in for it.
	let log: Log | undefined;
	await expect
		.poll(async () => {
			log = (await readRows<Log>(page, 'reviewLogs')).find((l) => l.cardId === cardId);
			return log !== undefined;
		}, `an answer to ${cardId} is written`)
		.toBe(true);
	return log;
}

/**
 * The hand-written deck has two cards of each kind, in this order: each kind is answered once right
 * and once wrong, and the rating written to the log is checked. Under the fixed "Fill in the blank"
 * mode every card is asked in its own kind from its first showing (typed cards typed, cloze cards
 * with a blank to fill); the mixed mode asks new typed cards as flashcards (tested below).
 */
test('every card kind, right and wrong, writes the rating the learner saw', async ({ page }) => {
	// Ten axe scans: measured 9 s alone, 46 and 56 s in full runs on this 2-core machine under load.
	test.setTimeout(150_000);
	await page.goto('/review/?deck=two-plus-two-basics');
	await expect(prompt(page)).toBeVisible();
	await page.goto('/settings/');
	const mode = page.getByRole('combobox', { name: 'Two-plus-two basics' });
	// Issue 13: short labels that fit a phone, with what the chosen mode does said below.
	await expect(mode).toHaveAccessibleDescription(/Choices or flashcards while a card is new/);
	await mode.selectOption({ label: 'Fill in the blank' });
	await expect(mode).toHaveAccessibleDescription(/Type the missing words of fill-in cards/);
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Settings saved.')).toBeVisible();
	await page.goto('/review/?deck=two-plus-two-basics');

	// Flashcard (basic): reveal with Space, self-rate.
	await expect(prompt(page)).toContainText('two-plus-two consultations take place?');
	await axe(page, 'flashcard');
	await page.keyboard.press('Space');
	await page.keyboard.press('3');
	expect(await logOf(page, 'meeting-place')).toMatchObject({ grade: 3, mode: 'flashcard' });
	await expect(lead(page)).toHaveText('Question');
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Again/ }).click();
	expect(await logOf(page, 'aegis-concern')).toMatchObject({ grade: 1, mode: 'flashcard' });

	// Multiple choice: right by tap, wrong by key.
	await expect(lead(page)).toHaveText('Choose the answer');
	await expect(page.locator('.option')).toHaveCount(4);
	await axe(page, 'mcq');
	// Issue 16: a right choice on a new card proposes Hard (a guess is right one time in four).
	await page.getByRole('button', { name: /Nikolai Yevmenov/ }).click();
	await expect(page.getByRole('heading', { name: /Right/ })).toBeFocused();
	await expect(page.getByText('✓ Right, but four choices can be guessed')).toBeVisible();
	await axe(page, 'mcq feedback');
	await page.getByRole('button', { name: /^Continue · rated Hard/ }).click();
	expect(await logOf(page, 'navy-chief')).toMatchObject({
		grade: 2,
		mode: 'mcq',
		correct: true,
		overridden: false,
		response: 'Nikolai Yevmenov'
	});
	await expect(lead(page)).toHaveText('Choose the answer');
	const options = await page.locator('.option .text').allTextContents();
	const wrong = options.findIndex((o) => o !== 'Peter the Great Bay');
	await page.keyboard.press(String(wrong + 1));
	await expect(page.getByText('✗ Not quite')).toBeVisible();
	await expect(page.getByRole('button', { name: /^Continue · rated Again/ })).toBeVisible();
	await page.keyboard.press('Enter');
	expect(await logOf(page, 'sarex-place')).toMatchObject({ grade: 1, mode: 'mcq', correct: false });

	// Typed: another written form of the date is accepted leniently (Hard); a wrong answer the
	// learner overrides to Good is logged as overridden.
	await expect(lead(page)).toHaveText('Type the answer');
	const input = page.getByLabel('Your answer');
	await expect(input).toHaveAttribute('autocapitalize', 'off');
	await expect(input).toHaveAttribute('autocorrect', 'off');
	await expect(input).toHaveAttribute('enterkeyhint', 'done');
	await axe(page, 'typed');
	await input.fill('Nov 2013');
	await input.press('Enter');
	await expect(page.getByRole('button', { name: /^Continue · rated Hard/ })).toBeVisible();
	await page.getByRole('button', { name: /^Continue/ }).click();
	expect(await logOf(page, 'format-created')).toMatchObject({
		grade: 2,
		mode: 'typed',
		correct: true,
		response: 'Nov 2013'
	});
	await expect(lead(page)).toHaveText('Type the answer');
	await page.getByLabel('Your answer').fill('Sarex-2018');
	await page.getByLabel('Your answer').press('Enter');
	await expect(page.getByText('✗')).toBeVisible();
	await page.getByRole('button', { name: /^Good/ }).click();
	expect(await logOf(page, 'sarex-name')).toMatchObject({
		grade: 3,
		mode: 'typed',
		correct: false,
		overridden: true
	});

	// True/false: keys T and F.
	await expect(lead(page)).toHaveText('True or false?');
	await axe(page, 'truefalse');
	await page.keyboard.press('t');
	await expect(page.getByText('✓ Right, but true or false can be guessed')).toBeVisible();
	await page.keyboard.press('Enter');
	expect(await logOf(page, 'iran-assessment')).toMatchObject({ grade: 2, mode: 'truefalse' });
	await expect(lead(page)).toHaveText('True or false?');
	await page.getByRole('button', { name: 'True', exact: true }).click();
	await page.keyboard.press('Enter');
	expect(await logOf(page, 'dprk-sanctions')).toMatchObject({
		grade: 1,
		mode: 'truefalse',
		correct: false
	});

	// Cloze: the quote with a blank, answered by typing.
	await expect(lead(page)).toHaveText('Fill in the blank');
	await expect(prompt(page)).toContainText('blank');
	await axe(page, 'cloze');
	await page.getByLabel('The missing words').fill('Fourth');
	await page.keyboard.press('Enter');
	await page.keyboard.press('Enter');
	expect(await logOf(page, 'fourth-meeting')).toMatchObject({ grade: 3, mode: 'cloze' });
	await page.getByLabel('The missing words').fill('Kyoto');
	await page.keyboard.press('Enter');
	await axe(page, 'cloze feedback');
	await page.keyboard.press('Enter');
	expect(await logOf(page, 'g20-city')).toMatchObject({ grade: 1, mode: 'cloze', correct: false });
});

test('issue 13: under the mixed mode a new card with too few choices is a flashcard, not a typing test', async ({
	page
}) => {
	await page.goto('/review/?deck=two-plus-two-basics');
	// Two flashcards and two multiple-choice cards come first; then the typed cards, whose answers
	// have too few others of their type in the deck for four choices.
	for (let i = 0; i < 2; i++) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: /^Good/ }).click();
	}
	for (let i = 0; i < 2; i++) {
		await expect(lead(page)).toHaveText('Choose the answer');
		await page.locator('.option').first().click();
		await page.getByRole('button', { name: /^Continue/ }).click();
	}
	await expect(prompt(page)).toContainText('was the Russia-Japan two-plus-two format created?');
	await expect(lead(page)).toHaveText('Question');
	await expect(page.getByLabel('Your answer')).toHaveCount(0);
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good/ }).click();
	expect(await logOf(page, 'format-created')).toMatchObject({ grade: 3, mode: 'flashcard' });
	await expect(prompt(page)).toContainText('search and rescue exercises to be held in mid-June?');
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await expect(page.getByLabel('Your answer')).toHaveCount(0);
});

test('a practice test is scored, lists the missed questions and changes no schedule', async ({
	page
}) => {
	await page.goto('/review/');
	await expect(
		page.getByRole('button', { name: 'Show answer' }).or(lead(page)).first()
	).toBeVisible();
	// The first card shows once the small deck is in; the schedule is read after the larger one.
	await expect.poll(() => countRows(page, 'cards'), { timeout: 30_000 }).toBe(325);
	type Row = { uid: string; due: number; reps: number; stability: number; state: number };
	const schedule = async () =>
		(await readRows<Row>(page, 'cards')).map(({ uid, due, reps, stability, state }) => ({
			uid,
			due,
			reps,
			stability,
			state
		}));
	const before = await schedule();
	await page.goto('/practice/?deck=two-plus-two-basics&n=4');
	await expect(page.getByText('Question 1 of 4')).toBeVisible();
	await axe(page, 'practice');
	for (let i = 0; i < 4; i++) {
		await expect(page.getByText(`Question ${i + 1} of 4`)).toBeVisible();
		if (await page.getByRole('button', { name: 'Show answer' }).isVisible()) {
			await page.getByRole('button', { name: 'Show answer' }).click();
			await page.getByRole('button', { name: 'Missed it' }).click();
			continue;
		}
		const mode = await lead(page).textContent();
		if (mode === 'True or false?') await page.keyboard.press('f');
		else if (mode?.startsWith('Choose')) await page.locator('.option').first().click();
		else {
			await page.locator('#typed-answer').fill('no idea');
			await page.keyboard.press('Enter');
		}
		await page.getByRole('button', { name: 'Next' }).click();
	}
	await expect(page.getByRole('heading', { name: /^Score: \d \/ 4$/ })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Missed questions' })).toBeVisible();
	await axe(page, 'practice score');
	const logs = await readRows<Log>(page, 'reviewLogs');
	expect(logs.filter((l) => l.kind === 'practice')).toHaveLength(4);
	expect(await schedule()).toEqual(before);
});
