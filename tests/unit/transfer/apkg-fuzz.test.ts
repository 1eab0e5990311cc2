import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { readPackage } from '$lib/transfer/apkg/read-package';
import { loadSqlite, makePackage, samplePackage } from '../../fixtures/anki-packages';
// Seeded, so a failure can be replayed.
import { seeded as random } from '../../../src/lib/scheduler/random';

async function wrongTables(kind: number): Promise<Uint8Array> {
	const SQL = await loadSqlite();
	const db = new SQL.Database();
	if (kind === 0) db.run('create table notes (id integer)');
	if (kind === 1) {
		db.run(
			'create table col (models text, decks text); create table notes (x); create table cards (y)'
		);
		db.run("insert into col values ('not json', '{}')");
	}
	if (kind === 2) {
		db.run(
			'create table col (models text, decks text); create table notes (id, guid, mid, tags, flds)'
		);
		db.run('create table cards (id, nid, did, odid, ord, queue)');
		db.run(
			`insert into col values ('{"1":{"id":1,"name":"x","flds":"nope","tmpls":[{"qfmt":"{{#A}}{{/B}}{{^"}]}}', '[]')`
		);
		db.run("insert into notes values (1, 'g', 1, 'a b', 'x\u001fy')");
		db.run('insert into cards values (1, 1, 1, 0, 0, 0)');
	}
	const bytes = db.export();
	db.close();
	return zipSync({ 'collection.anki2': bytes, media: strToU8(kind === 1 ? '[1,2]' : '{}') });
}

describe('the package reader on broken input', () => {
	it('answers 500 broken packages with a result, never a throw, in bounded time', async () => {
		const next = random(15);
		const bases = [
			await makePackage(samplePackage('anki2')),
			await makePackage(samplePackage('anki21b'))
		];
		const cases: Uint8Array[] = [];
		for (let i = 0; i < 500; i++) {
			const base = bases[i % 2]!;
			const kind = i % 5;
			if (kind === 0) cases.push(base.slice(0, Math.floor(next() * base.length)));
			else if (kind <= 2) {
				const copy = base.slice();
				for (let f = 0; f < 1 + Math.floor(next() * 8); f++) {
					const at = Math.floor(next() * copy.length);
					copy[at] = (copy[at] ?? 0) ^ (1 << Math.floor(next() * 8));
				}
				cases.push(copy);
			} else if (kind === 3) cases.push(await wrongTables(i % 3));
			else cases.push(Uint8Array.from({ length: Math.floor(next() * 4096) }, () => next() * 256));
		}
		let refused = 0;
		for (const [i, bytes] of cases.entries()) {
			const result = await readPackage({ name: `broken-${i}.apkg`, chunks: [bytes], loadSqlite });
			if (!result.ok) {
				refused++;
				expect(result.errors[0]?.message.length).toBeGreaterThan(10);
			} else expect(result.deck.cards.length).toBeGreaterThan(0);
		}
		// Cut and random files can never be read; some single bit flips land in unused bytes.
		expect(refused).toBeGreaterThan(300);
	}, 60_000);

	it('refuses a zip bomb before expanding it', async () => {
		const bomb = zipSync({ 'collection.anki2': new Uint8Array(24 * 1024 * 1024) }, { level: 1 });
		// 24 MB of zeros in about 24 kB: refused after 100 times what was read, not at the end.
		expect(bomb.length).toBeLessThan(512 * 1024);
		const result = await readPackage({ name: 'bomb.apkg', chunks: [bomb], loadSqlite });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors[0]?.message).toMatch(/zip bomb|more than/);
	}, 60_000);

	it('refuses what is not a zip, and names the dummy collection of a newer Anki', async () => {
		const text = await readPackage({ name: 'a.apkg', chunks: [strToU8('hello')], loadSqlite });
		expect(text.ok).toBe(false);
		const p = samplePackage('anki21b');
		const bytes = await makePackage(p);
		const { unzipSync } = await import('fflate');
		const files = unzipSync(bytes);
		delete files['collection.anki21b'];
		delete files['meta'];
		const dummyOnly = await readPackage({ name: 'b.apkg', chunks: [zipSync(files)], loadSqlite });
		expect(dummyOnly.ok).toBe(false);
		if (!dummyOnly.ok) expect(dummyOnly.errors[0]?.message).toMatch(/newer Anki/);
	});
});
