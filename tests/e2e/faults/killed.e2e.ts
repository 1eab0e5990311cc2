import { expect } from '@playwright/test';
import {
	allowAllNewCards,
	BROWSER_DELETED_DATABASE,
	logIds,
	ratingButton,
	RATINGS,
	reveal,
	runCheckDatabase,
	seeded,
	test,
	type OwnChromium
} from './support';

// Issue "Reliability": a browser killed at any moment loses no acknowledged answer and leaves no
// card whose state disagrees with its history.
// 10 kills in each CI run (about a minute), a new seed each time, printed so any failure replays
// with FAULT_SEED; FAULT_KILLS=30 or more for a longer hunt on a machine of your own. Each run covers
// both kinds of kill in equal numbers and the whole range of their timings (see `when` below).
const KILLS = Number(process.env.FAULT_KILLS ?? 10);

interface Session {
	/** Log rows before the session started. */
	before: number;
	/** Answers the counter on screen acknowledged. */
	acknowledged: number;
	/** A rating had been clicked and not yet acknowledged when the browser died. */
	inFlight: boolean;
}

test('a browser killed at random moments loses no acknowledged answer and tears no write', async ({
	baseURL,
	profile,
	launch
}) => {
	// Measured 186 s for 30 kills (about 6 s a kill) alone on the 2-core machine under other load,
	// 294 s (about 9.5 s a kill) at a load average of 20; the old 210 s ran out when other tests
	// shared the cores. 18 s a kill is three times the quiet figure.
	test.setTimeout(60_000 + KILLS * 18_000);
	const origin = baseURL as string;
	const random = seeded('killed mid-answer');
	let chromium: OwnChromium | undefined;
	// Log ids read back after their answer was acknowledged: each must outlive every later kill.
	const confirmed = new Set<string>();
	const tally = { kills: 0, answers: 0, inFlightKept: 0, inFlightDropped: 0, browserDeleted: 0 };

	// The fixtures end every Chromium started here and remove the profile, also on a timeout.

	// First run: install the decks, and allow every new card today so the queue never runs dry.
	chromium = await launch(profile);
	await chromium.page.goto(`${origin}/review/`);
	await expect(chromium.page.locator('.prompt')).toBeVisible();
	await allowAllNewCards(chromium.page, origin);
	await chromium.kill();

	let last: Session | undefined;
	for (let round = 0; round <= KILLS; round++) {
		chromium = await launch(profile);
		const { page } = chromium;

		// After each restart: the app's own check finds every card equal to its history...
		const report = await runCheckDatabase(page, origin);
		expect(report, `after kill ${round}: ${report}`).toContain('Every card matches its history.');
		// ...every answer read back before the kill is still there, and nothing beyond the one
		// answer that may have been in flight was added.
		const ids = await logIds(page);
		const present = new Set(ids);
		if (BROWSER_DELETED_DATABASE.test(chromium.log())) {
			// Chromium itself found the database's log corrupt and deleted the database (the LevelDB
			// defect described at BROWSER_DELETED_DATABASE): nothing the app wrote survives, and no
			// order of writes could have kept it. Said in the report, and the run goes on from the
			// fresh database; any loss without this line in the browser's log still fails.
			const note = `after kill ${round}: Chromium deleted the corrupt database (${confirmed.size} answers)`;
			test.info().annotations.push({ type: 'browser deleted the database', description: note });
			console.log(`[faults] killed mid-answer: ${note}`);
			// The app tells the learner, rather than passing the new database off as a first visit.
			await expect(page.getByRole('alert').filter({ hasText: 'reset by the browser' })).toBeVisible(
				{ timeout: 30_000 }
			);
			tally.browserDeleted++;
			confirmed.clear();
			last = undefined;
			await allowAllNewCards(page, origin);
		}
		expect([...confirmed].filter((id) => !present.has(id))).toEqual([]);
		if (last) {
			const added = ids.length - last.before;
			expect(added, `after kill ${round}`).toBeGreaterThanOrEqual(last.acknowledged);
			expect(added, `after kill ${round}`).toBeLessThanOrEqual(
				last.acknowledged + (last.inFlight ? 1 : 0)
			);
			if (last.inFlight) {
				if (added > last.acknowledged) tally.inFlightKept++;
				else tally.inFlightDropped++;
			}
			tally.answers += last.acknowledged;
		}
		for (const id of ids) confirmed.add(id);
		if (round === KILLS) break;

		const session: Session = { before: ids.length, acknowledged: 0, inFlight: false };
		last = session;
		await page.goto(`${origin}/review/`);
		await expect(page.locator('.prompt')).toBeVisible();

		// Half the kills land on a timer while cards are being answered (anywhere: revealing,
		// writing, refreshing the queue); the other half a few milliseconds after a rating click,
		// while its transaction is running. The kinds alternate and each timing is drawn from its
		// own slice of the range, so even a short run has both kinds, early and late.
		const onTimer = round % 2 === 0;
		const slice = Math.floor(round / 2);
		const slices = Math.ceil(KILLS / 2);
		const within = (max: number) =>
			Math.floor(((slice + random.next()) / slices) * (max + 1)) % (max + 1);
		const timerMs = within(2500);
		const afterClick = random.int(0, 3);
		const clickDelayMs = within(25);
		let killing: Promise<void> | undefined;
		const kill = () => (killing ??= (chromium as OwnChromium).kill());
		const timer = onTimer ? setTimeout(() => void kill(), timerMs) : undefined;
		try {
			for (let n = 0; ; n++) {
				const ratings = await reveal(page);
				session.inFlight = true;
				await ratingButton(ratings, random.pick(RATINGS)).click();
				if (!onTimer && n === afterClick) {
					await new Promise((resolve) => setTimeout(resolve, clickDelayMs));
					await kill();
					break;
				}
				await expect(page.locator('.count')).toHaveAttribute('data-session-answers', String(n + 1));
				session.acknowledged = n + 1;
				session.inFlight = false;
				// The ids read back now are what the learner was told is saved.
				for (const id of await logIds(page)) confirmed.add(id);
			}
		} catch (e) {
			// Everything in flight fails once the browser is gone; anything else is a real failure.
			if (!killing) throw e;
		}
		clearTimeout(timer);
		await kill();
		tally.kills++;
	}
	console.log(
		`[faults] killed mid-answer: ${tally.kills} kills survived, ${tally.answers} acknowledged ` +
			`answers checked, ${confirmed.size} log rows in the end; answers in flight at the kill: ` +
			`${tally.inFlightKept} kept whole, ${tally.inFlightDropped} dropped whole; no torn write (every ` +
			`check after a restart found every card equal to its history); databases Chromium deleted ` +
			`as corrupt: ${tally.browserDeleted}`
	);
	expect(tally.kills).toBe(KILLS);
});
