import { createHash } from 'node:crypto';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Card } from '$lib/deck/schema';
import { createScheduler, type Grade } from '$lib/scheduler';
import { stateToRow, pickState } from '$lib/storage/rows';
import { decodeEntities } from '$lib/transfer/entities';
import { readPackage } from '$lib/transfer/apkg/read-package';
import { writePackage, type ExportCard } from '$lib/transfer/apkg/write-package';
import type { ExportLog } from '$lib/transfer/apkg/export-schedule';
import { loadSqlite } from '../../fixtures/anki-packages';
import { ankiDaysElapsed } from '../../fixtures/anki-timing';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const DAY = 86_400_000;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 1, 2, 3, 4, 5]);
const MP3 = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 9, 8, 7]);
const quote = { quote: 'From the course notes.' };

const CARDS: Card[] = [
	{
		id: 'paris',
		kind: 'basic',
		prompt: 'Capital of France?',
		answer: 'Paris',
		explanation: 'On the Seine, since 508.',
		tags: ['geo.europe', 'capitals'],
		source: quote,
		image: 'paris.png'
	},
	{ id: 'rome', kind: 'typed', prompt: 'Capital of Italy?', answer: 'Rome', source: quote },
	{
		id: 'madrid',
		kind: 'cloze',
		prompt: 'The capital of Spain is ___ {so they say}: x < y & z.',
		answer: 'Madrid',
		source: quote,
		audio: 'madrid.mp3'
	},
	{
		id: 'berlin',
		kind: 'mcq',
		prompt: 'Capital of Germany?',
		answer: 'Berlin',
		distractors: ['Bonn', 'Munich', 'Hamburg'],
		source: quote
	},
	{ id: 'oslo', kind: 'truefalse', prompt: 'Oslo is in Sweden.', answer: 'False', source: quote },
	{
		id: 'lost',
		kind: 'basic',
		prompt: 'Where is the picture?',
		answer: 'Not stored',
		source: quote,
		image: 'gone.png'
	}
];

/** Answers a card through the app's scheduler, as the review screen would, and keeps the logs. */
function answered(card: Card, grades: Grade[], start: number): ExportCard {
	const scheduler = createScheduler();
	let state = scheduler.newCard(new Date(start));
	const logs: ExportLog[] = [];
	let at = start;
	for (const grade of grades) {
		const before = pickState(stateToRow(state));
		state = scheduler.answer(state, grade, new Date(at), card.id);
		logs.push({ kind: 'review', grade, reviewedAt: at, durationMs: 4_000, before });
		at = Math.max(at + 60_000, state.due.getTime());
	}
	return { card, state: { ...stateToRow(state), suspended: 0, buriedUntil: 0 }, logs };
}

async function exported(withHistory: boolean) {
	const cards: ExportCard[] = CARDS.map((card) => ({ card }));
	if (withHistory) {
		cards[0] = answered(CARDS[0]!, [3, 3, 3], NOW - 30 * DAY);
		cards[1] = answered(CARDS[1]!, [1, 3], NOW - 10 * DAY);
		const oslo = answered(CARDS[4]!, [3], NOW - 5 * DAY);
		// A practice answer is not an answer Anki knows: it stays out of the revlog.
		oslo.logs!.push({ ...oslo.logs![0]!, kind: 'practice', reviewedAt: NOW - DAY });
		cards[4] = { ...oslo, state: { ...oslo.state!, suspended: 1 } };
	}
	const result = await writePackage(
		{
			deck: { id: 'capitals', title: 'Capitals', description: 'Europe' },
			cards,
			media: [
				{ name: 'paris.png', blob: new Blob([PNG]) },
				{ name: 'madrid.mp3', blob: new Blob([MP3]) },
				{ name: 'unused.png', blob: new Blob([PNG]) }
			],
			now: NOW
		},
		loadSqlite
	);
	return { result, cards };
}

