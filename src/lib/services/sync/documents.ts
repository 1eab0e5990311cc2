/**
 * The documents Recall replicates over the CouchDB protocol, and the checks every incoming one
 * passes before anything is written.
 *
 * - `day:<device>:<yyyy-mm-dd>:<chunk>` (v 2): one device's review-log rows of one UTC day in
 *   chunks of at most `CHUNK_LOGS` rows, numbered from 0000 in the order they were written. Only
 *   the last chunk of a day is ever rewritten; once a later one exists, a chunk never changes, so
 *   a push sends at most one chunk again, not the whole day. The last chunk also carries the ids of
 *   rows taken back (undo; rows of any chunk of that day) and the day's new card actions
 *   (suspend, unsuspend, bury; per flag the newest action wins). Written only by that device, so
 *   replication never conflicts. A 300,000-answer history is about 3,000 documents (a hundred per
 *   10,000 answers, plus the last one of each day).
 * - `day:<device>:<yyyy-mm-dd>` (v 1): the whole day in one document, as earlier apps wrote it.
 *   Still read (servers hold them); never written again: new rows of such a day go in chunks.
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
/** Most review-log rows in one chunk of a day. */
export const CHUNK_LOGS = 100;
/** The version of a day's chunk (`v`); a whole-day document of earlier apps is `DOC_VERSION`. */
export const CHUNK_VERSION = 2;
/** Chunk numbers are four digits: a day of `MAX_DAY_LOGS` rows needs 200. */
const MAX_CHUNK = 9999;

