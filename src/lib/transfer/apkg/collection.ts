import type { Database } from 'sql.js';
import { LIMITS } from '$lib/deck/schema';
import { MAX_NOTES, PackageError } from './limits';
import { protoFields, protoNumber, protoString } from './protobuf';

export interface AnkiTemplate {
	name: string;
	ord: number;
	qfmt: string;
	afmt: string;
}

export interface AnkiNotetype {
	id: number;
	name: string;
	cloze: boolean;
	fields: string[];
	templates: AnkiTemplate[];
}

export interface AnkiNote {
	id: number;
	guid: string;
	mid: number;
	tags: string[];
	fields: string[];
}

export interface AnkiCard {
	id: number;
	nid: number;
	did: number;
	ord: number;
	/** -1 suspended, -2/-3 buried, 0 new, 1 learning, 2 review, 3 day learning. */
	queue: number;
}

export interface AnkiRevlog {
	/** Epoch milliseconds of the answer. */
	id: number;
	cid: number;
	/** 1-4 the button; 0 for a manual reschedule. */
	ease: number;
	/** 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled. */
	type: number;
	/** The interval after the answer (days; negative seconds while learning); 0 on a reset. */
	ivl: number;
	/** Milliseconds the answer took. */
	time: number;
}

export interface AnkiCollection {
	notetypes: Map<number, AnkiNotetype>;
	/** Deck names with `::` between levels. */
	decks: Map<number, string>;
	notes: AnkiNote[];
	cards: AnkiCard[];
	revlog: AnkiRevlog[];
	/** Which layout the collection used: the plain JSON columns of old, or the tables of Anki 2.1.28+. */
	schema: 'json' | 'tables';
	/**
	 * When Anki's study day began, as milliseconds after UTC midnight (0 to a day): the rollover
	 * hour in the collection's time zone, or for an old collection its creation time of day.
	 */
	dayStartMs: number;
}

type Row = Record<string, unknown>;

function rows(db: Database, sql: string): Row[] {
	const stmt = db.prepare(sql);
	const out: Row[] = [];
	try {
		// Column names once: sql.js's getAsObject asks SQLite for them again on every row.
		const names = stmt.getColumnNames();
		while (stmt.step()) {
			const values = stmt.get();
			const row: Row = {};
			for (let i = 0; i < names.length; i++) row[names[i] as string] = values[i];
			out.push(row);
		}
	} finally {
		stmt.free();
	}
	return out;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown): string =>
	typeof v === 'string' ? v : v instanceof Uint8Array ? new TextDecoder().decode(v) : '';
const bytes = (v: unknown): Uint8Array => (v instanceof Uint8Array ? v : new Uint8Array(0));

function tablesOf(db: Database): Set<string> {
	return new Set(
		rows(db, "select name from sqlite_master where type = 'table'").map((r) => str(r.name))
	);
}

function parseJson(text: string, what: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new PackageError(`the collection's ${what} are not readable`);
	}
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	!!v && typeof v === 'object' && !Array.isArray(v);

/** Note types and decks of the older layout: JSON in the `col` row. */
function readJsonSchema(db: Database): Pick<AnkiCollection, 'notetypes' | 'decks'> {
	const col = rows(db, 'select models, decks from col limit 1')[0];
	if (!col) throw new PackageError('the collection has no settings row (table col is empty)');
	const models = parseJson(str(col.models), 'note types');
	const deckJson = parseJson(str(col.decks), 'decks');
	const notetypes = new Map<number, AnkiNotetype>();
	for (const m of Object.values(isObject(models) ? models : {})) {
		if (!isObject(m)) continue;
		const list = (v: unknown) => (Array.isArray(v) ? v.filter(isObject) : []);
		const id = num(m.id) || Number(m.id);
		notetypes.set(id, {
			id,
			name: str(m.name),
			cloze: num(m.type) === 1,
			fields: list(m.flds)
				.sort((a, b) => num(a.ord) - num(b.ord))
				.map((f) => str(f.name)),
			templates: list(m.tmpls)
				.map((t) => ({ name: str(t.name), ord: num(t.ord), qfmt: str(t.qfmt), afmt: str(t.afmt) }))
				.sort((a, b) => a.ord - b.ord)
		});
	}
	const decks = new Map<number, string>();
	for (const d of Object.values(isObject(deckJson) ? deckJson : {}))
		if (isObject(d)) decks.set(num(d.id) || Number(d.id), str(d.name));
	return { notetypes, decks };
}

/** Note types and decks of Anki 2.1.28 and later: tables, with protobuf settings. */
function readTableSchema(db: Database): Pick<AnkiCollection, 'notetypes' | 'decks'> {
	const notetypes = new Map<number, AnkiNotetype>();
	for (const r of rows(db, 'select id, name, config from notetypes')) {
		const config = protoFields(bytes(r.config));
		notetypes.set(num(r.id), {
			id: num(r.id),
			name: str(r.name),
			cloze: protoNumber(config, 1) === 1,
			fields: [],
			templates: []
		});
	}
	for (const r of rows(db, 'select ntid, ord, name from fields order by ntid, ord'))
		notetypes.get(num(r.ntid))?.fields.push(str(r.name));
	for (const r of rows(db, 'select ntid, ord, name, config from templates order by ntid, ord')) {
		const config = protoFields(bytes(r.config));
		notetypes.get(num(r.ntid))?.templates.push({
			name: str(r.name),
			ord: num(r.ord),
			qfmt: protoString(config, 1),
			afmt: protoString(config, 2)
		});
	}
	const decks = new Map<number, string>();
	// Levels are kept apart by the unit separator in this layout.
	for (const r of rows(db, 'select id, name from decks'))
		decks.set(num(r.id), str(r.name).split('\u001f').join('::'));
	return { notetypes, decks };
}

