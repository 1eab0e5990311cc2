/**
 * The documents Recall replicates over the CouchDB protocol, and the checks every incoming one
 * passes before anything is written.
 *
 * - `day:<device>:<yyyy-mm-dd>`: one device's review-log rows of one UTC day (answers, and resets as
 *   `forget` rows), the ids of rows it took back (undo), and its card actions of that day (suspend,
 *   unsuspend, bury; per flag the newest action wins). Written only by that device, so replication
 *   never conflicts. About 300 answers
 *   a day make one document, so a 300,000-answer history is a few thousand documents.
 * - `settings:<device>`: the settings that device changed, each with the time it changed. Every
 *   device writes only its own; a reader takes, per key, the newest value (ties: the larger device
 *   id), so all devices agree without a conflict.
 * - `deck:<deck id>:<version>`: an imported, authored or published deck as its compiled file.
 *   Immutable: a new version is a new document; the highest version wins.
 * - `media:<deck id>:<name>`: a published deck's image or sound, as an attachment (`media-docs.ts`).
 *
 * Ordering: a card's log rows replay by `reviewedAt`, then by id. A device never writes a row that
 * sorts before one it already has for that card (storage's `logTime` takes the later of its clock
 * and the last row + 1 ms), so an answer given after another device's answer arrived sorts after
 * it even when this device's clock runs 10 minutes slow. Only answers that neither device had seen
 * of each other can be swapped by a wrong clock, and both are kept either way.
 */
import { z } from 'zod';
import { deckSchema, type Deck } from '$lib/deck/schema';
import { LOCAL_SETTINGS } from '$lib/transfer/backup';
import { actionRowSchema, logRowSchema, settingSchema } from '$lib/transfer/backup-format';
import type { CardActionRow, ReviewLogRow } from '$lib/storage/rows';
import { DOC_VERSION } from './doc-version';
import { mediaDocSchema, type MediaDoc } from './media-docs';

export { DOC_VERSION } from './doc-version';
/** Most rows one day document may hold: more is no learner's day, and a hostile document. */
export const MAX_DAY_LOGS = 20000;

export interface DayDoc {
	_id: string;
	_rev?: string;
	type: 'day';
	v: typeof DOC_VERSION;
	device: string;
	day: string;
	logs: ReviewLogRow[];
	/** Rows this device wrote and then took back: other devices remove them too. */
	undone: string[];
	/** Suspend, unsuspend and bury of that day (absent in documents of earlier apps). */
	actions?: CardActionRow[];
}

export interface SettingsDoc {
	_id: string;
	_rev?: string;
	type: 'settings';
	v: typeof DOC_VERSION;
	device: string;
	values: { key: string; value: unknown; at: number }[];
}

export interface DeckDoc {
	_id: string;
	_rev?: string;
	type: 'deck';
	v: typeof DOC_VERSION;
	deck: Deck;
	publishedAt: number;
	/** Who published it: a class's instructor, or a device of the learner. */
	by: string;
}

export type SyncDoc = DayDoc | SettingsDoc | DeckDoc | MediaDoc;

/** The UTC day a time falls on: the day document a row goes in. */
export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const dayDocId = (device: string, day: string) => `day:${device}:${day}`;
export const settingsDocId = (device: string) => `settings:${device}`;
export const deckDocId = (deckId: string, version: number) =>
	`deck:${deckId}:${String(version).padStart(6, '0')}`;

/** The replay order of a card's rows: time, then id (the same on every device). */
export const logOrder = (a: ReviewLogRow, b: ReviewLogRow) =>
	a.reviewedAt - b.reviewedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The settings that follow the learner: study settings and appearance. The rest (sync state, the
 * revision counter, storage and backup reminders) belong to one device.
 */
const SYNCED_SETTINGS: ReadonlySet<string> = new Set(['study', 'appearance']);
export const isSyncedSetting = (key: string) =>
	SYNCED_SETTINGS.has(key) && !LOCAL_SETTINGS.has(key);
