import { checkPickedMedia, mediaFileName, mediaList, MAX_MEDIA_PER_CARD } from '$lib/deck/media';
import type { MediaKind } from '$lib/deck/media';
import type { DraftCard, DraftDeck } from '$lib/deck/draft';
import { draftMediaKey, mediaNames, putDraftMedia, readMedia } from '$lib/storage/media';
import type { StudioEditor } from '$lib/state/studio.svelte';
import { appDb } from './database';

export { draftMediaKey };

/** Every media name the cards use, each once, in the order they are named. */
export function deckMediaNames(
	cards: readonly { image?: string | readonly string[]; audio?: string | readonly string[] }[]
): string[] {
	const names = new Set<string>();
	for (const c of cards)
		for (const n of [...mediaList(c.image), ...mediaList(c.audio)]) names.add(n);
	return [...names];
}

const WHAT: Record<MediaKind, string> = { image: 'pictures', audio: 'sounds' };

/**
 * Attaches a picked file to a card as a picture or a sound: checked (type and size), stored with the
 * draft in IndexedDB under a name no other file of the draft has, then named on the card (one
 * undoable step). Returns what is wrong, for the author, when it is refused.
 */
export async function attachMedia(
	editor: StudioEditor,
	index: number,
	kind: MediaKind,
	file: File
): Promise<string | undefined> {
	const card = editor.draft.cards[index];
	if (!card) return 'The card is gone.';
	const current = card[kind] ?? [];
	if (current.length >= MAX_MEDIA_PER_CARD)
		return `A card holds at most ${MAX_MEDIA_PER_CARD} ${WHAT[kind]}: remove one first.`;
	const checked = checkPickedMedia(file, kind);
	if (!checked.ok) return checked.message;
	const db = appDb();
	const taken = new Set(await mediaNames(db, draftMediaKey(editor.id)));
	const name = mediaFileName(file.name, checked.extension, taken);
	await putDraftMedia(db, editor.id, { name, type: checked.type, blob: file });
	// The card may have moved or changed while the file was written: look it up again.
	const now = editor.draft.cards.findIndex((c) => c.id === card.id);
	const at = now === -1 ? index : now;
	editor.setCardField(at, kind, [...(editor.draft.cards[at]?.[kind] ?? []), name]);
	return undefined;
}

/**
 * Takes a picture or sound off a card (one undoable step). The file stays stored with the draft,
 * so an undo brings it back; it is not written into downloads or installs once no card names it.
 */
export function removeMedia(
	editor: StudioEditor,
	index: number,
	kind: MediaKind,
	at: number
): void {
	const card = editor.draft.cards[index];
	if (!card) return;
	const next = (card[kind] ?? []).filter((_, i) => i !== at);
	editor.setCardField(index, kind, next);
}

/**
 * Stores the media a deck file names from the files chosen with it (or found in its zip), under
 * the new draft: each checked like a picked file. Returns the names that were not there.
 */
export async function storeDeckFolderMedia(
	draftId: string,
	deck: DraftDeck,
	files: readonly File[]
): Promise<string[]> {
	const byName = new Map(files.map((f) => [f.name, f]));
	const missing: string[] = [];
	const kinds = new Map<string, MediaKind>();
	for (const c of deck.cards as DraftCard[]) {
		for (const n of c.image ?? []) kinds.set(n, 'image');
		for (const n of c.audio ?? []) kinds.set(n, 'audio');
	}
	for (const [name, kind] of kinds) {
		const file = byName.get(name);
		const checked = file ? checkPickedMedia(file, kind) : undefined;
		if (!file || !checked?.ok) {
			missing.push(name);
			continue;
		}
		await putDraftMedia(appDb(), draftId, { name, type: checked.type, blob: file });
	}
	return missing;
}

/**
 * The draft as one file to download or share. Without media it is the deck file itself; with
 * media it is a `.zip` of the deck file, its source text and the pictures and sounds beside them
 * (the deck names each by its plain file name, as it names its source file). One file, because a
 * phone downloads and shares one file well and a folder not at all.
 */
export async function deckDownload(
	editor: StudioEditor,
	format: 'yaml' | 'json',
	deckText: string
): Promise<File> {
	const draft = editor.draft;
	const deckName = `${draft.id || 'deck'}.${format}`;
	const type = format === 'yaml' ? 'text/yaml' : 'application/json';
	const names = deckMediaNames(draft.cards);
	if (names.length === 0) return new File([deckText], deckName, { type });
	const rows = await readMedia(appDb(), draftMediaKey(editor.id), names);
	const media = await Promise.all(
		rows.map(async (r) => ({ name: r.name, data: new Uint8Array(await r.blob.arrayBuffer()) }))
	);
	const texts = [{ name: deckName, text: deckText }];
	if (draft.sourceText.trim())
		texts.push({ name: draft.sourceFile || 'source.txt', text: draft.sourceText });
	const { writeDeckZip } = await import('$lib/transfer/deck-zip');
	const zip = writeDeckZip(texts, media);
	return new File([zip as Uint8Array<ArrayBuffer>], `${draft.id || 'deck'}.zip`, {
		type: 'application/zip'
	});
}

/** The files of a chosen deck zip, as files; throws with the reason when it cannot be read. */
export async function filesOfDeckZip(zip: File): Promise<File[]> {
	const { readDeckZip } = await import('$lib/transfer/deck-zip');
	const entries = await readDeckZip(new Uint8Array(await zip.arrayBuffer()));
	return entries.map((e) => new File([e.data as Uint8Array<ArrayBuffer>], e.name));
}
