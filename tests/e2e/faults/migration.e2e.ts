import { expect, test } from '@playwright/test';
import { SCHEMA, SCHEMA_VERSION } from '../../../src/lib/storage/db';
import { answer, openReview, readRows } from '../helpers';
import { runCheckDatabase } from './support';

type Row = Record<string, unknown>;

/** The fields version 2 added: a version-1 app never wrote them. */
const V2_CARD_FIELDS = ['buriedUntil', 'leech', 'lastLogAt'];
const V2_LOG_FIELDS = ['kind'];
const without = (row: Row, fields: string[]) =>
	Object.fromEntries(Object.entries(row).filter(([k]) => !fields.includes(k)));

// Issue "Reliability": an update of the app that changes the schema keeps every answer.
test('a database written by schema version 1 opens in this version with nothing lost', async ({
	page
}) => {
	// Real progress first: answers of each kind, so the rows are what a learner's device holds.
	await openReview(page);
	for (const rating of ['Again', 'Good', 'Easy', 'Hard'] as const) await answer(page, rating);
	const due = await page.locator('.count').textContent();
	const left = /(\d+) left/.exec(due ?? '')?.[1];
	const before: Record<string, Row[]> = {};
	for (const store of Object.keys(SCHEMA[1])) before[store] = await readRows(page, store);
	expect(before.reviewLogs).toHaveLength(4);

	// The same data as version 1 stored it, written through raw IndexedDB on a page that does not
	// open the database itself. Dexie keeps its version n as IndexedDB version n * 10.
	const v1: Record<string, Row[]> & { cards: Row[]; reviewLogs: Row[] } = {
		...before,
		cards: (before.cards ?? []).map((c) => without(c, V2_CARD_FIELDS)),
		reviewLogs: (before.reviewLogs ?? []).map((l) => without(l, V2_LOG_FIELDS))
	};
	await page.goto('/decks/index.json');
	const version = await page.evaluate(
		({ schema, rows }) =>
			new Promise<number>((resolve, reject) => {
				const keyPath = (spec: string) =>
					spec.startsWith('[') ? spec.slice(1, -1).split('+') : spec;
				const removed = indexedDB.deleteDatabase('recall');
				removed.onerror = () => reject(removed.error);
				removed.onsuccess = () => {
					const open = indexedDB.open('recall', 10);
					open.onerror = () => reject(open.error);
					open.onupgradeneeded = () => {
						for (const [name, spec] of Object.entries(schema)) {
							const [primary = '', ...indexes] = spec.split(',').map((s) => s.trim());
							const store = open.result.createObjectStore(name, { keyPath: keyPath(primary) });
							for (const index of indexes) store.createIndex(index, keyPath(index));
							for (const row of rows[name] ?? []) store.put(row);
						}
					};
					open.onsuccess = () => {
						const db = open.result;
						db.close();
						resolve(db.version);
					};
				};
			}),
		{ schema: SCHEMA[1] as Record<string, string>, rows: v1 }
	);
	expect(version).toBe(10);

	// The app opens it: the same cards are due, and every row is there, upgraded.
	await openReview(page);
	await expect(page.locator('.count')).toHaveText(new RegExp(`^4 answered today · ${left} left`));
	const cards = await readRows(page, 'cards');
	expect(cards).toHaveLength(before.cards?.length ?? -1);
	const byUid = new Map(cards.map((c) => [c.uid, c]));
	for (const old of v1.cards) {
		expect(byUid.get(old.uid)).toEqual({
			...old,
			buriedUntil: 0,
			leech: 0,
			lastLogAt: old.last_review ?? 0
		});
	}
	const logs = await readRows(page, 'reviewLogs');
	expect(logs).toHaveLength(4);
	expect(new Set(logs.map((l) => l.kind))).toEqual(new Set(['review']));
	expect(logs.map((l) => without(l, V2_LOG_FIELDS))).toEqual(expect.arrayContaining(v1.reviewLogs));
	expect(await readRows(page, 'decks')).toEqual(before.decks);
	expect(await readRows(page, 'settings')).toEqual(before.settings);
	expect(
		await page.evaluate(
			() =>
				new Promise<number>((resolve) => {
					const open = indexedDB.open('recall');
					open.onsuccess = () => {
						resolve(open.result.version);
						open.result.close();
					};
				})
		)
	).toBe(SCHEMA_VERSION * 10);
	expect(await runCheckDatabase(page, '')).toContain(
		'against 4 answers. Every card matches its history.'
	);
});
