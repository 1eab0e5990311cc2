import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** `npm run decks:check [paths...]`, run the way npm runs it, from the project root. */
const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

function decksCheck(...paths: string[]) {
	const run = spawnSync(TSX, ['scripts/decks-check.ts', ...paths], {
		cwd: ROOT,
		encoding: 'utf8',
		timeout: 60_000
	});
	return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run decks:check', () => {
	it('exits 1 and names file:line:column for a broken deck', { timeout: 60_000 }, () => {
		const run = decksCheck('tests/fixtures/broken-decks/missing-field.yaml');
		expect(run.status).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr.split('\n')).toEqual([
			'tests/fixtures/broken-decks/missing-field.yaml:7:5 cards[1].answer: is missing: add "answer:" with the correct answer',
			expect.stringMatching(/^1 deck file\(s\), 0 valid, 0 cards, 1 error\(s\) in \d+ ms$/),
			''
		]);
	});

	it('exits 0 for the decks folder and says how many cards it checked', { timeout: 60_000 }, () => {
		const run = decksCheck('decks');
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(
			/^(\d+) deck file\(s\), \1 valid, \d+ cards, 0 error\(s\) in \d+ ms\n$/
		);
	});

	it('checks every deck of a folder and lists each error', { timeout: 60_000 }, () => {
		const run = decksCheck('tests/fixtures/broken-decks');
		expect(run.status).toBe(1);
		const lines = run.stderr.trim().split('\n');
		expect(lines.at(-1)).toMatch(/^20 deck file\(s\), 0 valid, 0 cards, 28 error\(s\)/);
		for (const line of lines.slice(0, -1))
			expect(line).toMatch(/^tests\/fixtures\/broken-decks\/[\w-]+\.yaml:\d+:\d+ /);
		// Issue 14: the six problems of one deck all in the first run, in file order.
		expect(
			lines.filter((l) => l.includes('/six-problems.yaml:')).map((l) => l.split(': ')[0])
		).toEqual([
			'tests/fixtures/broken-decks/six-problems.yaml:13:5 cards[2].answer',
			'tests/fixtures/broken-decks/six-problems.yaml:13:5 cards[2].id',
			'tests/fixtures/broken-decks/six-problems.yaml:21:5 cards[3].answer',
			'tests/fixtures/broken-decks/six-problems.yaml:23:5 cards[3].hint',
			'tests/fixtures/broken-decks/six-problems.yaml:28:5 cards[4].prompt',
			'tests/fixtures/broken-decks/six-problems.yaml:37:7 cards[5].source.quote'
		]);
	});

	it('exits 1 for a path that does not exist', { timeout: 60_000 }, () => {
		const run = decksCheck('decks/no-such-deck.yaml');
		expect(run.status).toBe(1);
		expect(run.stderr).toBe('decks/no-such-deck.yaml: no such file or folder\n');
	});

	// Issue 15: the build carries a deck's pictures and sounds, so each must be beside the deck.
	it('checks the media beside each deck file', { timeout: 60_000 }, () => {
		const good = decksCheck('tests/fixtures/bundled-media/birds');
		expect(good.stderr).toBe('');
		expect(good.status).toBe(0);
		const run = decksCheck('tests/fixtures/bundled-media');
		expect(run.status).toBe(1);
		const lines = run.stderr.trim().split('\n');
		expect(lines[0]).toBe(
			'tests/fixtures/bundled-media/broken/deck.yaml:11:5 cards[1].image: no file "Robin.png" beside the deck: put the picture there, or correct the name (capitals count)'
		);
		expect(lines.at(-1)).toMatch(/^2 deck file\(s\), 1 valid, 2 cards, 4 error\(s\)/);
	});
});
