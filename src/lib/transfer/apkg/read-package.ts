import type { Database, SqlJsStatic } from 'sql.js';
import { mediaList } from '$lib/deck/media';
import { DECK_SCHEMA_VERSION, type Deck } from '$lib/deck/schema';
import type { DeckError } from '$lib/deck/errors';
import { slugify } from '../ids';
import { formatBytes } from '../limits';
import { readCollection, type AnkiCollection } from './collection';
import { MAX_COLLECTION_BYTES, MAX_MEDIA_BYTES, PackageError } from './limits';
import { isSafeMediaName, mediaType } from './media-names';
import { collectionCards, type MadeCard } from './note-cards';
import { protoFields, protoNumber, protoString } from './protobuf';
import { streamZip, type EntryPlan } from './unzip';
import { MEDIA_PLAN } from './read-media';
import { isZstd, unzstd } from './zstd';
import { historyOf, type CardHistory } from './history';
import { checkCards } from './check-cards';
import { subdeckOf } from './subdeck';

/** A media file of the package, ready to store. */
export interface PackageMedia {
	name: string;
	type: string;
	blob: Blob;
}

/** A media file the package holds and the cards name, to be read from the zip when saving. */
export interface MediaEntry {
	/** Its name in the zip (`0`, `1`, …). */
	zipName: string;
	name: string;
	type: string;
}

export interface PackageDeck {
	ok: true;
	deck: Deck;
	/** The media files, read (with `media: 'keep'`). */
	media: PackageMedia[];
	/** With `media: 'list'`: the media files to read on saving (`readPackageMedia`), not read yet. */
	mediaToRead: MediaEntry[];
	/** Media the cards name that the package does not hold (or holds too large). */
	missingMedia: string[];
	/** Per card id: its answers in Anki, to be replayed, and whether it is suspended or buried. */
	history: CardHistory[];
	/** Cards whose history has at least one answer that schedules. */
	withHistory: number;
	warnings: DeckError[];
	/** The layout read: `anki2`, `anki21` or `anki21b`. */
	layout: string;
	/** When Anki's study day began, in ms after UTC midnight: replay counts days as Anki did. */
	dayStartMs: number;
}

export type PackageResult = PackageDeck | { ok: false; errors: DeckError[]; warnings: DeckError[] };

export interface PackageInput {
	name: string;
	/** The package's bytes, in order: a stream of chunks, so it is never whole in memory. */
	chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
	/** Loads sql.js (its wasm from the app's own origin in the browser). */
	loadSqlite: () => Promise<SqlJsStatic>;
	/**
	 * `keep` (default): media files are read and returned as Blobs. `list`: they are passed over
	 * unread and only listed (`mediaToRead`), so a preview of a package with 200 MB of media holds
	 * none of it; `readPackageMedia` reads them when the deck is saved.
	 */
	media?: 'keep' | 'list';
}

const COLLECTIONS = ['collection.anki21b', 'collection.anki21', 'collection.anki2'];
const DUMMY = /update to the latest anki version/i;

function planFor(name: string, listed?: Set<string>): EntryPlan {
	if (COLLECTIONS.includes(name)) return { cap: MAX_COLLECTION_BYTES };
	if (name === 'meta') return { cap: 64 * 1024 };
	if (name === 'media') return { cap: 32 * 1024 * 1024 };
	if (listed) {
		listed.add(name);
		return 'skip';
	}
	return MEDIA_PLAN;
}

/** The media list: JSON `{"0": "a.jpg"}` in older packages, a zstd protobuf list in newer ones. */
function mediaMap(data: Uint8Array | undefined): Map<string, string> {
	const map = new Map<string, string>();
	if (!data || data.length === 0) return map;
	if (isZstd(data)) {
		const entries = protoFields(unzstd(data, 32 * 1024 * 1024, 'media'));
		let index = 0;
		for (const entry of entries) {
			if (entry.field !== 1 || !(entry.value instanceof Uint8Array)) continue;
			const fields = protoFields(entry.value);
			const legacy = fields.find((f) => f.field === 255);
			const zipName = legacy ? String(protoNumber(fields, 255)) : String(index);
			map.set(zipName, protoString(fields, 1));
			index++;
		}
		return map;
	}
	let json: unknown;
	try {
		json = JSON.parse(new TextDecoder().decode(data));
	} catch {
		throw new PackageError('the package’s media list is not readable');
	}
	if (json && typeof json === 'object' && !Array.isArray(json))
		for (const [k, v] of Object.entries(json)) if (typeof v === 'string') map.set(k, v);
	return map;
}

function isDummy(col: AnkiCollection): boolean {
	return col.notes.length <= 1 && col.notes.some((n) => n.fields.some((f) => DUMMY.test(f)));
}

/** The deck's title: the top-level Anki deck most cards share (not "Default" when there are others). */
function titleOf(cards: MadeCard[], fileName: string): string {
	const counts = new Map<string, number>();
	for (const c of cards) {
		const top = c.deck.split('::')[0]?.trim() || 'Default';
		counts.set(top, (counts.get(top) ?? 0) + 1);
	}
	const ranked = [...counts].sort((a, b) => b[1] - a[1]).map(([name]) => name);
	const name = ranked.find((n) => n !== 'Default') ?? ranked[0];
	const fallback = fileName.replace(/\.(apkg|colpkg)$/i, '').trim();
	return (name && name !== 'Default' ? name : fallback || 'Anki deck').slice(0, 120);
}