type Row = Record<string, unknown>;
async function tables(bytes: Uint8Array) {
	const files = unzipSync(bytes);
	const SQL = await loadSqlite();
	const db = new SQL.Database(files['collection.anki2']);
	const all = (sql: string): Row[] => {
		const [res] = db.exec(sql);
		return (res?.values ?? []).map((v) =>
			Object.fromEntries(res!.columns.map((c, i) => [c, v[i]]))
		);
	};
	const columns = (table: string) => all(`pragma table_info(${table})`).map((r) => r.name);
	return { files, db, all, columns };
}

describe('exporting a deck as an Anki package', () => {
	it('reads back through the app’s own importer: cards, tags, media bytes and history', async () => {
		const { result } = await exported(true);
		expect(result).toMatchObject({ notes: 6, media: 2, missingMedia: ['gone.png'] });
		// paris 3 + rome 2 + oslo 1 (its practice answer left out).
		expect(result.reviews).toBe(6);
		const back = await readPackage({
			name: 'capitals.apkg',
			chunks: [result.bytes],
			loadSqlite
		});
		if (!back.ok) throw new Error(back.errors.map((e) => e.message).join('; '));
		expect(back.layout).toBe('anki2');
		expect(back.deck.title).toBe('Capitals');
		const byId = new Map(back.deck.cards.map((c) => [c.id, c]));
		expect(byId.get('capitals/paris')).toMatchObject({
			kind: 'basic',
			prompt: 'Capital of France?',
			answer: 'Paris',
			explanation: 'On the Seine, since 508.',
			image: 'paris.png',
			// The importer adds the Anki deck as a tag.
			tags: ['geo.europe', 'capitals']
		});
		expect(byId.get('capitals/rome')).toMatchObject({
			kind: 'typed',
			prompt: 'Capital of Italy?',
			answer: 'Rome'
		});
		expect(byId.get('capitals/madrid/c1')).toMatchObject({
			kind: 'cloze',
			prompt: 'The capital of Spain is ___ {so they say}: x < y & z.',
			answer: 'Madrid',
			audio: 'madrid.mp3'
		});
		const berlin = byId.get('capitals/berlin');
		expect(berlin).toMatchObject({ kind: 'basic', answer: 'Berlin' });
		expect(berlin?.prompt.split('\n').filter((l) => /^[A-D]\. /.test(l))).toHaveLength(4);
		for (const choice of ['Berlin', 'Bonn', 'Munich', 'Hamburg'])
			expect(berlin?.prompt).toContain(`. ${choice}`);
		expect(byId.get('capitals/oslo')).toMatchObject({
			prompt: expect.stringMatching(/^Oslo is in Sweden\.\s+True or false\?$/),
			answer: 'False'
		});
		expect(byId.get('capitals/lost')).toMatchObject({ prompt: 'Where is the picture?' });
		expect(back.missingMedia).toEqual(['gone.png']);
		const media = new Map(
			await Promise.all(
				back.media.map(async (m) => [m.name, new Uint8Array(await m.blob.arrayBuffer())] as const)
			)
		);
		expect([...media.keys()].sort()).toEqual(['madrid.mp3', 'paris.png']);
		expect(media.get('paris.png')).toEqual(PNG);
		expect(media.get('madrid.mp3')).toEqual(MP3);
		const history = new Map(back.history.map((h) => [h.cardId, h]));
		expect(history.get('capitals/paris')?.reviews.map((r) => r.rating)).toEqual([3, 3, 3]);
		expect(history.get('capitals/rome')?.reviews.map((r) => r.rating)).toEqual([1, 3]);
		expect(history.get('capitals/oslo')).toMatchObject({ suspended: true });
		expect(history.get('capitals/oslo')?.reviews).toHaveLength(1);
		expect(back.withHistory).toBe(3);
	});

	it('without history every card is new and the revlog is empty', async () => {
		const { result } = await exported(false);
		expect(result.reviews).toBe(0);
		const { all } = await tables(result.bytes);
		expect(all('select count(*) as n from revlog')[0]?.n).toBe(0);
		expect(all('select distinct type, queue from cards')).toEqual([{ type: 0, queue: 0 }]);
		expect(all('select due from cards order by id').map((r) => r.due)).toEqual([1, 2, 3, 4, 5, 6]);
	});

	it('writes the tables and JSON Anki’s legacy schema 11 requires', async () => {
		const { result } = await exported(true);
		const { files, all, columns } = await tables(result.bytes);
		expect(Object.keys(files).sort()).toEqual(['0', '1', 'collection.anki2', 'media']);
		expect(JSON.parse(strFromU8(files.media!))).toEqual({ '0': 'paris.png', '1': 'madrid.mp3' });
		expect(files['0']).toEqual(PNG);
		expect(columns('col')).toEqual(
			'id crt mod scm ver dty usn ls conf models decks dconf tags'.split(' ')
		);
		expect(columns('notes')).toEqual(
			'id guid mid mod usn tags flds sfld csum flags data'.split(' ')
		);
		expect(columns('cards')).toEqual(
			'id nid did ord mod usn type queue due ivl factor reps lapses left odue odid flags data'.split(
				' '
			)
		);
		expect(columns('revlog')).toEqual('id cid usn ease ivl lastIvl factor time type'.split(' '));
		const indexes = all("select name from sqlite_master where type = 'index'").map((r) => r.name);
		expect(indexes).toEqual(
			expect.arrayContaining(['ix_cards_sched', 'ix_notes_csum', 'ix_revlog_cid', 'ix_cards_nid'])
		);

		const [col] = all('select * from col');
		expect(col).toMatchObject({ id: 1, ver: 11 });
		const models = JSON.parse(String(col!.models));
		const byName = new Map(Object.values(models).map((m) => [(m as { name: string }).name, m]));
		expect([...byName.keys()].sort()).toEqual(['Basic', 'Basic (type in the answer)', 'Cloze']);
		for (const [id, m] of Object.entries(models) as [string, Record<string, unknown>][]) {
			expect(String(m.id)).toBe(id);
			for (const key of ['name', 'type', 'mod', 'usn', 'sortf', 'did', 'tmpls', 'flds', 'css'])
				expect(m).toHaveProperty(key);
			for (const f of m.flds as Record<string, unknown>[])
				for (const key of ['name', 'ord', 'sticky', 'rtl', 'font', 'size'])
					expect(f).toHaveProperty(key);
		}
		expect(byName.get('Cloze')).toMatchObject({ type: 1, tmpls: [{ qfmt: '{{cloze:Text}}' }] });
		expect(byName.get('Basic (type in the answer)')).toMatchObject({
			type: 0,
			tmpls: [{ qfmt: '{{Front}}\n\n{{type:Back}}' }]
		});
		const decks = Object.values(JSON.parse(String(col!.decks))) as Record<string, unknown>[];
		expect(decks.map((d) => d.name).sort()).toEqual(['Capitals', 'Default']);
		for (const d of decks)
			for (const key of ['id', 'name', 'usn', 'dyn', 'conf', 'collapsed', 'newToday', 'revToday'])
				expect(d).toHaveProperty(key);
		expect(Object.keys(JSON.parse(String(col!.dconf)))).toEqual(['1']);

		const notes = all('select * from notes order by id');
		expect(notes).toHaveLength(6);
		const cards = all('select * from cards order by id');
		const deckId = decks.find((d) => d.name === 'Capitals')!.id;
		for (const [i, note] of notes.entries()) {
			const model = models[String(note.mid)] as { flds: unknown[] };
			const fields = String(note.flds).split('\u001f');
			expect(fields).toHaveLength(model.flds.length);
			const sfld = String(note.sfld);
			// The first field without markup, a picture by its name, entities decoded.
			const stripped = fields[0]!.replace(/<img src="([^"]+)">/g, ' $1 ').replace(/<[^>]+>/g, '');
			expect(sfld).toBe(decodeEntities(stripped));
			const sha = createHash('sha1').update(sfld).digest();
			expect(note.csum).toBe(sha.readUInt32BE(0));
			expect(cards[i]).toMatchObject({ nid: note.id, did: deckId, ord: 0 });
		}
		expect(notes[0]).toMatchObject({
			guid: 'capitals/paris',
			tags: ' geo::europe capitals ',
			flds: 'Capital of France?<br><img src="paris.png">\u001fParis\u001fOn the Seine, since 508.',
			sfld: 'Capital of France? paris.png '
		});
		expect(String(notes[2]!.flds)).toBe(
			'The capital of Spain is {{c1::Madrid}} &#123;so they say&#125;&#58; x &lt; y &amp; z. [sound:madrid.mp3]\u001f'
		);
	});

	it('carries the schedule: review cards on their day, ease from difficulty, suspended stays so', async () => {
		const { result, cards } = await exported(true);
		const { all } = await tables(result.bytes);
		const [col] = all('select crt, conf from col');
		const conf = JSON.parse(String(col!.conf)) as Record<string, unknown>;
		// A scheduler that numbers Again, Hard, Good, Easy 1-4 on learning steps too: Anki upgrades
		// a package without it, moving each Hard and Good of a learning step up a button.
		expect(conf).toMatchObject({ schedVer: 2, rollover: 4 });
		expect(conf.creationOffset).toBe(new Date(Number(col!.crt) * 1000).getTimezoneOffset());
		const rows = all('select * from cards order by id');
		const paris = cards[0]!.state!;
		expect(paris.state).toBe(2);
		expect(rows[0]).toMatchObject({
			type: 2,
			queue: 2,
			// The day Anki's count reaches when the card is due here.
			due: ankiDaysElapsed(paris.due, Number(col!.crt), Number(conf.creationOffset), 4),
			reps: 3,
			lapses: 0
		});
		expect(rows[0]!.ivl).toBeGreaterThanOrEqual(1);
		expect(Number(rows[0]!.factor)).toBeGreaterThanOrEqual(1300);
		expect(Number(rows[0]!.factor)).toBeLessThanOrEqual(3000);
		expect(JSON.parse(String(rows[0]!.data))).toMatchObject({
			s: expect.closeTo(paris.stability, 3),
			d: expect.closeTo(paris.difficulty, 3)
		});
		expect(rows[4]).toMatchObject({ queue: -1 });
		expect(rows[2]).toMatchObject({ type: 0, queue: 0, due: 3 });
		const revlog = all('select * from revlog order by id');
		expect(revlog).toHaveLength(6);
		const typeOf = (l: ExportLog) => (l.before.state === 2 ? 1 : l.before.state === 3 ? 2 : 0);
		for (const [i, c] of cards.entries()) {
			const mine = revlog.filter((r) => r.cid === rows[i]!.id);
			const logs = (c.logs ?? []).filter((l) => l.kind === 'review');
			expect(mine.map((r) => r.ease)).toEqual(logs.map((l) => l.grade));
			expect(mine.map((r) => r.id)).toEqual(logs.map((l) => l.reviewedAt));
			expect(mine.map((r) => r.type)).toEqual(logs.map(typeOf));
		}
		const parisLog = revlog.filter((r) => r.cid === rows[0]!.id);
		expect(parisLog[0]).toMatchObject({ ease: 3, type: 0, lastIvl: 0, time: 4000 });
		// Learning steps are negative seconds; the last answer's interval is the card's.
		expect(Number(parisLog[0]!.ivl)).toBeLessThan(0);
		expect(parisLog.at(-1)!.ivl).toBe(rows[0]!.ivl);
	});
});

