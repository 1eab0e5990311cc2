import { chromium, type Browser } from '@playwright/test';

/**
 * The benches' browser: Debian's Chromium (or `CHROMIUM_PATH`), headless, with its own background
 * work (updates, sync, background networking) off, so the figures are the page's alone.
 */
export function launchBenchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
	});
}
