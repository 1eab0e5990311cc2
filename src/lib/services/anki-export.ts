import { packageSource } from '$lib/storage/package-export';
import { pickState } from '$lib/storage/rows';
import type { ExportCard } from '$lib/transfer/apkg/write-package';
import type { ExportLog } from '$lib/transfer/apkg/export-schedule';
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
	const logsByUid = new Map<string, ExportLog[]>();
	for (const l of source.logs) {
		const list = logsByUid.get(l.uid) ?? [];
		list.push({
			kind: l.kind,
			grade: l.grade,
			reviewedAt: l.reviewedAt,
			durationMs: l.durationMs,
			before: l.before
		});
		logsByUid.set(l.uid, list);
	}
	const cards: ExportCard[] = source.rows.map((row) =>
		withHistory
			? {
					card: row.content,
					state: { ...pickState(row), suspended: row.suspended, buriedUntil: row.buriedUntil },
					logs: logsByUid.get(row.uid) ?? []
				}
			: { card: row.content }
	);
	const result = await runTransfer({
		type: 'anki-export',
		input: {
			deck: {
				id: source.deck.id,
				title: source.deck.title,
				...(source.deck.description ? { description: source.deck.description } : {})
			},
			cards,
			media: source.media.map((m) => ({ name: m.name, blob: m.blob })),
			now: now.getTime()
		},
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
