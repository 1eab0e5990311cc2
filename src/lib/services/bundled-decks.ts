import type { Deck, DeckSummary } from '$lib/deck';
import { installDeck, installedVersions, type InstallReport } from '$lib/storage/decks';
import type { StudyDb } from '$lib/storage/db';
import type { MediaInput } from '$lib/storage/media';

type Fetch = typeof fetch;

/** The address of a bundled deck's file. */
export const bundledDeckUrl = (id: string) => `/decks/${id}.json`;

/** The address of a bundled deck's picture or sound, by the file name its compiled deck lists. */
export const bundledMediaUrl = (deckId: string, file: string) => `/decks/media/${deckId}/${file}`;

/**
 * A fetch that answers the deck files in `files` (downloads already under way) from them, and
 * anything else, or a file whose download failed, with `fetcher`.
 */
export function withDeckFiles(fetcher: Fetch, files: Map<string, Promise<ArrayBuffer>>): Fetch {
	const byUrl = new Map(
		// A failed download is answered by `fetcher` when asked for: never an unhandled failure.
		[...files].map(([id, bytes]) => [bundledDeckUrl(id), bytes.catch(() => undefined)])
	);
	return async (input, init) => {
		const bytes = byUrl.get(String(input));
		if (bytes) {
			const body = await bytes;
			// Empty: failed, or handed to a worker that then died (a transferred buffer is emptied).
			if (body && body.byteLength > 0)
				return new Response(body, { headers: { 'content-type': 'application/json' } });
		}
		return fetcher(input, init);
	};
}

/** Cards written so far of all the decks being installed, for a progress bar. */
export type SyncProgress = (done: number, total: number) => void;

/** Where the build lists its bundled decks; home and review preload it with the page. */
export const BUNDLED_DECK_LIST = '/decks/index.json';

/** The bundled decks as the build lists them. */
export async function bundledDeckList(fetcher: Fetch): Promise<DeckSummary[]> {
	const res = await fetcher(BUNDLED_DECK_LIST);
	if (!res.ok) throw new Error(`Could not load the deck list (${res.status})`);
	return ((await res.json()) as { decks: DeckSummary[] }).decks;
}

/** Of these listed decks, the ones missing here or with a newer version than the installed one. */
export async function notInstalled(db: StudyDb, decks: DeckSummary[]): Promise<DeckSummary[]> {
	const installed = await installedVersions(db);
	return decks.filter((summary) => {
		const have = installed.get(summary.id);
		return have === undefined || have < summary.version;
	});
}

/** The bundled decks that are missing here or have a newer version than the installed one. */
export async function bundledDecksToInstall(db: StudyDb, fetcher: Fetch): Promise<DeckSummary[]> {
	return notInstalled(db, await bundledDeckList(fetcher));
}

/** How `syncBundledDecks` is told what to report and in what order to work. */
export interface SyncOptions {
	onProgress?: SyncProgress;
	/**
	 * Called as each deck's transaction has committed: its cards can be read from then on. The next
	 * deck waits for what it returns (a page reading the cards before the next write transaction).
	 */
	onInstalled?: (deckId: string) => void | Promise<void>;
	/** Slices of card writes, in milliseconds (see `installDeck`). */
	sliceBudgetMs?: number;
	/** The deck list, when the caller has read it already. */
	listed?: DeckSummary[];
	/** The deck a screen waits for: installed before the others. */
	first?: string | undefined;
}

/** The order decks go in: `first` if it is among them, then the smaller before the larger. */
export function installOrder(decks: DeckSummary[], first?: string): DeckSummary[] {
	const rank = (d: DeckSummary) => (d.id === first ? -1 : d.cardCount);
	return [...decks].sort((a, b) => rank(a) - rank(b));
}

async function fetchDeck(fetcher: Fetch, id: string): Promise<Deck> {
	const res = await fetcher(bundledDeckUrl(id));
	if (!res.ok) throw new Error(`Could not load deck ${id} (${res.status})`);
	return (await res.json()) as Deck;
}

/**
 * Downloads every picture and sound the compiled deck lists (from the precache once the service
 * worker has it, so also offline). Throws when one cannot be had whole: the deck then waits.
 */
export async function fetchBundledMedia(fetcher: Fetch, deck: Deck): Promise<MediaInput[]> {
	return Promise.all(
		(deck.media ?? []).map(async (m) => {
			const res = await fetcher(bundledMediaUrl(deck.id, m.file));
			if (!res.ok) throw new Error(`Could not load “${m.name}” of deck ${deck.id} (${res.status})`);
			const bytes = await res.arrayBuffer();
			if (bytes.byteLength !== m.size)
				throw new Error(
					`“${m.name}” of deck ${deck.id} came incomplete (${bytes.byteLength} of ${m.size} bytes)`
				);
			return { name: m.name, type: m.type, blob: new Blob([bytes], { type: m.type }) };
		})
	);
}

/** A deck's file and then its media, downloaded before anything of it is written. */
async function fetchBundle(fetcher: Fetch, id: string): Promise<[Deck, MediaInput[]]> {
	const deck = await fetchDeck(fetcher, id);
	return [deck, await fetchBundledMedia(fetcher, deck)];
}

/**
 * Installs every bundled deck that is new or has a newer version than the installed one, each in
 * one transaction (all or nothing) whose card writes are sliced (see `installDeck`), with the
 * pictures and sounds its compiled deck lists. A deck whose file or any of whose media cannot be
 * downloaded whole is not written at all (an installed older version stays as it was): the sync
 * stops with the error there, and the next start tries again. Bundled decks come from our own
 * build, precached by the service worker, so they are trusted as compiled.
 * Runs in the install worker, or on the page where there are no workers.
 *
 * `options.listed` is the deck list when the caller has it already (the page read it to show what
 * is coming): a first visit's cards wait on one download fewer. All deck files are requested at
 * once, and the decks go in smallest first (`options.first` before all): a screen waiting for cards
 * can show the first deck's while the larger ones are still being written (`onInstalled`).
 */
export async function syncBundledDecks(
	db: StudyDb,
	fetcher: Fetch,
	now: Date,
	options: SyncOptions = {}
): Promise<Record<string, InstallReport>> {
	const pending = installOrder(
		await notInstalled(db, options.listed ?? (await bundledDeckList(fetcher))),
		options.first
	);
	const files = pending.map((summary) => fetchBundle(fetcher, summary.id));
	// Each is awaited in turn below; until then a failure must not count as unhandled.
	for (const file of files) file.catch(() => undefined);
	const total = pending.reduce((sum, d) => sum + d.cardCount, 0);
	let before = 0;
	const reports: Record<string, InstallReport> = {};
	for (const [i, summary] of pending.entries()) {
		const [deck, media] = await files[i]!;
		reports[summary.id] = await installDeck(db, deck, {
			now,
			bundled: true,
			media,
			onProgress: (done) => options.onProgress?.(Math.min(before + done, total), total),
			...(options.sliceBudgetMs ? { sliceBudgetMs: options.sliceBudgetMs } : {})
		});
		before += summary.cardCount;
		options.onProgress?.(Math.min(before, total), total);
		await options.onInstalled?.(summary.id);
	}
	return reports;
}
