import type { DeckError } from '$lib/deck/errors';
import type { BackupResult } from './backup-format';
import { checkTitle, prepareBackup, prepareDeck, type Prepared } from './prepare';
import type { ImportFormat } from './limits';

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
	| { type: 'backup'; file: FileRef };

export interface TransferAnswers {
	deck: Prepared;
	title: { id: string; errors: DeckError[] };
	backup: BackupResult;
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
