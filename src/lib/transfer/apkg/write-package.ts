import type { SqlJsStatic } from 'sql.js';
import { mediaList } from '$lib/deck/media';
import { SUBDECK_SEPARATOR } from '$lib/deck/subdecks';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Card, Deck } from '$lib/deck/schema';
import {
	ankiMediaNames,
	checksumOf,
	htmlOf,
	noteOf,
	sortFieldOf,
	type ExportNote
} from './export-notes';
import {
	ankiDays,
	revlogOf,
	scheduleOf,
	type ExportLog,
	type ExportState
} from './export-schedule';
import {
	confJson,
	dconfJson,
	decksJson,
	LEGACY_SCHEMA,
	modelsJson,
	NOTETYPE_IDS,
	type NoteKind
} from './legacy-schema';

/** One card to export, with its schedule and answers when the learner's history goes along. */
export interface ExportCard {
	card: Card;
	state?: ExportState;
	logs?: ExportLog[];
}

export interface ExportInput {
	deck: Pick<Deck, 'id' | 'title' | 'description'>;
	cards: ExportCard[];
	/** The deck's stored media; only files a card names are written. */
	media: { name: string; blob: Blob }[];
	/** Epoch milliseconds: ids, modification times and "today" for the schedule. */
	now: number;
	/**
	 * The hour the learner's study day starts at (Recall's setting, 4 by default): Anki's
	 * `rollover`, so a review card is due in Anki on the study day it is due here.
	 */
	dayStartHour?: number;
}

export interface ExportResult {
	bytes: Uint8Array;
	notes: number;
	/** Review-log rows written (0 without history). */
	reviews: number;
	media: number;
	/** Files cards name that are not stored on this device: the cards are exported without them. */
	missingMedia: string[];
}

/** Anki's deck names use `::` between levels: a Recall title is one level. */
const deckName = (title: string) => title.replace(/::/g, ':').trim() || 'Recall deck';

/**
 * Writes a Recall deck as an Anki package in the legacy layout every Anki version opens
 * (`collection.anki2` with schema 11, a JSON `media` list, media files named 0, 1, 2…).
 * Each card becomes a note (see `noteOf`); with history, its FSRS state becomes Anki's scheduling
 * columns and its answers review-log rows (see `scheduleOf`, `revlogOf`).
 * @example const { bytes } = await writePackage({ deck, cards, media: [], now: Date.now() }, loadSqlJs)
 */
export async function writePackage(
	input: ExportInput,
	loadSqlite: () => Promise<SqlJsStatic>
): Promise<ExportResult> {
	const { now } = input;
	const modSecs = Math.floor(now / 1000);
	// Day numbers of review cards count from `crt`: the start of the first study day of this
	// history (so they are >= 0), in this device's time zone, as Anki's scheduler counts them
	// (see `ankiDays`).
	let earliest = now;
	for (const c of input.cards)
		earliest = Math.min(earliest, c.state?.last_review ?? now, c.logs?.[0]?.reviewedAt ?? now);
	const days = ankiDays(earliest, input.dayStartHour ?? 4);
	const crt = days.crt;
	const deckId = now;
	// The deck tree: each sub-deck (and every level above it) an Anki deck below the exported one.
	const subdeckIds = new Map<string, number>();
	for (const { card } of input.cards) {
		const levels = card.subdeck?.split(SUBDECK_SEPARATOR) ?? [];
		for (let n = 1; n <= levels.length; n++) {
			const path = levels.slice(0, n).join(SUBDECK_SEPARATOR);
			if (!subdeckIds.has(path)) subdeckIds.set(path, deckId + subdeckIds.size + 1);
		}
	}
	const kinds = new Set<NoteKind>();
	const stored = new Map(input.media.map((m) => [m.name, m.blob]));
	// Every picture and sound the cards name, in card order, once: in the package or not.
	const names = new Set(
		input.cards.flatMap(({ card }) => [...mediaList(card.image), ...mediaList(card.audio)])
	);
	names.delete('');
	const named = new Set([...names].filter((name) => stored.has(name)));
	const missing = new Set([...names].filter((name) => !stored.has(name)));

	const renamed = ankiMediaNames(names);
	const ankiName = (name: string) => renamed.get(name) ?? name;
	const notes = input.cards.map(({ card }) => noteOf(card, ankiName));
	const sortFields = notes.map((note) => sortFieldOf(note.fields[0] ?? ''));
	// The digests are asked for together: one await per note made a large deck wait on each in turn.
	const checksums = await Promise.all(sortFields.map(checksumOf));
	const SQL = await loadSqlite();
	const db = new SQL.Database();
	try {
		db.run(LEGACY_SCHEMA);
		db.run('begin');
		const addNote = db.prepare('insert into notes values (?,?,?,?,?,?,?,?,?,?,?)');
		const addCard = db.prepare('insert into cards values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)');
		const addReview = db.prepare('insert into revlog values (?,?,?,?,?,?,?,?,?)');
		const taken = new Set<number>();
		let reviews = 0;
		try {
			for (const [i, { card, state, logs }] of input.cards.entries()) {
				const note = notes[i] as ExportNote;
				kinds.add(note.kind);
				const id = now + i;
				addNote.run([
					id,
					`${input.deck.id}/${card.id}`,
					NOTETYPE_IDS[note.kind],
					modSecs,
					0,
					note.tags.length > 0 ? ` ${note.tags.join(' ')} ` : '',
					note.fields.join('\u001f'),
					sortFields[i] ?? '',
					checksums[i] ?? 0,
					0,
					''
				]);
				const s = scheduleOf(state, i + 1, days.dayOf, now);
				addCard.run([
					id,
					id,
					(card.subdeck && subdeckIds.get(card.subdeck)) || deckId,
					0,
					modSecs,
					0,
					s.type,
					s.queue,
					s.due,
					s.ivl,
					s.factor,
					s.reps,
					s.lapses,
					s.left,
					0,
					0,
					0,
					s.data
				]);
				if (!state || !logs) continue;
				for (const r of revlogOf(logs, state, taken)) {
					addReview.run([r.id, id, 0, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type]);
					reviews++;
				}
			}
		} finally {
			addNote.free();
			addCard.free();
			addReview.free();
		}
		const title = deckName(input.deck.title);
		db.run('insert into col values (1,?,?,?,11,0,0,0,?,?,?,?,?)', [
			Math.floor(crt / 1000),
			now,
			now,
			confJson(deckId, input.cards.length + 1, days),
			modelsJson(kinds, deckId, modSecs),
			decksJson(
				deckId,
				title,
				// Anki shows a deck's description as HTML: `<`, `&` and line breaks as written here.
				htmlOf(input.deck.description ?? ''),
				modSecs,
				[...subdeckIds].map(([path, id]) => ({ id, path }))
			),
			dconfJson(modSecs),
			'{}'
		]);
		db.run('commit');
		const collection = db.export();
		const files: Zippable = { 'collection.anki2': collection };
		const list: Record<string, string> = {};
		let index = 0;
		for (const name of named) {
			const blob = stored.get(name);
			if (!blob) continue;
			// Pictures and sounds are compressed already: stored, not deflated again.
			files[String(index)] = [new Uint8Array(await blob.arrayBuffer()), { level: 0 }];
			list[String(index)] = ankiName(name);
			index++;
		}
		files.media = strToU8(JSON.stringify(list));
		return {
			bytes: zipSync(files, { level: 6 }),
			notes: input.cards.length,
			reviews,
			media: index,
			missingMedia: [...missing].sort()
		};
	} finally {
		db.close();
	}
}
