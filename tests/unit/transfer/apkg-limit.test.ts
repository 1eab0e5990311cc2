import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { LIMITS } from '$lib/deck/schema';
import { readCollection } from '$lib/transfer/apkg/collection';
import { readPackage } from '$lib/transfer/apkg/read-package';
import { PackageError } from '$lib/transfer/apkg/limits';
import { BASIC, LEGACY_TABLES, loadSqlite } from '../../fixtures/anki-packages';

/**
 * A legacy collection of `count` one-card notes, the first `inBig` in deck 2 (Big::Part), the
 * rest in deck 3 (Small), made by SQLite itself: 100,000 rows in well under a second.
 */
async function collection(count: number, inBig: number) {
	const SQL = await loadSqlite();
	const db = new SQL.Database();
	db.run(LEGACY_TABLES);
	const models = {
		[BASIC.id]: {
			id: BASIC.id,
			name: BASIC.name,
			type: 0,
			flds: BASIC.fields.map((name, ord) => ({ name, ord })),
			tmpls: BASIC.templates.map((t, ord) => ({ ...t, ord }))
		}
	};
	const decks = { 2: { id: 2, name: 'Big::Part' }, 3: { id: 3, name: 'Small' } };
	db.run("insert into col values (1, 0, 0, 0, 11, 0, 0, 0, '{}', ?, ?, '{}', '{}')", [
		JSON.stringify(models),
		JSON.stringify(decks)
	]);
	db.run(
		`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${count})
		insert into notes select i, 'g' || i, ${BASIC.id}, 0, 0, '', 'Q' || i || '?' || char(31) || 'A' || i, 'Q' || i, 0, 0, '' from n`
	);
	db.run(
		`insert into cards select id * 10, id, case when id <= ${inBig} then 2 else 3 end, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '' from notes`
	);
	return db;
}

const TOO_MANY = (cards: string, big: string, small: string) =>
	`the package has ${cards} cards; a Recall deck holds at most 20,000. Its largest decks: Big (${big}), Small (${small}). In Anki, export one deck or sub-deck of at most 20,000 cards at a time and import each`;

describe('a package larger than a deck', () => {
	it('of 100,000 notes is refused with the limit and its largest decks named, before a note is read', async () => {
		const db = await collection(100_000, 60_000);
		const started = performance.now();
		expect(() => readCollection(db)).toThrow(
			new PackageError(TOO_MANY('100,000', '60,000', '40,000'))
		);
		// Two counts, not 100,000 notes read: quick on any machine.
		expect(performance.now() - started).toBeLessThan(2_000);
		db.close();
	});

	it('one card over the limit is refused; exactly the limit is read', async () => {
		const over = await collection(LIMITS.cards + 1, 15_000);
		expect(() => readCollection(over)).toThrow(TOO_MANY('20,001', '15,000', '5,001'));
		over.close();
		const full = await collection(LIMITS.cards, 15_000);
		expect(readCollection(full).cards).toHaveLength(LIMITS.cards);
		full.close();
	});

	it('is refused through the package reader as a message, nothing thrown', async () => {
		const db = await collection(LIMITS.cards + 1, 15_000);
		const bytes = zipSync({
			'collection.anki2': db.export(),
			media: new TextEncoder().encode('{}')
		});
		db.close();
		const r = await readPackage({ name: 'huge.apkg', chunks: [bytes], loadSqlite });
		expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([
			TOO_MANY('20,001', '15,000', '5,001')
		]);
	});
});