export interface DayDoc {
	_id: string;
	_rev?: string;
	type: 'day';
	/** 2: a chunk of the day (`chunk` is set); 1: the whole day, written by an earlier app. */
	v: typeof DOC_VERSION | typeof CHUNK_VERSION;
	device: string;
	day: string;
	/** Which chunk of the day, from 0 (absent in a whole-day document). */
	chunk?: number;
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
/** The id of a whole-day document (earlier apps): read, never written. */
export const dayDocId = (device: string, day: string) => `day:${device}:${day}`;
/** The id of a day's chunk: chunks sort by number within the day, after the whole-day id. */
export const chunkDocId = (device: string, day: string, chunk: number) =>
	`day:${device}:${day}:${String(chunk).padStart(4, '0')}`;
export const settingsDocId = (device: string) => `settings:${device}`;

/** A device's own documents (its day chunks and its settings), as a Mango selector. */
const ownDocs = (device: string) => [
	{ _id: { $regex: `^day:${device}:` } },
	{ _id: settingsDocId(device) }
];
/** The documents `device` writes and nobody else does. */
export const ownDocsSelector = (device: string) => ({ $or: ownDocs(device) });
/** Every document but those `device` writes: what it needs to pull. */
export const othersDocsSelector = (device: string) => ({ $nor: ownDocs(device) });
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
		v: z.literal([DOC_VERSION, CHUNK_VERSION], {
			error: `must be ${DOC_VERSION} or ${CHUNK_VERSION}: made by a newer app`
		}),
		device: deviceSchema,
		day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day as yyyy-mm-dd'),
		chunk: z.number().int().min(0).max(MAX_CHUNK).optional(),
		logs: z.array(logRowSchema).max(MAX_DAY_LOGS),
		undone: z.array(z.string().min(1).max(100)).max(MAX_DAY_LOGS),
		actions: z.array(actionRowSchema).max(MAX_DAY_LOGS).optional()
	})
	.superRefine((doc, ctx) => {
		if (doc.v === CHUNK_VERSION) {
			if (doc.chunk === undefined)
				ctx.addIssue({ code: 'custom', path: ['chunk'], message: 'a chunk needs its number' });
			else if (doc._id !== chunkDocId(doc.device, doc.day, doc.chunk))
				ctx.addIssue({
					code: 'custom',
					path: ['_id'],
					message: 'must be day:<device>:<day>:<chunk>'
				});
			if (doc.logs.length > CHUNK_LOGS)
				ctx.addIssue({
					code: 'custom',
					path: ['logs'],
					message: `a chunk holds at most ${CHUNK_LOGS} rows`
				});
		} else {
			if (doc.chunk !== undefined)
				ctx.addIssue({ code: 'custom', path: ['chunk'], message: 'only a chunk (v 2) has one' });
			if (doc._id !== dayDocId(doc.device, doc.day))
				ctx.addIssue({ code: 'custom', path: ['_id'], message: 'must be day:<device>:<day>' });
		}
		const seen = new Set<string>();
		doc.logs.forEach((log, i) => {
			if (seen.has(log.id))
				ctx.addIssue({
					code: 'custom',
					path: ['logs', i, 'id'],
					message: 'appears twice in the document'
				});
			seen.add(log.id);
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
 * This device's day chunks for the rows it wrote (`logs`: every row of the days it covers), given
 * what it published before (`previous`, by id: chunks and whole-day documents of those days).
 * Rows not published yet go in the day's last chunk, and past `CHUNK_LOGS` in new chunks after it;
 * earlier chunks and whole-day documents are never written again. Rows published and gone since
 * (undo) are listed as undone in the last chunk. Only documents that differ from before are
 * returned, so an unchanged day is not written again.
 * @example dayDocs('phone-0001', logs, previous) // [{ _id: 'day:phone-0001:2026-11-26:0002', … }]
 */
export function dayDocs(
	device: string,
	logs: readonly ReviewLogRow[],
	previous: ReadonlyMap<string, DayDoc>,
	days?: readonly string[],
	actions: readonly CardActionRow[] = []
): DayDoc[] {
	const byDay = new Map<string, ReviewLogRow[]>();
	const add = <T>(map: Map<string, T[]>, day: string, item?: T) => {
		const list = map.get(day);
		if (!list) map.set(day, item === undefined ? [] : [item]);
		else if (item !== undefined) list.push(item);
	};
	for (const day of days ?? []) add(byDay, day);
	for (const log of logs) add(byDay, dayOf(log.reviewedAt), log);
	const actionsByDay = new Map<string, CardActionRow[]>();
	for (const a of actions) {
		add(actionsByDay, dayOf(a.at), a);
		add(byDay, dayOf(a.at));
	}
	const before = new Map<string, DayDoc[]>();
	for (const doc of previous.values()) if (doc.device === device) add(before, doc.day, doc);
	const out: DayDoc[] = [];
	for (const [day, rows] of byDay)
		out.push(...dayChunks(device, day, rows, before.get(day) ?? [], actionsByDay.get(day) ?? []));
	return out;
}

/** One day's chunks to write (see `dayDocs`). */
function dayChunks(
	device: string,
	day: string,
	rows: ReviewLogRow[],
	before: readonly DayDoc[],
	actions: readonly CardActionRow[]
): DayDoc[] {
	const chunks = before
		.filter((d) => d.v === CHUNK_VERSION && d.chunk !== undefined)
		.sort((a, b) => a.chunk! - b.chunk!);
	const open = chunks.at(-1);
	const sealed = before.filter((d) => d !== open);
	const have = new Set(rows.map((r) => r.id));
	const published = new Set(before.flatMap((d) => d.logs.map((l) => l.id)));
	const announced = new Set(sealed.flatMap((d) => d.undone));
	// Rows published before and gone now (undo), each listed once over all the day's chunks.
	for (const id of open?.undone ?? []) announced.add(id);
	const undone = new Set<string>();
	for (const id of published) if (!have.has(id) && !announced.has(id)) undone.add(id);
	const knownActions = new Set(before.flatMap((d) => (d.actions ?? []).map((a) => a.id)));
	const newActions = actions.filter((a) => !knownActions.has(a.id));

	// The open chunk keeps its rows still here and takes new ones up to the limit; the rest fill
	// new chunks after it.
	const fresh = rows.filter((r) => !published.has(r.id)).sort(logOrder);
	if (!open && fresh.length === 0 && undone.size === 0 && newActions.length === 0) return [];
	const filled: ReviewLogRow[][] = [];
	let list = (open?.logs ?? []).filter((l) => have.has(l.id));
	let rest = fresh;
	for (;;) {
		const room = Math.max(0, CHUNK_LOGS - list.length);
		filled.push([...list, ...rest.slice(0, room)].sort(logOrder));
		rest = rest.slice(room);
		if (rest.length === 0) break;
		list = [];
	}
	const first = open?.chunk ?? 0;
	const out: DayDoc[] = [];
	filled.forEach((rowsOfChunk, i) => {
		const prior = i === 0 ? open : undefined;
		const last = i === filled.length - 1;
		// What is new of undone ids and actions goes in the chunk that stays open.
		const ownUndone = [...(prior?.undone ?? []), ...(last ? undone : [])];
		const ownActions = [...(prior?.actions ?? []), ...(last ? newActions : [])];
		if (
			prior &&
			prior.logs.length === rowsOfChunk.length &&
			prior.logs.every((l, j) => l.id === rowsOfChunk[j]!.id) &&
			prior.undone.length === ownUndone.length &&
			(prior.actions?.length ?? 0) === ownActions.length
		)
			return;
		const chunk = first + i;
		out.push({
			_id: chunkDocId(device, day, chunk),
			...(prior?._rev ? { _rev: prior._rev } : {}),
			type: 'day',
			v: CHUNK_VERSION,
			device,
			day,
			chunk,
			logs: rowsOfChunk.map(stripOrigin),
			undone: ownUndone.sort(),
			...(ownActions.length > 0
				? { actions: ownActions.map(stripOrigin).sort((a, b) => a.at - b.at) }
				: {})
		});
	});
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