/**
 * Reads an Anki package (.apkg or .colpkg, any of the three layouts) into a checked Recall deck, its
 * media as Blobs and each card's history. Nothing is written: the page previews, then stores.
 * Every failure is a result with a message, never a throw.
 */
export async function readPackage(input: PackageInput): Promise<PackageResult> {
	const file = input.name;
	const fail = (message: string): PackageResult => ({
		ok: false,
		errors: [{ file, path: '', message }],
		warnings: []
	});
	let db: Database | undefined;
	try {
		const kept = new Map<string, Uint8Array>();
		const blobs = new Map<string, Blob>();
		const tooLarge = new Set<string>();
		const listed = input.media === 'list' ? new Set<string>() : undefined;
		await streamZip(input.chunks, {
			plan: (name) => planFor(name, listed),
			onEntry: ({ name, data }) => {
				if (COLLECTIONS.includes(name) || name === 'meta' || name === 'media') kept.set(name, data);
				else blobs.set(name, new Blob([data as Uint8Array<ArrayBuffer>]));
			},
			onTooLarge: (name) => tooLarge.add(name)
		});
		const meta = kept.get('meta');
		const version = meta ? protoNumber(protoFields(meta), 1) : 0;
		const layout =
			version >= 3 || (!meta && kept.has('collection.anki21b'))
				? 'collection.anki21b'
				: kept.has('collection.anki21')
					? 'collection.anki21'
					: 'collection.anki2';
		let bytes = kept.get(layout);
		if (!bytes)
			throw new PackageError(
				`the package has no ${layout}: it is not an Anki deck package, or it is cut short`
			);
		if (isZstd(bytes)) bytes = unzstd(bytes, MAX_COLLECTION_BYTES, layout);
		const SQL = await input.loadSqlite();
		try {
			db = new SQL.Database(bytes);
		} catch {
			throw new PackageError(`${layout} is not a readable database`);
		}
		const col = readCollection(db);
		if (layout === 'collection.anki2' && isDummy(col))
			throw new PackageError(
				'this package was made by a newer Anki for newer readers only, and its collection is missing or cut short'
			);
		const made = collectionCards(col);
		if (made.cards.length === 0)
			throw new PackageError(
				col.notes.length === 0 ? 'the package has no notes' : 'no note of the package made a card'
			);
		const title = titleOf(made.cards, file);
		// Anki's deck tree below the deck: studying a sub-deck includes the sub-decks below it.
		for (const m of made.cards) {
			const subdeck = subdeckOf(m.deck, title);
			if (subdeck) m.card = { ...m.card, subdeck };
		}
		const shell: Omit<Deck, 'cards'> = {
			schemaVersion: DECK_SCHEMA_VERSION,
			id: slugify(title) || 'anki-deck',
			title,
			version: 1,
			source: { title: file.slice(0, 120) || 'an Anki package' }
		};
		const checked = checkCards(shell, made.cards, file);
		if (!checked.ok) return { ok: false, errors: checked.errors, warnings: [] };
		if (checked.leftOut > 0)
			made.notes.set('a card that did not pass the deck checks was left out', checked.leftOut);
		const named = new Set<string>();
		for (const { card } of checked.kept) {
			for (const name of [...mediaList(card.image), ...mediaList(card.audio)]) named.add(name);
		}
		const names = mediaMap(kept.get('media'));
		const byName = new Map<string, string>();
		for (const [zipName, name] of names) if (isSafeMediaName(name)) byName.set(name, zipName);
		const media: PackageMedia[] = [];
		const mediaToRead: MediaEntry[] = [];
		const missingMedia: string[] = [];
		for (const name of named) {
			const zipName = byName.get(name);
			const type = mediaType(name);
			if (listed && zipName !== undefined && type && listed.has(zipName)) {
				mediaToRead.push({ zipName, name, type });
				continue;
			}
			let blob = zipName !== undefined ? blobs.get(zipName) : undefined;
			if (!blob || !type) {
				missingMedia.push(name);
				continue;
			}
			const head = new Uint8Array(await blob.slice(0, 4).arrayBuffer());
			if (isZstd(head))
				blob = new Blob([
					unzstd(
						new Uint8Array(await blob.arrayBuffer()),
						MAX_MEDIA_BYTES,
						name
					) as Uint8Array<ArrayBuffer>
				]);
			media.push({ name, type, blob: blob.type === type ? blob : new Blob([blob], { type }) });
		}
		const warnings: DeckError[] = [...made.notes].map(([reason, n]) => ({
			file,
			path: '',
			message: `${reason}: ${n} card${n === 1 ? '' : 's'}`
		}));
		for (const name of tooLarge)
			warnings.push({
				file,
				path: names.get(name) ?? name,
				message: `a media file over ${formatBytes(MAX_MEDIA_BYTES)} was left out`
			});
		const history = historyOf(checked.kept, col.revlog);
		return {
			ok: true,
			deck: checked.deck,
			media,
			mediaToRead,
			missingMedia: missingMedia.sort(),
			history,
			withHistory: history.filter((h) => h.reviews.length > 0).length,
			warnings,
			layout: layout.replace('collection.', ''),
			dayStartMs: col.dayStartMs
		};
	} catch (e) {
		if (e instanceof PackageError) return fail(e.message);
		return fail(`the package could not be read (${e instanceof Error ? e.message : String(e)})`);
	} finally {
		db?.close();
	}
}