/** The keys of the settings that sync. */
export const syncedSettingKeys = (): string[] => [...SYNCED_SETTINGS].filter(isSyncedSetting);

const deviceSchema = z.string().regex(/^[a-z0-9-]{8,64}$/, 'must be a device id');
const time = z.number().int().min(0).max(8.64e15);
const rev = z.string().max(200).optional();

const dayDocSchema = z
	.object({
		_id: z.string(),
		_rev: rev,
		type: z.literal('day'),
		v: z.literal(DOC_VERSION, { error: `must be ${DOC_VERSION}: made by a newer app` }),
		device: deviceSchema,
		day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day as yyyy-mm-dd'),
		logs: z.array(logRowSchema).max(MAX_DAY_LOGS),
		undone: z.array(z.string().min(1).max(100)).max(MAX_DAY_LOGS),
		actions: z.array(actionRowSchema).max(MAX_DAY_LOGS).optional()
	})
	.superRefine((doc, ctx) => {
		if (doc._id !== dayDocId(doc.device, doc.day))
			ctx.addIssue({ code: 'custom', path: ['_id'], message: 'must be day:<device>:<day>' });
		doc.logs.forEach((log, i) => {
			if (log.uid !== `${log.deckId}|${log.cardId}`)
				ctx.addIssue({
					code: 'custom',
					path: ['logs', i, 'uid'],
					message: 'must be the deck id and the card id joined by |'
				});
			if (dayOf(log.reviewedAt) !== doc.day)
				ctx.addIssue({
					code: 'custom',
					path: ['logs', i, 'reviewedAt'],
					message: `must fall on ${doc.day}`
				});
		});
		doc.actions?.forEach((a, i) => {
			if (dayOf(a.at) !== doc.day)
				ctx.addIssue({
					code: 'custom',
					path: ['actions', i, 'at'],
					message: `must fall on ${doc.day}`
				});
		});
	});

const settingsDocSchema = z
	.object({
		_id: z.string(),
		_rev: rev,
		type: z.literal('settings'),
		v: z.literal(DOC_VERSION, { error: `must be ${DOC_VERSION}: made by a newer app` }),
		device: deviceSchema,
		values: z.array(z.intersection(settingSchema, z.object({ at: time }))).max(200)
	})
	.superRefine((doc, ctx) => {
		if (doc._id !== settingsDocId(doc.device))
			ctx.addIssue({ code: 'custom', path: ['_id'], message: 'must be settings:<device>' });
		doc.values.forEach((s, i) => {
			if (!isSyncedSetting(s.key))
				ctx.addIssue({
					code: 'custom',
					path: ['values', i, 'key'],
					message: `"${s.key}" is not a setting that syncs`
				});
		});
	});

const deckDocSchema = z
	.object({
		_id: z.string(),
		_rev: rev,
		type: z.literal('deck'),
		v: z.literal(DOC_VERSION, { error: `must be ${DOC_VERSION}: made by a newer app` }),
		deck: deckSchema,
		publishedAt: time,
		by: z.string().min(1).max(200)
	})
	.superRefine((doc, ctx) => {
		if (doc._id !== deckDocId(doc.deck.id, doc.deck.version))
			ctx.addIssue({ code: 'custom', path: ['_id'], message: 'must be deck:<id>:<version>' });
	});

export type CheckedDoc = { ok: true; doc: SyncDoc } | { ok: false; id: string; errors: string[] };

