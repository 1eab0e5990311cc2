import { expect, test, type Page } from '@playwright/test';
import { default_w } from 'ts-fsrs';
import { memoryModel, type Memory } from '../../src/lib/scheduler/memory-model';
import { seeded } from '../../src/lib/scheduler/random';
import { answer, openReview, words } from './helpers';

const DAY = 86_400_000;

test('issue 16: the workload chart simulates a year of this collection and marks an optimum', async ({
	page
}) => {
	// The simulation takes seconds on a quiet machine; on a busy one, several times that.
	test.setTimeout(120_000);
	await openReview(page);
	for (let i = 0; i < 3; i++) await answer(page, 'Good');
	await page.goto('/settings/');
	await page.getByRole('button', { name: 'Show my workload' }).click();
	// 28 retentions, three simulated years each, in a worker: seconds, more on a busy machine.
	const summary = page.getByTestId('workload-summary');
	await expect(summary).toContainText(/about \d+(\.\d)? reviews a day/, { timeout: 90_000 });
	await expect(summary).toContainText(/least study time per remembered card is at \d\d%/);
	const chart = page.getByRole('img', { name: /Workload and retention/ });
	await expect(chart).toBeVisible();
	await page.getByText('As a table').click();
	const rows = page.locator('.workload tbody tr');
	await expect(rows).toHaveCount(28);
	await expect(rows.first()).toContainText('70%');
	await expect(rows.last()).toContainText('97%');
	await expect(page.locator('.workload tbody tr.best')).toHaveCount(1);
});

/** A log of answers from a learner whose memory follows `w`, studied at about 90% retention. */
function syntheticLog(w: readonly number[], cards: number, answersPerCard: number) {
	const random = seeded(16);
	const model = memoryModel(w);
	const start = Date.UTC(2026, 0, 5, 12);
	const rows = [];
	for (let c = 0; c < cards; c++) {
		let memory: Memory | undefined;
		let at = start + (c % 30) * DAY;
		for (let n = 0; n < answersPerCard; n++) {
			const recalled = memory ? random() < model.recall(memory, at) : random() < 0.7;
			const grade = recalled ? 3 : 1;
			rows.push({
				id: `syn-${c}-${n}`,
				uid: `syn|${c}`,
				deckId: 'syn',
				cardId: String(c),
				note: String(c),
				kind: 'review',
				grade,
				reviewedAt: at,
				durationMs: 5000,
				mode: 'flashcard',
				before: {
					due: at,
					stability: 0,
					difficulty: 0,
					scheduled_days: 0,
					learning_steps: 0,
					reps: n,
					lapses: 0,
					state: n === 0 ? 0 : 2,
					last_review: null
				}
			});
			memory = model.update(memory, grade, at);
			// The next answer when recall is due to fall to about 90%, a little early or late.
			const days = Math.max(1, Math.round(memory.state.stability * (0.6 + random() * 0.8)));
			at += days * DAY + Math.floor(random() * 3_600_000);
		}
	}
	return rows;
}

async function writeLogs(page: Page, rows: unknown[]) {
	await page.evaluate(
		(rows) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('recall');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction('reviewLogs', 'readwrite');
					for (const row of rows) tx.objectStore('reviewLogs').put(row);
					tx.oncomplete = () => (db.close(), resolve());
					tx.onerror = () => reject(tx.error);
				};
			}),
		rows
	);
}

test('issue 16: Optimize my schedule fits a log and compares it on held-out answers', async ({
	page
}) => {
	// A fit takes about 5 s on a quiet 2-core machine and several times that beside other work.
	test.setTimeout(90_000);
	// A learner whose memories grow more slowly than FSRS's defaults assume.
	const w = [...default_w];
	[w[0], w[1], w[2], w[3], w[8]] = [0.4, 0.9, 1.6, 5, 0.9];
	await page.goto('/settings/');
	await expect(page.getByRole('button', { name: 'Optimize my schedule' })).toBeVisible();
	await writeLogs(page, syntheticLog(w, 160, 8));
	await page.getByRole('button', { name: 'Optimize my schedule' }).click();
	// The WebAssembly optimizer fits 1,280 answers in a worker: seconds, more on a busy machine.
	const table = page.getByRole('table').filter({ hasText: 'Log loss' });
	await expect(table).toBeVisible({ timeout: 75_000 });
	await expect(table).toContainText(words('most recent answers'));
	const cells = await table.locator('tbody tr').allInnerTexts();
	const [current, fitted] = cells.map((row) => row.split(/\s+/).slice(1).map(Number));
	expect(current).toHaveLength(2);
	expect(fitted).toHaveLength(2);
	// The fitted parameters predict this learner better than the defaults: log loss and RMSE.
	expect(fitted?.[0]).toBeLessThan(current?.[0] ?? 0);
	expect(fitted?.[1]).toBeLessThan(current?.[1] ?? 0);
	await expect(page.getByRole('button', { name: 'Use the new parameters' })).toBeVisible();
	await page.getByRole('button', { name: 'Keep mine' }).click();
	await expect(table).toBeHidden();
	await expect(
		page.getByRole('button', { name: 'Go back to the previous parameters' })
	).toBeHidden();
});

test('issue 16: load balancing is on by default; easy days are kept after a save', async ({
	page
}) => {
	await page.goto('/settings/');
	const balance = page.getByLabel(/Balance the load/);
	// The first visit opens the database and installs the bundled decks before settings show.
	await expect(balance).toBeChecked({ timeout: 20_000 });
	const sunday = page.getByRole('combobox', { name: 'Sunday' });
	await expect(sunday).toHaveValue('1');
	await sunday.selectOption({ label: 'Reduced' });
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Settings saved.')).toBeVisible();
	await page.reload();
	await expect(page.getByRole('combobox', { name: 'Sunday' })).toHaveValue('0.5');
	await page.getByLabel(/Balance the load/).uncheck();
	// Easy days need the load balancing: off, they cannot be changed.
	await expect(page.getByRole('combobox', { name: 'Sunday' })).toBeDisabled();
});