describe('media names with square brackets', () => {
	it('go to Anki under round ones, unlike any other name, as `[sound:…]` ends at the first `]`', async () => {
		const talk = new Uint8Array([1, 2, 3]);
		const other = new Uint8Array([4, 5, 6]);
		const { bytes } = await writePackage(
			{
				deck: { id: 'd', title: 'D' },
				cards: [
					{ card: { ...CARDS[1]!, id: 'a', audio: 'talk [1].mp3' } },
					{ card: { ...CARDS[1]!, id: 'b', audio: 'talk (1).mp3' } }
				],
				media: [
					{ name: 'talk [1].mp3', blob: new Blob([talk]) },
					{ name: 'talk (1).mp3', blob: new Blob([other]) }
				],
				now: NOW
			},
			loadSqlite
		);
		const files = unzipSync(bytes);
		const list = JSON.parse(strFromU8(files.media!)) as Record<string, string>;
		const byName = new Map(Object.entries(list).map(([zip, name]) => [name, files[zip]]));
		expect([...byName.keys()].sort()).toEqual(['talk (1)-2.mp3', 'talk (1).mp3']);
		expect(byName.get('talk (1)-2.mp3')).toEqual(talk);
		expect(byName.get('talk (1).mp3')).toEqual(other);
		const SQL = await loadSqlite();
		const db = new SQL.Database(files['collection.anki2']!);
		const fronts = (db.exec('select flds from notes order by id')[0]?.values ?? []).map(
			(r) => String(r[0]).split('\u001f')[0]
		);
		db.close();
		expect(fronts[0]).toContain('[sound:talk (1)-2.mp3]');
		expect(fronts[1]).toContain('[sound:talk (1).mp3]');
	});
});

