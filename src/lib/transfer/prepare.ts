import { DECK_SCHEMA_VERSION, type Card, type Deck } from '$lib/deck/schema';
import { validateDeck } from '$lib/deck/validate';
import { compileAuthoredDeck, parseWithPositions } from '$lib/deck/authored';
import type { DeckError, DeckResult } from '$lib/deck/errors';
import { parseBackup, type BackupResult } from './backup-format';
import { BACKUP_FORMAT } from './backup';
import { looksLikeAnki, parseAnki } from './anki';
import { parseQuizlet } from './quizlet';
import { hasCsvHeader, parseHeaderCsv } from './csv-import';
import { notesToCards } from './text-cards';
import { toPlainText } from './html-text';
import { slugify } from './ids';
import { suggestTitle } from './title';
import { sourceFileOf, type ImportFormat } from './limits';
import type { SkippedRow, TextParse } from './notes';

export interface NamedText {
	name: string;
	text: string;
}

export interface DeckInput {
	file: NamedText;
	/** Files chosen with the deck: a YAML deck's `sourceFile` is looked for among them. */
	others?: NamedText[];
	/** Read the file as this rather than as the detected format. */
	format?: ImportFormat;
	/** The deck's title, for text formats (the learner names the deck). */
	title?: string;
	/** The link the file came from. */
	url?: string;
}

export type Prepared =
	| {
			ok: true;
			format: ImportFormat;
			deck: Deck;
			warnings: DeckError[];
			/** A text import: the learner names the deck; its id follows from the title. */
			named: boolean;
			/** Rows of a text file that made no card, and why. */
			skipped: SkippedRow[];
			/** The cards' text is kept as written (Anki's `#html:false`): `<b>` is two brackets and a b. */
			literalText: boolean;
	  }
	| { ok: false; format?: ImportFormat; errors: DeckError[]; warnings: DeckError[] };

const TEXT_EXT = /\.(csv|tsv|txt)$/i;

