import type { Deck } from '$lib/deck/schema';
import type { StudyDb } from '$lib/storage/db';
import type { InstallReport } from '$lib/storage/decks';
// By path, not the storage barrel: the first route loads the barrel and must stay light.
import {
	deckMediaNames,
	deleteDeckMedia,
	dropUninstalledMedia,
	putDeckMedia,
	type MediaInput
} from '$lib/storage/media';
import type { ImportedHistory } from '$lib/storage/package-history';
import { assessDeck, importDeck, type HistoryReport } from '$lib/storage/transfer';
import type { MediaEntry } from '$lib/transfer/apkg/read-package';
import { storePackageMedia } from './package-media';

/** What a package brings besides its deck: its files (in memory, or still in the file) and answers. */
export interface PackageParts {
	file: File;
	media: MediaInput[];
	mediaToRead: MediaEntry[];
	history: ImportedHistory[];
	dayStartMs: number;
}

export interface SaveOptions {
	now: Date;
	named: boolean;
	sourceUrl?: string;
	onProgress?: (done: number, total: number, unit: 'card' | 'media file') => void;
}

export interface SavedImport {
	report: InstallReport;
	version: number;
	media?: number;
	mediaLeftOut?: string[];
	history?: HistoryReport;
}

/**
 * Saves a checked deck, and a package's media and history with it, so that a failure anywhere (a
 * full disk, a file that reads differently the second time) leaves the collection as it was:
 * - the media go in first, batch by batch (a package's 200 MB cannot be one transaction: the zip
 *   is read between batches). No card shows them yet, and if anything later fails, the files this
 *   import added are deleted again;
 * - then the cards and the replayed answers, in one transaction.
 * A tab closed during the media pass leaves files of a deck that is not installed: the next import
 * of that deck drops them first.
 */
export async function saveImport(
	db: StudyDb,
	deck: Deck,
	pkg: PackageParts | undefined,
	options: SaveOptions
): Promise<SavedImport> {
	// Checked before any file is written: a refused deck (an older version, say) writes nothing.
	const verdict = await assessDeck(db, deck, options.named);
	if (!verdict.ok) throw new Error(verdict.message);
	const onProgress = options.onProgress;
	let added: string[] = [];
	let media: { stored: number; tooLarge: string[] } | undefined;
	try {
		if (pkg) {
			await dropUninstalledMedia(db, deck.id);
			const had = new Set(await deckMediaNames(db, deck.id));
			added = [...pkg.mediaToRead, ...pkg.media].map((m) => m.name).filter((n) => !had.has(n));
			const progress = (done: number, total: number) => onProgress?.(done, total, 'media file');
			const fromFile = await storePackageMedia(db, deck.id, pkg.file, pkg.mediaToRead, progress);
			const inMemory = await putDeckMedia(db, deck.id, pkg.media, progress);
			media = { stored: fromFile.stored + inMemory, tooLarge: fromFile.tooLarge };
		}
		const report = await importDeck(db, deck, {
			now: options.now,
			named: options.named,
			...(options.sourceUrl ? { sourceUrl: options.sourceUrl } : {}),
			...(onProgress ? { onProgress: (done, total) => onProgress(done, total, 'card') } : {}),
			// A deck zip brings no answers: only a package's history is replayed.
			...(pkg && pkg.history.length > 0
				? { history: { entries: pkg.history, dayStartMs: pkg.dayStartMs } }
				: {})
		});
		return {
			report,
			version: report.version,
			...(media ? { media: media.stored } : {}),
			...(media && media.tooLarge.length > 0 ? { mediaLeftOut: media.tooLarge } : {}),
			...(report.history ? { history: report.history } : {})
		};
	} catch (e) {
		await deleteDeckMedia(db, deck.id, added).catch(() => undefined);
		const message = e instanceof Error ? e.message : String(e);
		throw new Error(`${message} Nothing from this file was saved.`, { cause: e });
	}
}
