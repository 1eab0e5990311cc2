import type { DeckError } from '$lib/deck/errors';
import type { BackupResult } from './backup-format';
import { checkTitle, prepareBackup, prepareDeck, type Prepared } from './prepare';
import type { ImportFormat } from './limits';
import type { PackageResult } from './apkg/read-package';
import type { ZipDeck } from './deck-zip-import';
import type { ExportInput, ExportResult } from './apkg/write-package';
import { blobChunks } from './blob-chunks';

/** A file for the checker: a File or Blob is read where the work happens (in the worker). */
export interface FileRef {
	name: string;
	content: Blob | string;
}

/** The work the import and data pages hand to the worker (or, without one, do in place). */
export type TransferRequest =
	| {
			type: 'deck';
			file: FileRef;
			others?: FileRef[];
			format?: ImportFormat;
			title?: string;
			url?: string;
	  }
	| { type: 'title'; title: string }
	| { type: 'backup'; file: FileRef }
	/** A deck zip (the studio's download: a deck file with its media). */
	| { type: 'deck-zip'; file: { name: string; content: Blob } }
	/** An Anki package; `wasmUrl` is where sql.js's wasm is served from this app's origin. */
	| { type: 'package'; file: { name: string; content: Blob }; wasmUrl?: string }
	/** A deck to write as an Anki package (.apkg). */
	| { type: 'anki-export'; input: ExportInput; wasmUrl?: string };

export interface TransferAnswers {
	deck: Prepared;
	title: { id: string; errors: DeckError[] };
	backup: BackupResult;
	package: PackageResult;
	'deck-zip': ZipDeck;
	'anki-export': ExportResult;
}

const read = async (ref: FileRef) => ({
	name: ref.name,
	text: typeof ref.content === 'string' ? ref.content : await ref.content.text()
});

/** Does one request: reads the files, parses and validates; never touches storage. */
export async function handleTransfer(
	request: TransferRequest
): Promise<TransferAnswers[TransferRequest['type']]> {
	if (request.type === 'title') return checkTitle(request.title);
	if (request.type === 'package') {
		// Loaded only for a package: the zip, zstd and SQLite readers stay out of other imports.
		const [{ readPackage }, { loadSqlJs }] = await Promise.all([
			import('./apkg/read-package'),
			import('./apkg/sqlite')
		]);
		const { file, wasmUrl } = request;
		return readPackage({
			name: file.name,
			chunks: blobChunks(file.content),
			loadSqlite: () => loadSqlJs(wasmUrl),
			// The media stay in the file until the deck is saved (`readPackageMedia`): the preview of
			// a package with hundreds of MB of pictures holds none of them.
			media: 'list'
		});
	}
	if (request.type === 'deck-zip') {
		// Loaded only for a zip, with the zip reader it needs.
		const { prepareDeckZip } = await import('./deck-zip-import');
		return prepareDeckZip(request.file.name, blobChunks(request.file.content));
	}
	if (request.type === 'anki-export') {
		// Loaded only for an export, as for an import: SQLite and the zip writer stay out of the rest.
		const [{ writePackage }, { loadSqlJs }] = await Promise.all([
			import('./apkg/write-package'),
			import('./apkg/sqlite')
		]);
		const { wasmUrl } = request;
		return writePackage(request.input, () => loadSqlJs(wasmUrl));
	}
	if (request.type === 'backup') {
		const file = await read(request.file);
		return prepareBackup(file.text, file.name);
	}
	const [file, others] = await Promise.all([
		read(request.file),
		Promise.all((request.others ?? []).map(read))
	]);
	return prepareDeck({
		file,
		others,
		...(request.format ? { format: request.format } : {}),
		...(request.title !== undefined ? { title: request.title } : {}),
		...(request.url ? { url: request.url } : {})
	});
}
