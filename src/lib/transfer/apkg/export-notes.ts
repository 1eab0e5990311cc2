import { hash } from '$lib/deck/hash';
import { freeName, mediaList } from '$lib/deck/media';
import type { Card } from '$lib/deck/schema';
import { decodeEntities } from '../entities';
import type { NoteKind } from './legacy-schema';

/** One Anki note made from one Recall card. */
export interface ExportNote {
	kind: NoteKind;
	/** Field values as Anki holds them: HTML. */
	fields: string[];
	/** Anki tags: `geo.europe` becomes `geo::europe`. */
	tags: string[];
}

/** Card text is plain text; Anki fields are HTML: escape it, and keep line breaks. */
export function htmlOf(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/\r?\n/g, '<br>');
}

/** In a cloze field braces and colons would read as cloze syntax: written as entities there. */
const clozeSafe = (html: string) =>
	html.replace(/\{/g, '&#123;').replace(/\}/g, '&#125;').replace(/:/g, '&#58;');

/** The card's picture and sound, as Anki names them in a field (under `ankiName`'s names). */
function mediaHtml(card: Card, ankiName: (name: string) => string): string {
	let out = '';
	for (const name of mediaList(card.image)) out += `<br><img src="${htmlOf(ankiName(name))}">`;
	for (const name of mediaList(card.audio)) out += ` [sound:${ankiName(name)}]`;
	return out;
}

/**
 * The names media files go by in the package: their own, except that a name with a square
 * bracket (which a studio upload keeps) is written with round ones instead, as Anki reads a sound's
 * name in `[sound:…]` up to the first `]`; made unlike every other name of the deck.
 * @example ankiMediaNames(['talk [1].mp3', 'a.png']).get('talk [1].mp3') // 'talk (1).mp3'
 */
export function ankiMediaNames(names: Iterable<string>): Map<string, string> {
	const all = [...new Set(names)];
	const taken = new Set(all.filter((n) => !/[[\]]/.test(n)));
	const out = new Map<string, string>();
	for (const name of all) {
		if (!/[[\]]/.test(name)) continue;
		const safe = name.replace(/\[/g, '(').replace(/\]/g, ')');
		const dot = safe.lastIndexOf('.');
		const pick =
			dot > 0 ? freeName(safe.slice(0, dot), safe.slice(dot), taken) : freeName(safe, '', taken);
		taken.add(pick);
		out.set(name, pick);
	}
	return out;
}

const LETTERS = 'ABCD';

/** The answer and the distractors in an order fixed by the card id (not always first). */
function choicesOf(card: Card & { kind: 'mcq' }): string[] {
	const all = [card.answer, ...card.distractors];
	const at = hash(card.id) % all.length;
	const [answer] = all.splice(0, 1);
	all.splice(at, 0, answer ?? card.answer);
	return all;
}

/**
 * Maps a Recall card to an Anki note: basic, true/false and multiple choice to Basic (the choices
 * or "True or false?" on the front), typed to Basic (type in the answer), cloze to Cloze with the
 * blank as `{{c1::answer}}`. The explanation goes to the note's extra field; the picture and
 * sound to the front as `<img>` and `[sound:…]`.
 * @example noteOf({ id: 'a', kind: 'basic', prompt: 'x < y?', answer: 'yes', source: { quote: 'q' } }).fields // ['x &lt; y?', 'yes', '']
 */
export function noteOf(
	card: Card,
	ankiName: (name: string) => string = (name) => name
): ExportNote {
	const tags = (card.tags ?? []).map((t) => t.split('.').join('::'));
	const explanation = card.explanation ? htmlOf(card.explanation) : '';
	const media = mediaHtml(card, ankiName);
	if (card.kind === 'cloze') {
		const blank = /_{3,}/.exec(card.prompt);
		if (blank) {
			const before = card.prompt.slice(0, blank.index);
			const after = card.prompt.slice(blank.index + blank[0].length);
			const text = `${clozeSafe(htmlOf(before))}{{c1::${clozeSafe(htmlOf(card.answer))}}}${clozeSafe(htmlOf(after))}`;
			return { kind: 'cloze', fields: [text + media, explanation], tags };
		}
	}
	let front = htmlOf(card.prompt);
	if (card.kind === 'mcq')
		front += `<br><br>${choicesOf(card)
			.map((c, i) => `${LETTERS[i]}. ${htmlOf(c)}`)
			.join('<br>')}`;
	if (card.kind === 'truefalse') front += '<br><br>True or false?';
	const kind: NoteKind = card.kind === 'typed' ? 'typed' : 'basic';
	return { kind, fields: [front + media, htmlOf(card.answer), explanation], tags };
}

/**
 * Anki's sort field: the first field without markup, a picture counted by its file name (as Anki
 * strips it before sorting and before the duplicate check).
 */
export function sortFieldOf(field: string): string {
	const withNames = field.replace(
		/<img\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)["']?[^>]*>/gi,
		(_m, name: string) => ` ${name} `
	);
	return decodeEntities(withNames.replace(/<[^>]*>/g, ''));
}

/** Anki's duplicate checksum: the first 4 bytes of the SHA-1 of the sort field, as a number. */
export async function checksumOf(sortField: string): Promise<number> {
	const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(sortField));
	return new DataView(digest).getUint32(0);
}
