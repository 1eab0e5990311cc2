import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

// Tests drive the system's Chromium (Debian's package); Playwright never downloads a browser here.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
	throw new Error(
		`No Chromium at ${chromium}. Install it with "sudo apt-get install -y chromium" ` +
			'(Debian/Ubuntu), or point CHROMIUM_PATH at a Chromium or Chrome binary.'
	);
}

const port = Number(process.env.PORT ?? 4173);

// The suite runs in a fixed-offset time zone where it is early afternoon when the run starts, so a
// test that answers a card and expects it back "later today" (a 10-minute learning step) never meets
// the 4 a.m. study-day rollover or midnight: a CI run at 03:55 UTC once failed on exactly that. The
// zone is picked once, in the runner, and handed to its workers (they load this file again) and to
// Chromium through the environment; `timezoneId` sets the same zone in every browser context.
// An explicit RECALL_TEST_TZ (any IANA zone) wins, to try the suite at a chosen local time.
if (!process.env.RECALL_TEST_TZ) {
	const offset = 13 - new Date().getUTCHours(); // hours east of UTC: -10 to +13
	// Etc/GMT zones count the other way: Etc/GMT-3 is three hours east of UTC.
	process.env.RECALL_TEST_TZ =
		offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}
const timezoneId = process.env.RECALL_TEST_TZ;
process.env.TZ = timezoneId;

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: true,
	// Two for the phone tests, one for the fault tests that wait beside them (see `waits`).
	workers: 3,
	retries: process.env.CI ? 1 : 0,
	timeout: 30_000,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://localhost:${port}`,
		...devices['Pixel 7'],
		viewport: { width: 390, height: 844 },
		timezoneId,
		serviceWorkers: 'allow',
		launchOptions: {
			executablePath: chromium,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-dev-shm-usage'
			]
		}
	},
	projects: [
		{
			// No service worker unless a file asks for one (offline, install, hosting, updates): each
			// fresh context would otherwise download and cache the whole precache list (some 4 MB
			// with the wasm), which measured about a sixth of these tests' time.
			name: 'phone',
			use: { browserName: 'chromium', serviceWorkers: 'block' },
			testIgnore: 'faults/**',
			workers: 2
		},
		{
			// Fault tests that mostly wait, one at a time from the start, beside the phone tests,
			// instead of adding their time to the serial run after them: the full disk (31 of its 37 s
			// are the browser's own wait for a quota change, an idle timer), the updates (a worker
			// installing, an hour passing on the page's clock) and the migration (a few answers and a
			// reload). Together about 80 s on one worker while the phone tests take minutes.
			name: 'waits',
			use: { browserName: 'chromium' },
			testDir: 'tests/e2e/faults',
			testMatch: ['quota.e2e.ts', 'update.e2e.ts', 'migration.e2e.ts'],
			workers: 1,
			fullyParallel: false,
			// For those without a timeout of their own (the migration, the hourly update check): 6 to
			// 14 s each alone on the 2-core machine under other load, about twice that beside the phone
			// tests; three times that. The full disk sets three times its own.
			timeout: 90_000
		},
		{
			// The heavy tests (killed browsers, tabs racing, the big files): one at a time, after the
			// rest, so none of them starves another of the two cores.
			name: 'faults',
			use: { browserName: 'chromium' },
			testDir: 'tests/e2e/faults',
			testIgnore: ['quota.e2e.ts', 'update.e2e.ts', 'migration.e2e.ts'],
			dependencies: ['phone'],
			workers: 1,
			fullyParallel: false,
			// For the ones without a timeout of their own (a two-tab race): a few seconds, measured on
			// a 2-core machine under other load. The longer ones set theirs from their measured time.
			timeout: 60_000
		}
	],
	webServer: {
		// `npm test` builds once before the unit and build tests and sets PREBUILT.
		command: `${process.env.PREBUILT ? '' : 'npm run build && '}node node_modules/vite/bin/vite.js preview --port ${port} --strictPort`,
		url: `http://localhost:${port}`,
		reuseExistingServer: !process.env.CI,
		timeout: 180_000
	}
});