const path = (p: PropertyKey[]) =>
	p
		.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`))
		.join('')
		.replace(/^\./, '');

/**
 * Checks one incoming document with the backup and deck schemas. A refused document is named with
 * every problem and its path, and nothing of it may be written.
 * @example checkDoc({ _id: 'day:…', type: 'day', … }) // { ok: true, doc }
 */
export function checkDoc(raw: unknown): CheckedDoc {
	const id =
		raw && typeof raw === 'object' && typeof (raw as { _id?: unknown })._id === 'string'
			? String((raw as { _id: string })._id).slice(0, 200)
			: '(no id)';
	const type = raw && typeof raw === 'object' ? (raw as { type?: unknown }).type : undefined;
	const schema =
		type === 'day'
			? dayDocSchema
			: type === 'settings'
				? settingsDocSchema
				: type === 'deck'
					? deckDocSchema
					: type === 'media'
						? mediaDocSchema
						: undefined;
	if (!schema) return { ok: false, id, errors: ['type: must be day, settings, deck or media'] };
	const parsed = schema.safeParse(raw);
	if (parsed.success) return { ok: true, doc: parsed.data as SyncDoc };
	return {
		ok: false,
		id,
		errors: parsed.error.issues
			.slice(0, 20)
			.map((issue) => `${path(issue.path) || '(document)'}: ${issue.message}`)
	};
}

/**
 * This device's day documents for the rows it wrote (`logs`, any days), given what it published
 * before (`previous`, by id): rows gone since then are listed as undone. Only documents that differ
 * from before are returned, so an unchanged day is not written again.
 */
export function dayDocs(
	device: string,
	logs: readonly ReviewLogRow[],
	previous: ReadonlyMap<string, DayDoc>,
	days?: readonly string[],
	actions: readonly CardActionRow[] = []
): DayDoc[] {
	const byDay = new Map<string, ReviewLogRow[]>();
	for (const day of days ?? []) byDay.set(day, []);
	for (const log of logs) {
		const day = dayOf(log.reviewedAt);
		const list = byDay.get(day);
		if (list) list.push(log);
		else byDay.set(day, [log]);
	}
	const actionsByDay = new Map<string, CardActionRow[]>();
	for (const a of actions) {
		const day = dayOf(a.at);
		actionsByDay.set(day, [...(actionsByDay.get(day) ?? []), a]);
		if (!byDay.has(day)) byDay.set(day, []);
	}
	const out: DayDoc[] = [];
	for (const [day, rows] of byDay) {
		const id = dayDocId(device, day);
		const before = previous.get(id);
		rows.sort(logOrder);
		const have = new Set(rows.map((r) => r.id));
		const undone = new Set(before?.undone ?? []);
		for (const old of before?.logs ?? []) if (!have.has(old.id)) undone.add(old.id);
		for (const id of have) undone.delete(id);
		const sameLogs =
			before !== undefined &&
			before.logs.length === rows.length &&
			before.logs.every((l, i) => l.id === rows[i]!.id);
		// Actions are never taken back (an undo is a newer action): the union of before and now.
		const acts = new Map((before?.actions ?? []).map((a) => [a.id, a]));
		const knownActions = acts.size;
		for (const a of actionsByDay.get(day) ?? []) if (!acts.has(a.id)) acts.set(a.id, a);
		if (sameLogs && before.undone.length === undone.size && acts.size === knownActions) continue;
		if (!before && rows.length === 0 && acts.size === 0) continue;
		out.push({
			_id: id,
			...(before?._rev ? { _rev: before._rev } : {}),
			type: 'day',
			v: DOC_VERSION,
			device,
			day,
			logs: rows.map(stripOrigin),
			undone: [...undone].sort(),
			...(acts.size > 0
				? { actions: [...acts.values()].map(stripOrigin).sort((a, b) => a.at - b.at) }
				: {})
		});
	}
	return out;
}

/** The row as the backup format has it: where it came from is this device's business. */
function stripOrigin<T extends { origin?: string }>(row: T): Omit<T, 'origin'> {
	const { origin: _origin, ...rest } = row;
	return rest;
}

/**
 * The newest value of each setting across every device's settings document: the latest `at`, ties
 * broken by the larger device id, so every device picks the same.
 */
export function newestSettings(docs: readonly SettingsDoc[]): Map<string, unknown> {
	const best = new Map<string, { value: unknown; at: number; device: string }>();
	for (const doc of docs)
		for (const s of doc.values) {
			const cur = best.get(s.key);
			if (!cur || s.at > cur.at || (s.at === cur.at && doc.device > cur.device))
				best.set(s.key, { value: s.value, at: s.at, device: doc.device });
		}
	return new Map([...best].map(([k, v]) => [k, v.value]));
}
