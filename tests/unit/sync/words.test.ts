import { describe, expect, it } from 'vitest';
import { ago, describeSync } from '$lib/services/sync/words';

const NOW = new Date(2026, 11, 2, 14, 30);
const view = (state: string, extra: { waiting?: number; error?: string; at?: number } = {}) => ({
	state,
	waiting: extra.waiting ?? 0,
	lastSyncAt: extra.at ?? null,
	...(extra.error === undefined ? {} : { error: extra.error })
});

describe('the sync status line', () => {
	it('says each state in words, with the answers waiting', () => {
		expect(describeSync(view('off'), NOW)).toBe(
			'Sync is off: this device keeps its data to itself.'
		);
		expect(describeSync(view('syncing', { waiting: 3 }), NOW)).toBe('Syncing… 3 answers waiting.');
		expect(describeSync(view('syncing'), NOW)).toBe('Syncing…');
		expect(describeSync(view('synced', { at: NOW.getTime() - 5 * 60_000 }), NOW)).toBe(
			'Synced 5 minutes ago.'
		);
		expect(describeSync(view('offline', { waiting: 1 }), NOW)).toBe(
			'Offline: 1 answer waiting. Sync resumes when the network is back.'
		);
	});

	it('ends an error with one full stop, whether or not the error has its own', () => {
		expect(describeSync(view('error', { error: 'Wrong user name or password.' }), NOW)).toBe(
			'Sync stopped: Wrong user name or password.'
		);
		expect(describeSync(view('error', { error: 'the server did not answer' }), NOW)).toBe(
			'Sync stopped: the server did not answer.'
		);
		expect(describeSync(view('error', { error: 'The server refused it.', waiting: 2 }), NOW)).toBe(
			'Sync stopped: The server refused it (2 answers waiting).'
		);
		expect(describeSync(view('error'), NOW)).toBe('Sync stopped: unknown error.');
	});

	it('says when the last sync was', () => {
		expect(ago(null, NOW)).toBe('');
		expect(ago(NOW.getTime() - 20_000, NOW)).toBe('just now');
		expect(ago(NOW.getTime() - 60_000, NOW)).toBe('1 minute ago');
		expect(ago(NOW.getTime() - 2 * 3_600_000, NOW)).toMatch(/^at \d\d:\d\d/);
	});
});
