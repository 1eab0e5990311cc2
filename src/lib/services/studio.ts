import { authoredDeck, draftDeck, emptyDeck, type DraftDeck } from '$lib/deck/draft';
import type { Deck } from '$lib/deck/schema';
import type { DeckError } from '$lib/deck/errors';
import { toPlainText } from '$lib/transfer/html-text';
import { hasMarkup } from '$lib/deck/schema';
import { listDecks } from '$lib/storage/decks';
import { exportDeck } from '$lib/storage/transfer';
import {
	createDraft,
	deleteDraft,
	draftOfDeck,
	listDrafts,
	publishDeck,
	type DraftRow
} from '$lib/storage/drafts';
import { StudioEditor } from '$lib/state/studio.svelte';
import { copyMedia, draftMediaKey } from '$lib/storage/media';
import { deckMediaNames, filesOfDeckZip, storeDeckFolderMedia } from './studio-media';
import { appDb } from './database';

export type { DraftRow };

/**
 * The deck-file code: the YAML reader and writer (about 30 KB gzipped) load when a file is read
 * or written, not with the editor, so opening a draft parses less script.
 */
export async function loadDeckFiles() {
	const [authored, writer] = await Promise.all([
		import('$lib/deck/authored'),
		import('$lib/deck/yaml-writer')
	]);
	return { ...authored, ...writer };
}

/** The drafts on this device, the last changed first. */
export function studioDrafts() {
	return listDrafts(appDb());
}

/** The decks installed on this device, to open one as an editable copy. */
export async function installedDecks(): Promise<{ id: string; title: string; bundled: boolean }[]> {
	return (await listDecks(appDb())).map((d) => ({ id: d.id, title: d.title, bundled: d.bundled }));
}

const newId = () =>
	typeof crypto !== 'undefined' && 'randomUUID' in crypto
		? crypto.randomUUID()
		: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** Starts a new, empty draft; returns its id. */
export async function startDraft(deck: DraftDeck = emptyDeck()): Promise<string> {
	const row = await createDraft(appDb(), { id: newId(), deck, published: [] }, new Date());
	return row.id;
}

/** An installed deck as a new draft (an editable copy): its card ids are kept for good. */
export async function draftFromInstalled(deckId: string): Promise<string> {
	const db = appDb();
	const deck = await exportDeck(db, deckId);
	const id = newId();
	// The deck's pictures and sounds go with the copy, so editing a card keeps them.
	await copyMedia(db, deckId, draftMediaKey(id), deckMediaNames(deck.cards));
	const row = await createDraft(
		db,
		{
			id,
			deck: draftDeck(deck),
			published: deck.cards.map((c) => c.id),
			installedVersion: deck.version
		},
		new Date()
	);
	return row.id;
}

/**
 * The draft to fix a card of an installed deck in ("Edit card" on the review screen): the draft
 * already made from this version of the deck, or a new one.
 */
export async function draftForCard(deckId: string): Promise<string> {
	const db = appDb();
	const existing = await draftOfDeck(db, deckId);
	const installed = (await listDecks(db)).find((d) => d.id === deckId);
	if (existing && installed && existing.installedVersion === installed.version) return existing.id;
	return draftFromInstalled(deckId);
}

/**
 * A deck file (YAML or JSON, and its source text if chosen with it) as a new draft. Returns the
 * draft's id, or the file's problems when it cannot be read as a deck at all.
 */
