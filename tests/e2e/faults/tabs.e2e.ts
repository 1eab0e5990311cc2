import { expect, test, type Page } from '@playwright/test';
import { answer, countRows, openFullReview, openReview, readRows, settled } from '../helpers';
import {
	allowAllNewCards,
	answeredCount,
	ratingButton,
	RATINGS,
	reveal,
	runCheckDatabase,
	seeded,
	type Rating
} from './support';

interface Log {
	id: string;
	uid: string;
	kind: string;
	before: { due: number; reps: number; state: number; last_review: number | null };
}

const TABS = 3;
const STEPS = 36;

const ratingsOf = (page: Page) =>
	page.getByRole('group', { name: /How well did you know it|Change the rating/ });

/** Clicks a rating from inside the page, at once, if the card on screen still offers one. */
const clickRatingNow = (page: Page, rating: Rating) =>
	page.evaluate((name) => {
		// The rating buttons stay in the page between cards, hidden: only shown ones are offered.
		const buttons = [...document.querySelectorAll<HTMLButtonElement>('.ratings button')].filter(
			(b) => !b.closest('[hidden], .gone')
		);
		const button = buttons.find((b) => b.querySelector('.name')?.textContent === name);
		button?.click();
		return !!button;
	}, rating);

// Issue "Reliability": several tabs on one deck never count an answer twice nor lose one.
test('three tabs answering one deck at once: every answer logged exactly once', async ({
	context,
	baseURL
}) => {
	// Measured 40 s on the 2-core machine under other load.
	test.setTimeout(180_000);
	const origin = baseURL as string;
	const random = seeded('several tabs');
	const first = await context.newPage();
	await first.goto(`${origin}/review/`);
	await expect(first.locator('.prompt')).toBeVisible();
	await allowAllNewCards(first, origin);
	const tabs: Page[] = [first];
	while (tabs.length < TABS) tabs.push(await context.newPage());
	for (const tab of tabs) {
		await tab.goto(`${origin}/review/`);
		await expect(tab.locator('.prompt')).toBeVisible();
	}

	const logs = () => readRows<Log>(first, 'reviewLogs');
	const acknowledged = async () =>
		(await Promise.all(tabs.map(answeredCount))).reduce((a, b) => a + b, 0);
	// The log ids that existed when each tab revealed the card it shows: whatever was written
	// after that about the same card, that tab's learner never saw.
	const shownWith = new Map<Page, Set<string>>();
	async function showAnswer(tab: Page) {
		// The learner switches to that tab (Chromium only paints the tab in front).
		await tab.bringToFront();
		if (await ratingsOf(tab).isVisible()) return;
		await reveal(tab);
		shownWith.set(tab, new Set((await logs()).map((l) => l.id)));
	}
	const tally = { races: 0, steps: 0, refusedOrMovedOn: 0 };

	for (let step = 0; step < STEPS; step++) {
		if (random.next() < 0.35) {
			// A race: every tab shows its card's answer, then all rate at the same moment.
			tally.races++;
			for (const tab of tabs) await showAnswer(tab);
			const before = new Set((await logs()).map((l) => l.id));
			// Clicked inside each page, so the three clicks land within a few milliseconds of each
			// other; a tab whose card already moved on has no rating button left to click.
			await Promise.all(tabs.map((tab) => clickRatingNow(tab, random.pick(RATINGS))));
			for (const tab of tabs) await expect(ratingsOf(tab)).toBeHidden();
			for (const tab of tabs) await settled(tab);
			const added = (await logs()).filter((l) => !before.has(l.id));
			// One showing, one answer: a card answered by two tabs at once is logged once.
			expect(new Set(added.map((l) => l.uid)).size, 'one card logged twice in a race').toBe(
				added.length
			);
			tally.refusedOrMovedOn += TABS - added.length;
		} else {
			// Interleaved: one tab goes on; sometimes it only shows the answer and waits, so that
			// other tabs answer the same card while it is on screen here.
			tally.steps++;
			const tab = random.pick(tabs);
			await showAnswer(tab);
			if (random.next() < 0.3) continue;
			const before = await logs();
			const count = await answeredCount(tab);
			await tab.bringToFront();
			await ratingButton(ratingsOf(tab), random.pick(RATINGS)).click();
			await expect(ratingsOf(tab)).toBeHidden();
			await settled(tab);
			const known = new Set(before.map((l) => l.id));
			const added = (await logs()).filter((l) => !known.has(l.id));
			if ((await answeredCount(tab)) === count + 1) {
				expect(added).toHaveLength(1);
				const seen = shownWith.get(tab) ?? new Set();
				const meanwhile = before.filter((l) => l.uid === added[0]?.uid && !seen.has(l.id));
				// The card was answered in another tab after this tab showed it: this tab's rating
				// was for a state its learner never saw, and must be refused.
				expect(meanwhile, 'an answer recorded over one given in another tab').toEqual([]);
			} else {
				expect(added).toHaveLength(0);
				tally.refusedOrMovedOn++;
			}
		}
		// Nothing lost, nothing extra: every log row is an answer some tab acknowledged.
		expect((await logs()).length).toBe(await acknowledged());
	}

	const all = await logs();
	const states = all.map((l) => `${l.uid} ${JSON.stringify(l.before)}`);
	expect(new Set(states).size, 'two scheduling logs from one card state').toBe(states.length);
	expect(all.length).toBeGreaterThan(10);
	expect(await runCheckDatabase(first, origin)).toContain('Every card matches its history.');
	console.log(
		`[faults] several tabs: ${all.length} answers logged, each once; ${tally.races} races and ` +
			`${tally.steps} interleaved steps; ${tally.refusedOrMovedOn} ratings refused or moved on`
	);
});

// Found by the test above: a card answered Again in one tab stays due, so the other tab kept it on
// screen with its answer shown, and took a second rating for a state its learner never saw.
test('a card answered in another tab while its answer is shown here moves on here too', async ({
	context
}) => {
	const here = await context.newPage();
	await openFullReview(here);
	const there = await context.newPage();
	await openReview(there);
	const prompt = await here.locator('.prompt').textContent();
	await expect(there.locator('.prompt')).toHaveText(prompt ?? '');
	await here.bringToFront();
	await reveal(here);
	await there.bringToFront();
	await answer(there, 'Again');

	await here.bringToFront();
	await expect(here.getByText(/just answered in another tab or window/)).toBeVisible();
	await expect(ratingsOf(here)).toBeHidden();
	await expect(here.locator('.prompt')).not.toHaveText(prompt ?? '');
	expect(await clickRatingNow(here, 'Good')).toBe(false);
	expect(await countRows(here, 'reviewLogs')).toBe(1);
});