const DAY_MS = 86_400_000;

/**
 * Refuses, before a note is read, a package with more cards than one deck holds, naming the limit
 * and the package's largest decks, so the learner knows what to export from Anki instead. Counted
 * by SQLite: a package of 100,000 notes is refused in the time of two counts.
 */
function refuseOverLimit(db: Database, decks: Map<number, string>): void {
	const count = num(rows(db, 'select count(*) as n from cards')[0]?.n);
	if (count <= LIMITS.cards) return;
	const byTop = new Map<string, number>();
	for (const r of rows(
		db,
		'select case when odid != 0 then odid else did end as d, count(*) as n from cards group by d'
	)) {
		const top = (decks.get(num(r.d)) ?? 'Default').split('::')[0]?.trim() || 'Default';
		byTop.set(top, (byTop.get(top) ?? 0) + num(r.n));
	}
	const n = (v: number) => v.toLocaleString('en');
	const largest = [...byTop]
		.sort((a, b) => b[1] - a[1])
		.slice(0, 3)
		.map(([name, cards]) => `${name.slice(0, 60)} (${n(cards)})`)
		.join(', ');
	throw new PackageError(
		`the package has ${n(count)} cards; a Recall deck holds at most ${n(LIMITS.cards)}. Its largest decks: ${largest}. In Anki, export one deck or sub-deck of at most ${n(LIMITS.cards)} cards at a time and import each`
	);
}

/** The collection settings a study day needs: from `col.conf` (JSON) or the `config` table. */
function readDayConfig(db: Database, tables: Set<string>): Record<string, unknown> {
	if (tables.has('config')) {
		const out: Record<string, unknown> = {};
		for (const r of rows(
			db,
			"select key as k, val as v from config where key in ('rollover', 'localOffset', 'creationOffset')"
		)) {
			try {
				out[str(r.k)] = JSON.parse(str(r.v)) as unknown;
			} catch {
				// An unreadable setting is Anki's default.
			}
		}
		return out;
	}
	const conf = rows(db, 'select conf from col limit 1')[0];
	try {
		const json = JSON.parse(str(conf?.conf)) as unknown;
		return isObject(json) ? json : {};
	} catch {
		return {};
	}
}

/**
 * When Anki's study day began, in milliseconds after UTC midnight. A collection with a rollover
 * hour (Anki 2.1's schedulers) starts its day at that hour in its time zone (`localOffset`, else
 * `creationOffset`: minutes west of UTC); an old collection without them counted days from its
 * creation time `crt`, so its days start at crt's time of day.
 */
export function dayStartOf(conf: Record<string, unknown>, crtSeconds: number): number {
	const hour = conf.rollover;
	const west = typeof conf.localOffset === 'number' ? conf.localOffset : conf.creationOffset;
	const mod = (n: number) => ((n % DAY_MS) + DAY_MS) % DAY_MS;
	if (typeof hour === 'number' && Number.isFinite(hour) && typeof west === 'number')
		return mod((Math.min(23, Math.max(0, Math.trunc(hour))) * 60 + Math.trunc(west)) * 60_000);
	return mod(Math.trunc(crtSeconds) * 1000);
}

/**
 * Reads what an import needs from an opened collection: note types, decks, notes, cards, review log.
 * Throws `PackageError` when tables are missing or unreadable.
 */
export function readCollection(db: Database): AnkiCollection {
	let tables: Set<string>;
	try {
		tables = tablesOf(db);
	} catch (e) {
		throw new PackageError(
			`the collection is not a readable database (${e instanceof Error ? e.message : String(e)})`
		);
	}
	const missing = ['col', 'notes', 'cards'].filter((t) => !tables.has(t));
	if (missing.length > 0)
		throw new PackageError(
			`the collection has no ${missing.join(', ')} table: it is not from Anki`
		);
	try {
		const schema = tables.has('notetypes') ? 'tables' : 'json';
		const { notetypes, decks } = schema === 'tables' ? readTableSchema(db) : readJsonSchema(db);
		refuseOverLimit(db, decks);
		const count = num(rows(db, 'select count(*) as n from notes')[0]?.n);
		if (count > MAX_NOTES)
			throw new PackageError(
				`the package has ${count.toLocaleString('en')} notes; at most ${MAX_NOTES.toLocaleString('en')} can be imported at once`
			);
		const notes = rows(db, 'select id, guid, mid, tags, flds from notes order by id').map((r) => ({
			id: num(r.id),
			guid: str(r.guid),
			mid: num(r.mid),
			tags: str(r.tags).split(/\s+/).filter(Boolean),
			fields: str(r.flds).split('\u001f')
		}));
		const cards = rows(db, 'select id, nid, did, odid, ord, queue from cards order by id').map(
			(r) => ({
				id: num(r.id),
				nid: num(r.nid),
				// A card in a filtered deck belongs to its original deck.
				did: num(r.odid) || num(r.did),
				ord: num(r.ord),
				queue: num(r.queue)
			})
		);
		const revlog = tables.has('revlog')
			? rows(db, 'select id, cid, ease, ivl, type, time from revlog order by id').map((r) => ({
					id: num(r.id),
					cid: num(r.cid),
					ease: num(r.ease),
					type: num(r.type),
					ivl: num(r.ivl),
					time: num(r.time)
				}))
			: [];
		const crt = num(rows(db, 'select crt from col limit 1')[0]?.crt);
		const dayStartMs = dayStartOf(readDayConfig(db, tables), crt);
		return { notetypes, decks, notes, cards, revlog, schema, dayStartMs };
	} catch (e) {
		if (e instanceof PackageError) throw e;
		throw new PackageError(
			`the collection could not be read (${e instanceof Error ? e.message : String(e)})`
		);
	}
}
