import { expect, test } from '@playwright/test';
import { axe, openHome } from './helpers';

const GROUPS = [
	'Daily study',
	'Memory & scheduling',
	'Decks & quizzes',
	'Appearance',
	'Your data & safety',
	'Automatic snapshots'
];

test('issue 13: settings are grouped, with contents at the top that jump to each group', async ({
	page
}) => {
	// The home screen installs the bundled decks, whose quiz modes the settings offer.
	await openHome(page);
	await page.goto('/settings/');
	await expect(page.getByLabel('New cards a day')).toBeVisible();

	// The contents are on the first screen of a phone, one link per group, in the page's order.
	const contents = page.getByRole('navigation', { name: 'Settings sections' });
	await expect(contents.getByRole('link')).toHaveText(GROUPS);
	await expect(contents).toBeInViewport({ ratio: 1 });
	await expect(page.getByRole('heading', { level: 2 })).toHaveText(GROUPS);

	// Every control sits in the group a learner would look in.
	const group = (name: string) => page.getByRole('region', { name, exact: true });
	for (const label of [
		'New cards a day',
		'Reviews a day',
		/A new study day starts at/,
		'Learning steps',
		'Relearning steps'
	])
		await expect(group('Daily study').getByLabel(label, { exact: true })).toBeVisible();
	for (const label of [
		/Desired retention/,
		'Maximum interval (days)',
		/Leech after/,
		/fuzz/,
		/Balance the load/
	])
		await expect(group('Memory & scheduling').getByLabel(label)).toBeVisible();
	await expect(
		group('Decks & quizzes').getByRole('combobox', { name: 'Two-plus-two basics' })
	).toBeVisible();
	await expect(group('Decks & quizzes').getByLabel('Cloze')).toBeVisible();
	await expect(group('Appearance').getByLabel('Dark')).toBeVisible();
	await expect(group('Appearance').getByLabel('Reduce motion (no animations)')).toBeVisible();
	const data = group('Your data & safety');
	await expect(data.getByTestId('storage-status')).toBeVisible();
	await expect(data.getByRole('button', { name: 'Check database' })).toBeVisible();
	await expect(data.getByRole('link', { name: 'Back up, restore and export' })).toBeVisible();
	await expect(
		group('Automatic snapshots').getByRole('button', { name: 'Take a snapshot now' })
	).toBeVisible();

	// A contents link brings its group onto the screen.
	const heading = page.getByRole('heading', { name: 'Your data & safety' });
	await expect(heading).not.toBeInViewport();
	await contents.getByRole('link', { name: 'Your data & safety' }).click();
	await expect(heading).toBeInViewport();
	await expect(page).toHaveURL(/#data-title$/);

	// Saving still keeps what was changed in the first group.
	await page.getByLabel('New cards a day').fill('31');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Settings saved.')).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('New cards a day')).toHaveValue('31');
});

test('issue 13: the grouped settings page passes axe in light and dark mode at 390 px', async ({
	page
}) => {
	// Two axe scans of the longest page: over 30 s at a load average of 30.
	test.setTimeout(90_000);
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.goto('/settings/');
		await expect(page.getByLabel('New cards a day')).toBeVisible();
		await expect(page.getByText(/Loading/)).toHaveCount(0);
		await axe(page, `settings, ${scheme}`);
	}
});