describe('a deck description', () => {
	it('goes to Anki as HTML: its markup characters escaped, its line breaks kept', async () => {
		const { bytes } = await writePackage(
			{
				deck: { id: 'd', title: 'D', description: 'x < y & z\nsecond line' },
				cards: [{ card: CARDS[1]! }],
				media: [],
				now: NOW
			},
			loadSqlite
		);
		const SQL = await loadSqlite();
		const db = new SQL.Database(unzipSync(bytes)['collection.anki2']!);
		const decks = JSON.parse(String(db.exec('select decks from col')[0]!.values[0]![0])) as Record<
			string,
			{ name: string; desc: string }
		>;
		db.close();
		const deck = Object.values(decks).find((d) => d.name === 'D');
		expect(deck?.desc).toBe('x &lt; y &amp; z<br>second line');
	});
});

describe('exporting a deck tree', () => {
	it('writes each sub-deck as an Anki deck below the deck, which reads back as the same tree', async () => {
		const tree: ExportCard[] = [
			{ card: { ...CARDS[1]!, id: 'top' } },
			{ card: { ...CARDS[1]!, id: 'verb', subdeck: 'Verbs' } },
			{ card: { ...CARDS[1]!, id: 'irregular', subdeck: 'Verbs::Irregular' } },
			{ card: { ...CARDS[1]!, id: 'noun', subdeck: 'Nouns::Animals' } }
		];
		const { bytes } = await writePackage(
			{ deck: { id: 'spanish', title: 'Spanish' }, cards: tree, media: [], now: NOW },
			loadSqlite
		);
		const SQL = await loadSqlite();
		const db = new SQL.Database(unzipSync(bytes)['collection.anki2']!);
		const decks = JSON.parse(String(db.exec('select decks from col')[0]!.values[0]![0])) as Record<
			string,
			{ name: string }
		>;
		db.close();
		// Every level is a deck of its own, as Anki keeps them.
		expect(
			Object.values(decks)
				.map((d) => d.name)
				.sort()
		).toEqual([
			'Default',
			'Spanish',
			'Spanish::Nouns',
			'Spanish::Nouns::Animals',
			'Spanish::Verbs',
			'Spanish::Verbs::Irregular'
		]);
		const back = await readPackage({ name: 'spanish.apkg', chunks: [bytes], loadSqlite });
		if (!back.ok) throw new Error(back.errors.map((e) => e.message).join('; '));
		expect(back.deck.title).toBe('Spanish');
		expect(back.deck.cards.map((c) => [c.id, c.subdeck])).toEqual([
			['spanish/top', undefined],
			['spanish/verb', 'Verbs'],
			['spanish/irregular', 'Verbs::Irregular'],
			['spanish/noun', 'Nouns::Animals']
		]);
	});
});
