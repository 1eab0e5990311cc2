import { describe, expect, it } from 'vitest';
import {
	checkDoc,
	dayDocs,
	newestSettings,
	type DayDoc,
	type SettingsDoc
} from '$lib/services/sync/documents';
import type { CardActionRow, ReviewLogRow } from '$lib/storage';

const T = Date.UTC(2026, 10, 26, 9);
const before = {
	due: T,
	stability: 0,
	difficulty: 0,
	scheduled_days: 0,
	learning_steps: 0,
	reps: 0,
	lapses: 0,
	state: 0 as const,
	last_review: null
};
const log = (id: string, at: number, extra: Partial<ReviewLogRow> = {}): ReviewLogRow => ({
	id,
	uid: 'small|c1',
	deckId: 'small',
	cardId: 'c1',
	note: 'small|c1',
	kind: 'review',
	grade: 3,
	reviewedAt: at,
	durationMs: 1000,
	mode: 'flashcard',
	before,
	...extra
});

const action = (id: string, at: number, extra: Partial<CardActionRow> = {}): CardActionRow => ({
	id,
	uid: 'small|c1',
	deckId: 'small',
	cardId: 'c1',
	kind: 'suspend',
	at,
	...extra
});

describe('card actions in day documents', () => {
	it('go in the day they were taken, kept once written, and a new one rewrites the day', () => {
		const [first] = dayDocs('phone-0001', [log('a', T)], new Map(), [], [action('s1', T + 5)]);
		expect(first!.actions?.map((a) => a.id)).toEqual(['s1']);
		expect(checkDoc(first).ok).toBe(true);
		const previous = new Map<string, DayDoc>([[first!._id, { ...first!, _rev: '1-x' }]]);
		// Read again on the next push: nothing new, nothing written.
		expect(dayDocs('phone-0001', [log('a', T)], previous, [], [action('s1', T + 5)])).toEqual([]);
		const [next] = dayDocs(
			'phone-0001',
			[log('a', T)],
			previous,
			[],
			[action('u1', T + 9, { kind: 'unsuspend', origin: 'x' })]
		);
		expect(next!.actions?.map((a) => a.id)).toEqual(['s1', 'u1']);
		expect(next!.actions?.[1]).not.toHaveProperty('origin');
	});

	it('a hostile action is refused with its path', () => {
		const [doc] = dayDocs('phone-0001', [], new Map(), [], [action('s1', T)]);
		const badKind = checkDoc({ ...doc!, actions: [{ ...action('x', T), kind: 'delete' }] });
		expect(badKind).toMatchObject({
			ok: false,
			errors: ['actions[0].kind: must be suspend, unsuspend or bury']
		});
		const checked = checkDoc({
			...doc!,
			actions: [action('x', T), action('y', T + 86_400_000, { kind: 'bury' })]
		});
		expect(checked.ok).toBe(false);
		if (checked.ok) return;
		expect(checked.errors).toContain('actions[1].at: must fall on 2026-11-26');
		expect(checked.errors).toContain('actions[1].until: a burial needs its end');
	});
});

describe('day documents', () => {
	it('a first chunk per device per UTC day, rows in replay order, the origin left out', () => {
		const docs = dayDocs(
			'phone-0001',
			[log('b', T + 1000), log('a', T), log('c', T + 86_400_000, { origin: 'x' })],
			new Map()
		);
		expect(docs.map((d) => d._id)).toEqual([
			'day:phone-0001:2026-11-26:0000',
			'day:phone-0001:2026-11-27:0000'
		]);
		expect(docs[0]!.logs.map((l) => l.id)).toEqual(['a', 'b']);
		expect(docs[1]!.logs[0]).not.toHaveProperty('origin');
		expect(docs.every((d) => checkDoc(d).ok)).toBe(true);
	});

	it('an unchanged day is not written again; an undone row is listed as undone', () => {
		const [first] = dayDocs('phone-0001', [log('a', T), log('b', T + 1)], new Map());
		const previous = new Map<string, DayDoc>([[first!._id, { ...first!, _rev: '1-x' }]]);
		expect(dayDocs('phone-0001', [log('a', T), log('b', T + 1)], previous, ['2026-11-26'])).toEqual(
			[]
		);
		const [next] = dayDocs('phone-0001', [log('a', T)], previous, ['2026-11-26']);
		expect(next!.undone).toEqual(['b']);
		expect(next!._rev).toBe('1-x');
	});
});

describe('incoming documents', () => {
	const good = dayDocs('phone-0001', [log('a', T)], new Map())[0]!;

	it.each([
		['a grade out of range', { ...good, logs: [{ ...good.logs[0], grade: 9 }] }, 'logs[0].grade'],
		[
			'a row on another day',
			{ ...good, logs: [log('a', T + 2 * 86_400_000)] },
			'logs[0].reviewedAt'
		],
		['an id that names another device', { ...good, _id: 'day:other-0001:2026-11-26:0000' }, '_id'],
		[
			'a uid that is not deck|card',
			{ ...good, logs: [log('a', T, { uid: 'x|y' })] },
			'logs[0].uid'
		],
		['a newer format', { ...good, v: 3 }, 'v'],
		['an unknown type', { _id: 'x', type: 'script' }, 'type']
	])('refuses %s, naming the path', (_, raw, path) => {
		const checked = checkDoc(raw);
		expect(checked.ok).toBe(false);
		if (!checked.ok) expect(checked.errors.join(' ')).toContain(path);
	});

	it('refuses a settings document that sets a device-local key', () => {
		const doc = {
			_id: 'settings:evil-0001',
			type: 'settings',
			v: 1,
			device: 'evil-0001',
			values: [{ key: 'syncCursor', value: {}, at: T }]
		};
		expect(checkDoc(doc).ok).toBe(false);
	});
});

describe('settings: newest wins', () => {
	const doc = (device: string, value: number, at: number): SettingsDoc => ({
		_id: `settings:${device}`,
		type: 'settings',
		v: 1,
		device,
		values: [{ key: 'appearance', value, at }]
	});
	it('takes the latest change, and the larger device id on a tie, in any order', () => {
		expect(
			newestSettings([doc('aaaa-0001', 1, T + 5), doc('bbbb-0001', 2, T)]).get('appearance')
		).toBe(1);
		const tie = [doc('aaaa-0001', 1, T), doc('bbbb-0001', 2, T)];
		expect(newestSettings(tie).get('appearance')).toBe(2);
		expect(newestSettings([...tie].reverse()).get('appearance')).toBe(2);
	});
});
