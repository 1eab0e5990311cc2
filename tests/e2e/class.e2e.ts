import { expect, test, type Browser, type Page } from '@playwright/test';
import { startSyncServer, type SyncServer } from '../../scripts/sync/server';
import { adminFetch, createClass, createUser } from '../../scripts/sync/users';
import { answer, phoneContext, openReview, readRows } from './helpers';

// An instructor publishes a deck and a correction from the studio to a class database; a learner
// joins by the link and gets both with progress kept; a learner cannot publish. The CouchDB-protocol
// test server runs in this process on a free port and is stopped after the file, also on failure.
let server: SyncServer;
test.beforeAll(async () => {
	server = await startSyncServer({ port: 0 });
	await createUser(server, 'tess', 'teach');
	await createUser(server, 'liv', 'learn', ['class-geo']);
	await createClass(server, 'class-geo', 'tess', 'class-geo');
});
test.afterAll(async () => {
	await server?.close();
});

// Same host name as the app, so the session cookie is same-site (see sync.e2e.ts).
const address = () => `http://localhost:${server.port}`;

const SOURCE =
	'The capital of France is Paris. The capital of Peru is Lima. The capital of Chile is Santiago.';
const card = (id: string, country: string, city: string) => `  - id: ${id}
    kind: basic
    prompt: What is the capital of ${country}?
    answer: ${city}
    source:
      quote: The capital of ${country} is ${city}.
`;
const deckYaml = (cards: string[]) =>
	`id: geo-capitals\ntitle: Capitals\nversion: 1\nsourceFile: source.txt\ncards:\n${cards.join('')}`;
const FIRST = deckYaml([card('france', 'France', 'Paris'), card('peru', 'Peru', 'Lima')]);
const CORRECTED = deckYaml([
	card('france', 'France', 'Paris'),
	card('peru', 'Peru', 'Lima'),
	card('chile', 'Chile', 'Santiago')
]);

async function person(browser: Browser) {
	const context = await phoneContext(browser);
	return { context, page: await context.newPage() };
}

async function signIn(page: Page, user: string, password: string) {
	await page.getByLabel('Server address').fill(address());
	await page.getByLabel('User name').fill(user);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in and sync' }).click();
	// Sign-in, the first replication and (by a join link) joining the class, beside the first
	// visit's install of the bundled decks: seconds on a loaded 2-core machine.
	await expect(page.getByTestId('sync-status')).toHaveText(/^Synced/, { timeout: 20_000 });
}

/** Opens a deck file in the studio and goes to its Share tab, where "Publish to class" is. */
async function openInStudio(page: Page, yaml: string) {
	await page.goto('/studio/');
	const input = page.locator('input[type=file]');
	await expect(input).toBeEnabled();
	await input.setInputFiles([
		{ name: 'deck.yaml', mimeType: 'text/yaml', buffer: Buffer.from(yaml) },
		{ name: 'source.txt', mimeType: 'text/plain', buffer: Buffer.from(SOURCE) }
	]);
	await expect(page).toHaveURL(/\/studio\/edit\/\?draft=/);
	await page.getByRole('button', { name: 'Share', exact: true }).click();
}

interface Deck {
	id: string;
	version: number;
}
interface Card {
	uid: string;
	reps: number;
	due: number;
	retired: number;
}
const classDeck = async (page: Page) =>
	(await readRows<Deck>(page, 'decks')).find((d) => d.id === 'geo-capitals')?.version;
const classCards = async (page: Page) =>
	(await readRows<Card>(page, 'cards')).filter((c) => c.uid.startsWith('geo-capitals|'));

test('a deck and its correction reach a learner who joined by link, progress kept; a learner cannot publish', async ({
	browser
}) => {
	// Two first visits (bundled decks installing), two sign-ins and two publishes: about 25 s here.
	test.setTimeout(90_000);
	const tess = await person(browser);
	const liv = await person(browser);
	try {
		// The instructor signs in, opens the deck in the studio and publishes it.
		await tess.page.goto('/settings/sync/');
		await signIn(tess.page, 'tess', 'teach');
		await openInStudio(tess.page, FIRST);
		await tess.page.getByLabel('Class database').fill('class-geo');
		await tess.page.getByRole('button', { name: 'Publish to class' }).click();
		await expect(tess.page.getByRole('status').filter({ hasText: 'Published' })).toHaveText(
			'Published version 1 to class-geo.'
		);
		const link = await tess.page.getByTestId('class-link').textContent();
		expect(link).toContain('/settings/sync/?class=class-geo&server=');

		// The learner follows the link, signs in, and the deck arrives by itself.
		await liv.page.goto(link!);
		await expect(liv.page.getByRole('note')).toContainText('invited to the class class-geo');
		await expect(liv.page.getByLabel('Server address')).toHaveValue(address());
		await signIn(liv.page, 'liv', 'learn');
		await expect(liv.page.getByText(/Joined: .*class-geo/)).toBeVisible();
		await expect.poll(() => classDeck(liv.page), { timeout: 20_000 }).toBe(1);
		await openReview(liv.page, 'geo-capitals');
		await answer(liv.page, 'Good');
		const studied = (await classCards(liv.page)).filter((c) => c.reps > 0);
		expect(studied).toHaveLength(1);

		// The correction: the draft again, one card more; the class name is remembered.
		await openInStudio(tess.page, CORRECTED);
		await expect(tess.page.getByLabel('Class database')).toHaveValue('class-geo');
		await tess.page.getByRole('button', { name: 'Publish to class' }).click();
		await expect(tess.page.getByRole('status').filter({ hasText: 'Published' })).toHaveText(
			'Published version 2 to class-geo.'
		);

		await expect.poll(() => classDeck(liv.page), { timeout: 20_000 }).toBe(2);
		const after = await classCards(liv.page);
		expect(after.map((c) => c.uid).sort()).toEqual([
			'geo-capitals|chile',
			'geo-capitals|france',
			'geo-capitals|peru'
		]);
		const kept = after.find((c) => c.uid === studied[0]!.uid)!;
		expect({ reps: kept.reps, due: kept.due }).toEqual({ reps: 1, due: studied[0]!.due });

		// The learner tries to publish a changed deck to the class: refused, nothing written.
		await openInStudio(liv.page, deckYaml([card('peru', 'Peru', 'Lima')]));
		await liv.page.getByLabel('Class database').fill('class-geo');
		await liv.page.getByRole('button', { name: 'Publish to class' }).click();
		await expect(liv.page.getByRole('alert')).toHaveText(
			'Forbidden: the server lets only the instructor of “class-geo” publish there.'
		);
		const docs = (await adminFetch(
			server,
			'/class-geo/_all_docs?startkey="deck:"&endkey="deck:\uffff"'
		)) as {
			rows: { id: string }[];
		};
		expect(docs.rows.map((r) => r.id)).toEqual([
			'deck:geo-capitals:000001',
			'deck:geo-capitals:000002'
		]);
	} finally {
		await tess.context.close();
		await liv.context.close();
	}
});