export async function draftFromFiles(
	chosen: readonly File[]
): Promise<{ id: string; missingMedia?: string[] } | { errors: string[] }> {
	let files = chosen;
	const zip = chosen.find((f) => /\.zip$/i.test(f.name));
	if (zip) {
		try {
			files = await filesOfDeckZip(zip);
		} catch (e) {
			return { errors: [`“${zip.name}” cannot be read: ${e instanceof Error ? e.message : e}`] };
		}
	}
	const deckFile = files.find((f) => /\.(ya?ml|json)$/i.test(f.name)) ?? files[0];
	if (!deckFile) return { errors: ['Choose a .yaml or .json deck file.'] };
	const text = await deckFile.text();
	const { parseWithPositions } = await loadDeckFiles();
	const parsed = parseWithPositions(text, deckFile.name);
	if (!parsed.ok) return { errors: parsed.errors.map((e) => `line ${e.line}: ${e.message}`) };
	const value = parsed.value as Record<string, unknown> | null;
	if (!value || typeof value !== 'object' || !Array.isArray(value.cards))
		return { errors: [`“${deckFile.name}” is not a deck: it has no list of cards.`] };
	const sourceName = typeof value.sourceFile === 'string' ? value.sourceFile : undefined;
	const sourceFile =
		files.find((f) => f !== deckFile && f.name === sourceName) ??
		files.find((f) => f !== deckFile && /\.txt$/i.test(f.name));
	const sourceText = sourceFile ? await sourceFile.text() : '';
	const deck = draftDeck(value, sourceText);
	const id = newId();
	// The pictures and sounds chosen with the deck file (or in its zip) are stored before the draft
	// that names them.
	const missingMedia = await storeDeckFolderMedia(id, deck, files);
	const row = await createDraft(
		appDb(),
		{
			id,
			deck,
			published: deck.cards.map((c) => c.id),
			...(/\.ya?ml$/i.test(deckFile.name) ? { originalYaml: text } : {})
		},
		new Date()
	);
	return { id: row.id, ...(missingMedia.length > 0 ? { missingMedia } : {}) };
}

export function removeDraft(id: string): Promise<void> {
	return deleteDraft(appDb(), id);
}

/** Opens a draft in the editor. */
export function openEditor(id: string): Promise<StudioEditor | undefined> {
	return StudioEditor.open(appDb(), id);
}

/** The draft as a deck file: YAML (as in decks/*.yaml) or JSON. */
export async function deckFileText(editor: StudioEditor, format: 'yaml' | 'json'): Promise<string> {
	const authored = authoredDeck(editor.row().deck);
	if (format === 'json') return JSON.stringify(authored, null, '\t') + '\n';
	const { writeDeckYaml } = await loadDeckFiles();
	return writeDeckYaml(authored, editor.originalYaml);
}

/**
 * Checks the draft as `npm run decks:check` would check the YAML file the studio writes (the same
 * function): the deck, or every problem.
 */
export async function compileDraft(
	editor: StudioEditor
): Promise<{ ok: true; deck: Deck } | { ok: false; errors: DeckError[] }> {
	const text = await deckFileText(editor, 'yaml');
	const sourceText = editor.draft.sourceText;
	const { compileAuthoredDeck } = await loadDeckFiles();
	return compileAuthoredDeck({
		file: 'deck.yaml',
		text,
		...(sourceText.trim() ? { sourceText } : {})
	});
}

/**
 * Installs the draft into this device's collection (or updates the installed deck, progress kept)
 * and fixes its ids. Refuses a deck whose id another installed deck has, unless the draft was made
 * from that deck.
 */
export async function studyDraft(
	editor: StudioEditor
): Promise<{ ok: true; version: number } | { ok: false; problems: string[] }> {
	const compiled = await compileDraft(editor);
	if (!compiled.ok)
		return { ok: false, problems: compiled.errors.map((e) => `${e.path}: ${e.message}`) };
	const db = appDb();
	await editor.save();
	const installed = (await listDecks(db)).find((d) => d.id === compiled.deck.id);
	if (installed && editor.installedVersion === undefined)
		return {
			ok: false,
			problems: [
				`A deck named “${installed.title}” (id ${installed.id}) is already on this device: give this deck another title.`
			]
		};
	const report = await publishDeck(db, compiled.deck, new Date(), {
		draftId: editor.id,
		names: deckMediaNames(compiled.deck.cards)
	});
	await editor.markPublished(report.version);
	return { ok: true, version: report.version };
}

/** Pasted HTML (a web page, a document) as the plain text the source keeps. */
export function pastedText(data: DataTransfer): string {
	const html = data.getData('text/html');
	if (html) return toPlainText(html).text;
	const text = data.getData('text/plain');
	// Page source copied as text: read it as the page it is.
	return /^\s*</.test(text) && hasMarkup(text) ? toPlainText(text).text : text;
}
