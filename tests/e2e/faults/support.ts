import {
	test as base,
	chromium,
	expect,
	type Browser,
	type Locator,
	type Page
} from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seeded as mulberry } from '../../../src/lib/scheduler/random';

export type Rating = 'Again' | 'Hard' | 'Good' | 'Easy';
export const RATINGS: readonly Rating[] = ['Again', 'Hard', 'Good', 'Easy'];

/** A small seeded PRNG (mulberry32), so a failing run of random faults can be replayed. */
export interface Random {
	seed: number;
	next(): number;
	/** An integer in [min, max]. */
	int(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
}

/**
 * A seeded random source for one test. The seed comes from FAULT_SEED when set (to replay a failure)
 * and is printed either way.
 * @example const random = seeded('killed'); random.int(0, 3)
 */
export function seeded(name: string): Random {
	const seed = process.env.FAULT_SEED ? Number(process.env.FAULT_SEED) >>> 0 : randomInt(2 ** 31);
	console.log(`[faults] ${name}: seed ${seed} (replay with FAULT_SEED=${seed})`);
	const next = mulberry(seed);
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	return { seed, next, int, pick: (items) => items[int(0, items.length - 1)] as never };
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A Chromium we started ourselves, on a profile that outlives it, so it can be killed for real. */
export interface OwnChromium {
	browser: Browser;
	page: Page;
	/** SIGKILL: no unload, no flush, no goodbye, as when the OS or a crash ends the browser. */
	kill(): Promise<void>;
	/** What the browser has written to stderr so far (its own error log). */
	log(): string;
}

/**
 * What Chromium logs when it found an origin's IndexedDB corrupt on opening it and deleted the
 * whole database. A known LevelDB defect causes it after kills (google/leveldb#1287, still open):
 * a browser killed between writing a log record's header and its payload leaves an incomplete
 * record at the end of the database's log; the next browser drops it, as it should, but then goes
 * on appending to the same log (Chromium sets LevelDB's `reuse_logs`), so the browser after that
 * finds a bad record in the middle of the log, and Chromium deletes the database. Seen in 2 of 11
 * runs of 10 kills right after the 100,000-answer backup test's writes, as in CI, and in none of
 * about 200 kills of the test alone. See README, Reliability.
 */
export const BROWSER_DELETED_DATABASE =
	/IndexedDB recovering from a corrupted \(and deleted\) database/;

/** Processes of group `pgid` that have not finished dying (zombies hold no files and are left out). */
function liveMembers(pgid: number): number {
	let live = 0;
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		let stat: string;
		try {
			stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
		} catch {
			continue; // gone while we looked
		}
		// After the command's closing parenthesis: state, parent, process group.
		const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		if (Number(group) === pgid && state !== 'Z') live++;
	}
	return live;
}

/**
 * Ends a Chromium's whole process group (the browser, its renderers, its helpers) and waits until
 * every one of them is gone, not only the browser: its storage process can outlive it by tens of
 * milliseconds (2 of 15 kills on a quiet machine, up to 36 ms), maybe still holding the profile's
 * database files, and the next browser started on the profile at once could find them locked: a
 * restart after a real crash comes seconds later. A CI run that missed 3 acknowledged answers, and
 * a bare IndexedDB stress test that once found its whole database gone, may have met this.
 */
async function killGroup(pid: number, exited: Promise<void>): Promise<void> {
	try {
		process.kill(-pid, 'SIGKILL');
	} catch {
		// ESRCH: the group is already gone.
	}
	await exited;
	for (const deadline = Date.now() + 10_000; liveMembers(pid) > 0 && Date.now() < deadline;) {
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

/**
 * Starts Chromium on `profile` and connects over CDP. The debugging port is 0 (the OS picks a free
 * one) and read back from Chromium's own announcement, so two runs can never race for a port.
 * `running` holds the process groups still alive, for whoever must end them whatever happens.
 */
async function startChromium(
	profile: string,
	running: Map<number, Promise<void>>
): Promise<OwnChromium> {
	const child: ChildProcess = spawn(
		CHROMIUM,
		[
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-dev-shm-usage',
			`--user-data-dir=${profile}`,
			'--remote-debugging-port=0',
			'about:blank'
		],
		// Its own process group, so the helpers it forks can be ended with it and nothing else.
		{ detached: true, stdio: ['ignore', 'ignore', 'pipe'] }
	);
	const pid = child.pid as number;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	running.set(pid, exited);
	void exited.then(() => running.delete(pid));
	const kill = () => killGroup(pid, exited);
	let err = '';
	try {
		const endpoint = await new Promise<string>((resolve, reject) => {
			// Keep draining stderr for the browser's whole life: a full pipe would stall it.
			child.stderr?.on('data', (chunk: Buffer) => {
				err += chunk.toString();
				const found = /DevTools listening on (ws:\/\/\S+)/.exec(err);
				if (found?.[1]) resolve(found[1]);
			});
			child.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${err}`)));
			setTimeout(() => reject(new Error(`Chromium did not start: ${err}`)), 20_000).unref();
		});
		const browser = await chromium.connectOverCDP(endpoint);
		const context = browser.contexts()[0] ?? (await browser.newContext());
		const page = context.pages()[0] ?? (await context.newPage());
		page.setDefaultTimeout(10_000);
		return { browser, page, kill, log: () => err };
	} catch (e) {
		await kill();
		throw e;
	}
}

/**
 * The fault tests' `test`, with a fresh `profile` folder and `launch` to start Chromium on it.
 * Both are fixtures: their teardown runs after the test whatever happened, a timeout included
 * (code after a timed-out await never runs, a `finally` in the test neither), so no browser started
 * here outlives its test and no profile is left behind.
 */
export const test = base.extend<{
	profile: string;
	launch: (profile: string) => Promise<OwnChromium>;
}>({
	// eslint-disable-next-line no-empty-pattern
	profile: async ({}, use) => {
		const profile = mkdtempSync(join(tmpdir(), 'recall-profile-'));
		try {
			await use(profile);
		} finally {
			rmSync(profile, { recursive: true, force: true });
		}
	},
	// eslint-disable-next-line no-empty-pattern
	launch: async ({}, use) => {
		const running = new Map<number, Promise<void>>();
		try {
			await use((profile) => startChromium(profile, running));
		} finally {
			await Promise.all([...running].map(([pid, exited]) => killGroup(pid, exited)));
		}
	}
});

export { reveal } from '../helpers';

/** The rating button `rating` in a group returned by `reveal`. */
export const ratingButton = (ratings: Locator, rating: Rating) =>
	ratings.getByRole('button', { name: new RegExp(`^${rating}`) });

/**
 * How many answers this page's session has acknowledged (the counter on screen says answered
 * today, which also counts other tabs' answers; the session's own count is on its element).
 */
export async function answeredCount(page: Page): Promise<number> {
	const value = await page.locator('.count').getAttribute('data-session-answers');
	if (value === null) throw new Error('No answer counter on the review screen');
	return Number(value);
}

/**
 * Runs Settings → Check database, the learner's own proof that every card equals the replay of its
 * answers, and returns what it reports.
 */
export async function runCheckDatabase(page: Page, origin: string): Promise<string> {
	await page.goto(`${origin}/settings/`);
	await page.getByRole('button', { name: 'Check database' }).click();
	const result = page.getByText(/^Checked \d+ cards against \d+ answers\./);
	await expect(result).toBeVisible();
	return (await result.textContent()) ?? '';
}

/** The ids of every review-log row, read straight from IndexedDB. */
export async function logIds(page: Page): Promise<string[]> {
	return page.evaluate(
		() =>
			new Promise<string[]>((resolve, reject) => {
				const open = indexedDB.open('recall');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const req = db.transaction('reviewLogs').objectStore('reviewLogs').getAllKeys();
					req.onsuccess = () => {
						resolve(req.result as string[]);
						db.close();
					};
					req.onerror = () => reject(req.error);
				};
			})
	);
}

/** Lets every new card be studied today, so a long run of answers never empties the queue. */
export async function allowAllNewCards(page: Page, origin: string): Promise<void> {
	await page.goto(`${origin}/settings/`);
	await page.getByLabel('New cards a day').fill('9999');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Settings saved.')).toBeVisible();
}
