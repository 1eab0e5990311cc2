// Light on purpose: the import and data pages read these before the parsers (and zod) load.

/** A deck file or link larger than this is refused before it is read. */
export const MAX_DECK_BYTES = 20 * 1024 * 1024;
/**
 * A backup file larger than this is refused before it is read: three times the backup of 50,000
 * cards with 300,000 answers (129 MB), so a device's own backup always restores.
 */
export const MAX_BACKUP_BYTES = 400 * 1024 * 1024;

/** What a deck file can be read as. */
export type ImportFormat = 'deck-json' | 'deck-yaml' | 'anki' | 'quizlet' | 'csv' | 'apkg';

/** Short enough for a select at 390 px: "Two columns: term and definiti…" was cut off. */
export const FORMAT_LABELS: Record<ImportFormat, string> = {
	'deck-json': 'Recall deck (JSON)',
	'deck-yaml': 'Recall deck (YAML)',
	anki: 'Anki plain-text notes',
	quizlet: 'Two columns (Quizlet)',
	csv: 'CSV with a header line',
	apkg: 'Anki package'
};

/** An Anki package larger than this is refused before it is read (its media make it large). */
export const MAX_PACKAGE_BYTES = 400 * 1024 * 1024;

/** Whether a file is an Anki package (.apkg, or a whole collection as .colpkg). */
export const isPackageName = (name: string): boolean => /\.(apkg|colpkg)$/i.test(name);

/** Whether a file is a deck zip: a deck file with its pictures and sounds, as the studio downloads it. */
export const isDeckZipName = (name: string): boolean => /\.zip$/i.test(name);

/** What each text format expects, said below the short label. */
export const FORMAT_HINTS: Partial<Record<ImportFormat, string>> = {
	anki: 'Exported from Anki as “Notes in Plain Text”: a header, then a note on each line.',
	quizlet: 'A term and its definition on each line, separated by a tab, a comma or a semicolon.',
	csv: 'The first line names the columns: front and back, then any of explanation, quote, tags, id.'
};

/** The formats a text file can be read as: the learner may switch between them. */
export const TEXT_FORMATS = ['anki', 'quizlet', 'csv'] as const satisfies readonly ImportFormat[];

/** "20 MB", "512 kB": for limits and file sizes in messages. */
export function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
	if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
	return `${bytes} bytes`;
}

/**
 * The `sourceFile` a YAML deck names, so the page can fetch or ask for it before the deck is checked.
 * @example sourceFileOf('id: a\nsourceFile: source.txt\n') // 'source.txt'
 */
export function sourceFileOf(text: string): string | undefined {
	const m = /^sourceFile:\s*['"]?([\w.-]+)['"]?\s*$/m.exec(text);
	return m?.[1];
}

/** Whether a link may be fetched: https anywhere, or a path on this app's own site. */
export function checkLink(input: string, origin: string): URL | string {
	let url: URL;
	try {
		url = new URL(input.trim(), origin);
	} catch {
		return 'That is not a web address. Paste a link that starts with https://';
	}
	if (url.origin === origin) return url;
	if (url.protocol !== 'https:')
		return 'Only https:// links can be imported (the app cannot load plain http or other links).';
	return url;
}
