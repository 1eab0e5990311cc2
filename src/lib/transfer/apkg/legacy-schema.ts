// The legacy collection (schema 11) that every Anki version opens: Anki 2.0, 2.1, 23.x and later
// (which upgrade it on import) and AnkiDroid. Tables as Anki's own `schema11.sql` has them; note
// types, decks and options as JSON in the one `col` row, with the keys Anki's schema-11 readers
// require (they refuse a note type without `css`, a deck without `dyn` or the `…Today` pairs).

/** The tables and indexes of a schema-11 collection. */
export const LEGACY_SCHEMA = `
create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
create table revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
create table graves (usn integer not null, oid integer not null, type integer not null);
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);`;

/** The note types an export uses: Anki's stock layouts, with a field for the card's explanation. */
export type NoteKind = 'basic' | 'typed' | 'cloze';

/**
 * Fixed ids, so a second export (or another Recall deck) brings the same note types and Anki
 * reuses them instead of adding copies. Anki's ids are millisecond times; these are in 2024.
 */
export const NOTETYPE_IDS: Record<NoteKind, number> = {
	basic: 1_733_000_000_101,
	typed: 1_733_000_000_102,
	cloze: 1_733_000_000_103
};

/** The explanation is a `{{hint:…}}`: Anki shows it behind a link on the answer side. */
const extra = (field: string) => `{{#${field}}}<br><br>{{hint:${field}}}{{/${field}}}`;

const NOTETYPES: Record<
	NoteKind,
	{ name: string; cloze: boolean; fields: string[]; qfmt: string; afmt: string; tmpl: string }
> = {
	basic: {
		name: 'Basic',
		cloze: false,
		fields: ['Front', 'Back', 'Extra'],
		tmpl: 'Card 1',
		qfmt: '{{Front}}',
		afmt: `{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}${extra('Extra')}`
	},
	typed: {
		name: 'Basic (type in the answer)',
		cloze: false,
		fields: ['Front', 'Back', 'Extra'],
		tmpl: 'Card 1',
		qfmt: '{{Front}}\n\n{{type:Back}}',
		afmt: `{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}${extra('Extra')}`
	},
	cloze: {
		name: 'Cloze',
		cloze: true,
		fields: ['Text', 'Back Extra'],
		tmpl: 'Cloze',
		qfmt: '{{cloze:Text}}',
		afmt: `{{cloze:Text}}${extra('Back Extra')}`
	}
};

/** How many fields a note of this kind has. */
export const fieldCount = (kind: NoteKind): number => NOTETYPES[kind].fields.length;

const CSS =
	'.card {\n font-family: arial;\n font-size: 20px;\n text-align: center;\n color: black;\n background-color: white;\n}\n.cloze {\n font-weight: bold;\n color: blue;\n}';

/** The `models` JSON of `col`: one entry per note type used, keyed by its id. */
export function modelsJson(kinds: Iterable<NoteKind>, deckId: number, modSecs: number): string {
	const models: Record<string, unknown> = {};
	for (const kind of kinds) {
		const t = NOTETYPES[kind];
		const id = NOTETYPE_IDS[kind];
		models[String(id)] = {
			id,
			name: t.name,
			type: t.cloze ? 1 : 0,
			mod: modSecs,
			usn: -1,
			sortf: 0,
			did: deckId,
			tmpls: [
				{ name: t.tmpl, ord: 0, qfmt: t.qfmt, afmt: t.afmt, bqfmt: '', bafmt: '', did: null }
			],
			flds: t.fields.map((name, ord) => ({
				name,
				ord,
				sticky: false,
				rtl: false,
				font: 'Arial',
				size: 20,
				media: []
			})),
			css: CSS,
			latexPre:
				'\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
			latexPost: '\\end{document}',
			latexsvg: false,
			// A card needs its first field (the front, or the cloze text).
			req: [[0, 'any', [0]]],
			tags: [],
			vers: []
		};
	}
	return JSON.stringify(models);
}

function deckEntry(id: number, name: string, modSecs: number, desc = '') {
	return {
		id,
		name,
		mod: modSecs,
		usn: -1,
		desc,
		dyn: 0,
		conf: 1,
		collapsed: false,
		browserCollapsed: false,
		newToday: [0, 0],
		revToday: [0, 0],
		lrnToday: [0, 0],
		timeToday: [0, 0],
		extendNew: 0,
		extendRev: 0
	};
}

/**
 * The `decks` JSON: Anki's Default deck (which must exist), the exported deck and its sub-decks,
 * each named with its whole path (`Spanish::Verbs`) as Anki names them.
 */
export function decksJson(
	deckId: number,
	name: string,
	desc: string,
	modSecs: number,
	subdecks: readonly { id: number; path: string }[] = []
): string {
	const decks: Record<string, ReturnType<typeof deckEntry>> = {
		'1': deckEntry(1, 'Default', modSecs),
		[String(deckId)]: deckEntry(deckId, name, modSecs, desc)
	};
	for (const sub of subdecks)
		decks[String(sub.id)] = deckEntry(sub.id, `${name}::${sub.path}`, modSecs);
	return JSON.stringify(decks);
}

/** The `dconf` JSON: one options group, Anki's defaults. */
export function dconfJson(modSecs: number): string {
	return JSON.stringify({
		'1': {
			id: 1,
			name: 'Default',
			mod: modSecs,
			usn: 0,
			maxTaken: 60,
			autoplay: true,
			timer: 0,
			replayq: true,
			dyn: false,
			new: {
				bury: false,
				delays: [1, 10],
				initialFactor: 2500,
				ints: [1, 4, 0],
				order: 1,
				perDay: 20
			},
			rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
			lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 }
		}
	});
}

/**
 * The `conf` JSON: collection settings, with the exported deck current. `schedVer` 2 says the
 * review log's buttons are Again, Hard, Good, Easy (1-4) on learning steps too: without it Anki
 * reads a package's schedule as one of its old v1 scheduler and upgrades it, which moves every Hard
 * and Good answer of a learning step up a button. `creationOffset` and `rollover` say how its review
 * cards' day numbers count (see `ankiDays`).
 */
export function confJson(
	deckId: number,
	nextPos: number,
	days: { creationOffset: number; rollover: number }
): string {
	return JSON.stringify({
		schedVer: 2,
		sched2021: true,
		creationOffset: days.creationOffset,
		rollover: days.rollover,
		activeDecks: [deckId],
		curDeck: deckId,
		newSpread: 0,
		collapseTime: 1200,
		timeLim: 0,
		estTimes: true,
		dueCounts: true,
		curModel: null,
		nextPos,
		sortType: 'noteFld',
		sortBackwards: false,
		addToCur: true
	});
}
