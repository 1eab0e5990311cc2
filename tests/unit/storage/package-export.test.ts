import { describe, expect, it } from 'vitest';
import { importDeck } from '$lib/storage/transfer';
import { putDeckMedia } from '$lib/storage/media';
import { packageSource } from '$lib/storage/package-export';
import { exportInput } from '$lib/transfer/apkg/export-input';
import { readPackage } from '$lib/transfer/apkg/read-package';
import { writePackage } from '$lib/transfer/apkg/write-package';
import { freshDb } from '../../fixtures/db';
import { answer } from '../../fixtures/answers';
import { loadSqlite, makePackage, samplePackage } from '../../fixtures/anki-packages';

const NOW = new Date('2026-02-01T12:00:00Z');

async function read(bytes: Uint8Array, name: string) {
	const r = await readPackage({ name, chunks: [bytes], loadSqlite });
	if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
	return r;
}

describe('an installed deck exported for Anki', () => {
	it('carries every card, stored media and each answer, from Anki and from here, back out', async () => {
		const db = freshDb();
		const first = await read(await makePackage(samplePackage('anki21b')), 'geo.apkg');
		await putDeckMedia(db, first.deck.id, first.media);
		const { history: imported } = await importDeck(db, first.deck, {
			now: NOW,
			named: true,
			history: { entries: first.history }
		});
		if (!imported) throw new Error('the package’s answers were not replayed');
		// One more answer given in Recall after the import.
		await answer(db, 'geography|opt1', 3, NOW);

		const source = await packageSource(db, 'geography', true);
		expect(source.rows).toHaveLength(first.deck.cards.length);
		expect(source.logs).toHaveLength(imported.logs + 1);
		expect(source.logs.map((l) => l.reviewedAt)).toEqual(
			source.logs.map((l) => l.reviewedAt).sort((a, b) => a - b)
		);
		const out = await writePackage(exportInput(source, true, NOW), loadSqlite);
		expect(out.reviews).toBe(imported.logs + 1);
		expect(out.media).toBe(first.media.length);

		const again = await read(out.bytes, 'geography.apkg');
		expect(again.deck.cards).toHaveLength(first.deck.cards.length);
		const answers = (r: typeof first) => r.history.reduce((n, h) => n + h.reviews.length, 0);
		expect(answers(again)).toBe(answers(first) + 1);
		expect(again.withHistory).toBe(first.withHistory + 1);
		expect(again.history.filter((h) => h.suspended)).toHaveLength(
			first.history.filter((h) => h.suspended).length
		);
		expect(again.media.map((m) => m.name).sort()).toEqual(first.media.map((m) => m.name).sort());
		const prompts = (r: typeof first) => r.deck.cards.map((c) => c.prompt).sort();
		expect(prompts(again)).toEqual(prompts(first));
	});

	it('without history leaves the answers behind and every card new', async () => {
		const db = freshDb();
		const first = await read(await makePackage(samplePackage('anki2')), 'geo.apkg');
		await importDeck(db, first.deck, {
			now: NOW,
			named: true,
			history: { entries: first.history }
		});
		const source = await packageSource(db, 'geography', false);
		expect(source.logs).toEqual([]);
		const out = await writePackage(exportInput(source, false, NOW), loadSqlite);
		expect(out.reviews).toBe(0);
		const again = await read(out.bytes, 'geography.apkg');
		expect(again.withHistory).toBe(0);
		expect(again.history.some((h) => h.suspended || h.buried)).toBe(false);
	});
});
