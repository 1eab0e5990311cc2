import { expect, type Page } from '@playwright/test';

/** Opens the review screen and waits for a card (the bundled deck installs on first visit). */
export async function openReview(page: Page) {
	await page.goto('/review');
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
}

/** Every row of one object store of the app's IndexedDB. */
export async function readRows<T = Record<string, unknown>>(
	page: Page,
	store: string
): Promise<T[]> {
	return page.evaluate(
		(name) =>
			new Promise<T[]>((resolve, reject) => {
				const open = indexedDB.open('recall');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const req = db.transaction(name).objectStore(name).getAll();
					req.onsuccess = () => {
						resolve(req.result as T[]);
						db.close();
					};
					req.onerror = () => reject(req.error);
				};
			}),
		store
	);
}

/** Counts rows in one object store of the app's IndexedDB, the way a learner's data really is. */
export async function countRows(page: Page, store: string): Promise<number> {
	return page.evaluate(
		(name) =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('recall');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const req = db.transaction(name).objectStore(name).count();
					req.onsuccess = () => {
						resolve(req.result);
						db.close();
					};
					req.onerror = () => reject(req.error);
				};
			}),
		store
	);
}

/** Waits until the service worker controls the page, so the next loads can come from its cache. */
export async function waitForServiceWorker(page: Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.reload();
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}
