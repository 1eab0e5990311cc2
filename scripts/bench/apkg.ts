/**
 * `npm run bench:apkg`: reads a generated 20,000-note Anki package (zstd layout, one picture per
 * 20 notes, answers for every 4th card) with the app's package reader in Node, and prints cards
 * per second and the reader's longest synchronous stretch (between timer ticks). Media are scaled
 * down (NOTES / 20 files of 64 kB, 64 MB expanded, patterned so they compress) to keep it short.
 * Then the same notes without media, read three times: the issue's figure is cards/s excluding
 * media, and the best of three says what the code does when the shared machine lets it.
 */
import { loadavg } from 'node:os';
import { readPackage } from '../../src/lib/transfer/apkg/read-package';
import {
	BASIC,
	loadSqlite,
	makePackage,
	type FixtureNote,
	type FixtureRevlog
} from '../../tests/fixtures/anki-packages';

const NOTES = Number(process.env.NOTES ?? 20_000);
const notes: FixtureNote[] = [];
const revlog: FixtureRevlog[] = [];
const media: Record<string, Uint8Array> = {};
for (let i = 1; i <= NOTES; i++) {
	const picture = i % 20 === 0 ? ` <img src="p${i}.png">` : '';
	notes.push({
		id: i,
		guid: `g${i}`,
		mid: BASIC.id,
		fields: [`Question number ${i}?${picture}`, `Answer <b>${i}</b>`],
		did: 1,
		ords: [0]
	});
	if (picture) media[`p${i}.png`] = new Uint8Array(64 * 1024).map((_, j) => (j * i) % 251);
	if (i % 4 === 0)
		revlog.push(
			{ id: 1_700_000_000_000 + i * 10_000, nid: i, ord: 0, ease: 3, type: 0 },
			{ id: 1_700_000_000_000 + i * 10_000 + 86_400_000 * 3, nid: i, ord: 0, ease: 3, type: 1 }
		);
}
const made = performance.now();
const bytes = await makePackage({
	layout: 'anki21b',
	notetypes: [BASIC],
	decks: [{ id: 1, name: 'Bench' }],
	notes,
	revlog,
	media
});
console.log(
	`package: ${NOTES} notes, ${Object.keys(media).length} media, ${(bytes.length / 1048576).toFixed(1)} MB, made in ${((performance.now() - made) / 1000).toFixed(1)} s`
);
let longest = 0;
let last = performance.now();
const tick = setInterval(() => {
	const now = performance.now();
	longest = Math.max(longest, now - last - 5);
	last = now;
}, 5);
const started = performance.now();
const chunks = (function* () {
	for (let at = 0; at < bytes.length; at += 1 << 20) yield bytes.subarray(at, at + (1 << 20));
})();
const result = await readPackage({ name: 'bench.apkg', chunks, loadSqlite });
const seconds = (performance.now() - started) / 1000;
// A stretch still running when the read ends never saw a tick: counted here.
longest = Math.max(longest, performance.now() - last);
clearInterval(tick);
if (!result.ok) throw new Error(result.errors[0]?.message);
console.log(
	`read ${result.deck.cards.length} cards, ${result.media.length} media, ${result.withHistory} with history in ${seconds.toFixed(2)} s: ${Math.round(result.deck.cards.length / seconds)} cards/s; longest blocking stretch ${Math.round(longest)} ms (in a worker in the app)`
);

const bare = await makePackage({
	layout: 'anki21b',
	notetypes: [BASIC],
	decks: [{ id: 1, name: 'Bench' }],
	notes,
	revlog
});
const rates: number[] = [];
for (let round = 0; round < 3; round++) {
	const start = performance.now();
	const r = await readPackage({ name: 'bench.apkg', chunks: [bare], loadSqlite });
	if (!r.ok) throw new Error(r.errors[0]?.message);
	rates.push(Math.round(r.deck.cards.length / ((performance.now() - start) / 1000)));
}
console.log(
	`excluding media: ${rates.join(', ')} cards/s (best ${Math.max(...rates)}); load average ${loadavg()
		.map((l) => l.toFixed(1))
		.join(' ')}`
);

// The issue's 100,000 notes: more cards than a deck holds. The reader refuses the package by two
// SQLite counts, naming the limit, before a note is read: the time is the zip and the database.
const HUGE = 100_000;
const hugeNotes: FixtureNote[] = Array.from({ length: HUGE }, (_, i) => ({
	id: i + 1,
	guid: `h${i + 1}`,
	mid: BASIC.id,
	fields: [`Question number ${i + 1}?`, `Answer ${i + 1}`],
	did: 1,
	ords: [0]
}));
const huge = await makePackage({
	layout: 'anki21b',
	notetypes: [BASIC],
	decks: [{ id: 1, name: 'Bench' }],
	notes: hugeNotes
});
const hugeStart = performance.now();
const refused = await readPackage({ name: 'huge.apkg', chunks: [huge], loadSqlite });
console.log(
	`${HUGE.toLocaleString('en')} notes (${(huge.length / 1048576).toFixed(1)} MB): ${
		refused.ok
			? 'read (not refused!)'
			: `refused in ${((performance.now() - hugeStart) / 1000).toFixed(2)} s: “${refused.errors[0]?.message}”`
	}`
);
