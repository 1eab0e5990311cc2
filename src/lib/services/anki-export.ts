import { packageSource } from '$lib/storage/package-export';
import { loadSettings } from '$lib/storage/study-settings';
import { exportInput } from '$lib/transfer/apkg/export-input';
import { appDb } from './database';
import { runTransfer, SQL_WASM_URL } from './transfer-worker';

/** An Anki package of one deck, ready to download, and what went into it. */
export interface AnkiPackageFile {
	fileName: string;
	blob: Blob;
	notes: number;
	reviews: number;
	media: number;
	missingMedia: string[];
}

/**
 * Makes an Anki package (.apkg) of an installed deck: its cards, its stored pictures and sounds
 * and, with `withHistory`, each card's schedule and answers. The package is written in the
 * import worker (SQLite and the zip writer load there, on demand).
 */
export async function makeAnkiPackage(
	deckId: string,
	withHistory: boolean,
	now: Date
): Promise<AnkiPackageFile> {
	const source = await packageSource(appDb(), deckId, withHistory);
	// Anki counts a review card's due day from the hour the learner's study day starts at.
	const { dayStartHour } = await loadSettings(appDb());
	const result = await runTransfer({
		type: 'anki-export',
		input: { ...exportInput(source, withHistory, now), dayStartHour },
		wasmUrl: SQL_WASM_URL
	});
	return {
		fileName: `${source.deck.id}.apkg`,
		blob: new Blob([result.bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
		notes: result.notes,
		reviews: result.reviews,
		media: result.media,
		missingMedia: result.missingMedia
	};
}
