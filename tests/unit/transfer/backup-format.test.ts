import { describe, expect, it } from 'vitest';
import { formatError } from '$lib/deck/errors';
import { makeBackup, parseBackup, prepareBackup, backupFileName } from '$lib/transfer';
import type { CardRow, DeckRow, ReviewLogRow } from '$lib/storage/rows';
import { newCardRow } from '$lib/storage/card-state';
import { basicCard, NOW } from '../../fixtures/decks';

const state = newCardRow(NOW);
const deck: DeckRow = {
	id: 'small',
	title: 'Small',
	version: 1,
	cardCount: 1,
	bundled: false,
	sourceUrl: 'https://example.org/small.json',
	installedAt: NOW.getTime(),
	updatedAt: NOW.getTime()
};
const card: CardRow = {
	...state,
	uid: 'small|c0',
	deckId: 'small',
	cardId: 'c0',
	note: 'small|c0',
	content: basicCard('c0'),
	order: 0,
	active: 1,
	suspended: 0,
	retired: 0,
	buriedUntil: 0,
	leech: 0,
	lastLogAt: NOW.getTime(),
	createdAt: NOW.getTime()
};
const log: ReviewLogRow = {
	id: 'log-1',
	uid: 'small|c0',
	deckId: 'small',
	cardId: 'c0',
	note: 'small|c0',
	kind: 'review',
	grade: 3,
	reviewedAt: NOW.getTime(),
	durationMs: 4000,
	mode: 'flashcard',
	before: state
};
const backup = () =>
	makeBackup(
		{
			decks: [deck],
			cards: [card],
			reviewLogs: [log],
			settings: [
				{ key: 'revision', value: 12 },
				{ key: 'study', value: { newPerDay: 10, scheduler: { desiredRetention: 0.85 } } },
				{ key: 'theme', value: 'dark' }
			]
		},
		NOW
	);

describe('backup format', () => {
	it('names itself, and leaves the revision counter behind', () => {
		const b = backup();
		expect(b).toMatchObject({ format: 'recall-backup', version: 1, app: 'Recall' });
		expect(b.exportedAt).toBe(NOW.toISOString());
		expect(b.settings.map((s) => s.key)).toEqual(['study', 'theme']);
		expect(backupFileName(NOW)).toBe('recall-backup-2026-11-26.json');
	});

	it('reads back what it writes', () => {
		const b = backup();
		expect(parseBackup(JSON.parse(JSON.stringify(b)))).toEqual({ ok: true, backup: b });
	});

	it('lists each problem with its path, and drops unknown fields', () => {
		const b = JSON.parse(JSON.stringify(backup()));
		b.reviewLogs[0].grade = 7;
		b.reviewLogs.push({ ...b.reviewLogs[0], grade: 3, uid: 'small|nope', cardId: 'nope' });
		b.cards[0].content.prompt = '';
		b.decks[0].sourceUrl = 'javascript:alert(1)';
		b.settings[0].value.scheduler.desiredRetention = 5;
		b.extra = 'ignored';
		const result = parseBackup(b, 'backup.json');
		expect(result.ok ? [] : result.errors.map(formatError)).toEqual([
			'backup.json decks[0].sourceUrl: must be an http(s) address',
			'backup.json cards[0].content.prompt: must not be empty: write some text',
			'backup.json reviewLogs[0].grade: must be 0 to 4',
			'backup.json settings[0].value.scheduler.desiredRetention: Too big: expected number to be <=0.99'
		]);
		delete b.reviewLogs[0];
		b.reviewLogs = b.reviewLogs.filter(Boolean);
		// A card imported as plain text (Anki's #html:false) comes back exactly as it was written.
		b.cards[0].content.prompt = 'Which tag makes text bold? <b>';
		b.decks[0].sourceUrl = 'https://example.org/x.json';
		b.settings[0].value.scheduler.desiredRetention = 0.9;
		const again = parseBackup(b, 'backup.json');
		expect(again.ok ? [] : again.errors.map(formatError)).toEqual([
			'backup.json reviewLogs[0].uid: no card "small|nope" in cards'
		]);
	});

	it('refuses repeated ids and rows that point at nothing', () => {
		const b = JSON.parse(JSON.stringify(backup()));
		b.reviewLogs.push(b.reviewLogs[0]);
		b.cards.push({ ...b.cards[0], uid: 'other|c0', deckId: 'other' });
		b.cards.push(b.cards[0]);
		const result = parseBackup(b);
		expect(result.ok ? [] : result.errors.map(formatError)).toEqual([
			'cards[1].deckId: no deck "other" in decks',
			'cards[2].uid: card "small|c0" is listed twice',
			'reviewLogs[1].id: log "log-1" is listed twice'
		]);
	});

	// Found by the fuzz tests: a log at 9e15 passed, and the merge wrote a card due at NaN whose
	// every later answer was logged past the last date JavaScript can hold.
	it('refuses times past the last JavaScript date', () => {
		const b = JSON.parse(JSON.stringify(backup()));
		b.reviewLogs[0].reviewedAt = 9e15;
		b.cards[0].lastLogAt = 8.64e15 + 1;
		b.cards[0].due = -9e15;
		b.decks[0].installedAt = 8.64e15;
		const result = parseBackup(b);
		expect(result.ok ? [] : result.errors.map(formatError)).toEqual([
			'cards[0].due: must be a time in milliseconds',
			'cards[0].lastLogAt: must be a time in milliseconds',
			'reviewLogs[0].reviewedAt: must be a time in milliseconds'
		]);
	});

	it('says what a file that is not a backup is', () => {
		expect(prepareBackup('{"format":"recall-deck"}', 'x.json')).toMatchObject({
			ok: false,
			errors: expect.arrayContaining([
				{ file: 'x.json', path: 'format', message: 'must be "recall-backup"' },
				{ file: 'x.json', path: 'decks', message: 'is missing' }
			])
		});
		const broken = prepareBackup('{"format": ', 'x.json');
		expect(broken.ok ? '' : broken.errors[0]?.message).toMatch(/^not valid JSON/);
	});
});