/** The format a file is read as: by its name, then by its first lines. */
export function detectFormat(name: string, text: string): ImportFormat {
	if (/\.json$/i.test(name)) return 'deck-json';
	if (/\.ya?ml$/i.test(name)) return 'deck-yaml';
	if (!TEXT_EXT.test(name)) {
		if (/^\s*[{[]/.test(text)) return 'deck-json';
		if (/^(?:id|cards|title|schemaVersion|\$schema):/m.test(text) && !looksLikeAnki(text))
			return 'deck-yaml';
	}
	if (looksLikeAnki(text)) return 'anki';
	if (hasCsvHeader(text)) return 'csv';
	return 'quizlet';
}

/** V8 says "… at position 120 (line 4 column 7)"; older engines say "at position 120". */
function jsonError(error: unknown, text: string, file: string): DeckError {
	const message = error instanceof Error ? error.message : String(error);
	const at = /position (\d+)/.exec(message);
	const out: DeckError = { file, path: '', message: `not valid JSON: ${message}` };
	if (at) {
		const before = text.slice(0, Number(at[1]));
		out.line = before.split('\n').length;
		out.column = before.length - before.lastIndexOf('\n');
	}
	return out;
}

const isBackup = (value: unknown) =>
	!!value && typeof value === 'object' && (value as { format?: unknown }).format === BACKUP_FORMAT;

/** Locating errors re-reads the file with positions: worth it below this size. */
const LOCATE_BELOW = 2 * 1024 * 1024;

function deckFromJson(input: DeckInput): DeckResult<Deck> {
	const { name, text } = input.file;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (e) {
		return { ok: false, errors: [jsonError(e, text, name)] };
	}
	if (isBackup(value))
		return {
			ok: false,
			errors: [
				{
					file: name,
					path: '',
					message: 'this is a Recall backup, not a deck: restore it on the Your data page'
				}
			]
		};
	// A hand-written JSON deck (no schemaVersion) goes through the authoring path, as YAML does.
	if (value && typeof value === 'object' && !Array.isArray(value) && !('schemaVersion' in value))
		return deckFromYaml(input);
	const result = validateDeck(value, { file: name });
	if (result.ok || text.length > LOCATE_BELOW) return result;
	const located = parseWithPositions(text, name);
	return located.ok ? validateDeck(value, { file: name, locate: located.locate }) : result;
}

function deckFromYaml(input: DeckInput): DeckResult<Deck> & { unchecked?: string } {
	const { name, text } = input.file;
	const sourceName = sourceFileOf(text);
	const source = sourceName ? input.others?.find((o) => o.name === sourceName) : undefined;
	const result = compileAuthoredDeck({
		file: name,
		text,
		...(source ? { readSource: (n: string) => (n === source.name ? source.text : undefined) } : {})
	});
	return sourceName && !source ? { ...result, unchecked: sourceName } : result;
}

function readText(format: ImportFormat, text: string, name: string): TextParse {
	if (format === 'anki') return parseAnki(text, name);
	if (format === 'csv') return parseHeaderCsv(text, name);
	return parseQuizlet(text, name);
}

const CARD_FIELD: Record<string, string> = {
	prompt: 'front',
	answer: 'back',
	source: 'back',
	explanation: 'extra fields',
	tags: 'tags',
	id: 'id'
};

function deckFromText(input: DeckInput, format: ImportFormat): Prepared {
	const { name, text } = input.file;
	const parsed = readText(format, text, name);
	const made = notesToCards(parsed.notes, name, parsed.html === false ? { html: false } : {});
	const warnings = [...parsed.warnings, ...made.warnings];
	const errors = [...parsed.errors, ...made.errors];
	const skipped = [...(parsed.skipped ?? []), ...made.skipped].sort((a, b) => a.line - b.line);
	// The learner's own title is checked as typed; one taken from the file is made plain text.
	const title =
		input.title ??
		(suggestTitle(
			name,
			parsed.deckName,
			made.cards.slice(0, 8).map((c) => c.prompt)
		) ||
			'Imported deck');
	const sourceTitle = toPlainText(name).text.slice(0, 120) || 'an imported file';
	const deck: Deck = {
		schemaVersion: DECK_SCHEMA_VERSION,
		id: slugify(title) || 'imported-deck',
		title,
		version: 1,
		source: { title: sourceTitle, ...(input.url ? { url: input.url } : {}) },
		cards: made.cards as Card[]
	};
	if (made.cards.length === 0 && errors.length === 0)
		errors.push({ file: name, path: '', message: 'no cards: every row was empty or skipped' });
	if (errors.length > 0) return { ok: false, format, errors, warnings };
	const literalText = parsed.html === false;
	const checked = validateDeck(deck, { file: name, literalText });
	if (checked.ok)
		return { ok: true, format, deck: checked.deck, warnings, named: true, skipped, literalText };
	// Speak of rows and columns, not of the compiled deck's paths.
	const rowErrors = checked.errors.map((e) => {
		const [top, index, field] = e.keys ?? [];
		if (top !== 'cards' || typeof index !== 'number') return e;
		const name = typeof field === 'string' ? field : '';
		return { ...e, line: made.lines[index], path: CARD_FIELD[name] ?? name };
	});
	return { ok: false, format, errors: rowErrors, warnings };
}

/**
 * Reads a deck file of any supported format and checks it with the deck validator the build uses.
 * Nothing here touches storage: the page shows the result and writes only once the learner confirms.
 * @example prepareDeck({ file: { name: 'capitals.yaml', text } })
 */
export function prepareDeck(input: DeckInput): Prepared {
	const format = input.format ?? detectFormat(input.file.name, input.file.text);
	if (format === 'deck-json' || format === 'deck-yaml') {
		const result = format === 'deck-json' ? deckFromJson(input) : deckFromYaml(input);
		const warnings: DeckError[] = [];
		if ('unchecked' in result && result.unchecked)
			warnings.push({
				file: input.file.name,
				path: 'sourceFile',
				message: `quotes were not checked against "${result.unchecked}": choose it together with the deck file to check them`
			});
		return result.ok
			? {
					ok: true,
					format,
					deck: result.deck,
					warnings,
					named: false,
					skipped: [],
					literalText: false
				}
			: { ok: false, format, errors: result.errors, warnings };
	}
	return deckFromText(input, format);
}

/** Checks a title the learner types for a text import; returns its deck id, or what is wrong. */
export function checkTitle(title: string): { id: string; errors: DeckError[] } {
	const id = slugify(title) || 'imported-deck';
	const probe = validateDeck({
		schemaVersion: DECK_SCHEMA_VERSION,
		id,
		title,
		version: 1,
		cards: [{ id: 'probe', kind: 'basic', prompt: 'p', answer: 'a', source: { quote: 'q' } }]
	});
	return { id, errors: probe.ok ? [] : probe.errors };
}

/**
 * Reads and checks a backup file; nothing is written here.
 * @example prepareBackup(await file.text(), file.name)
 */
export function prepareBackup(text: string, file?: string): BackupResult {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (e) {
		return { ok: false, errors: [jsonError(e, text, file ?? 'backup')] };
	}
	return parseBackup(value, file);
}
