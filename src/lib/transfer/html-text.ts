import { hasMarkup } from '$lib/deck/schema';
import { decodeEntities } from './entities';

/** What was left out of a field on its way to plain text: the learner is told. */
export type Dropped = 'image' | 'sound' | 'markup';

export interface PlainText {
	text: string;
	dropped: Dropped[];
}

// A tag, with quoted attribute values that may hold a `>`. Outside quotes a tag holds no `<`, and no
// two parts of a pattern can match the same text: a field of unclosed tags (`<a<a<a…`) is read in
// linear time, where overlapping parts took seconds for 2 kB and minutes for 8 kB.
const ATTRS = `(?:"[^"]*"|'[^']*'|[^'"<>])*`;
const tag = (names: string) => new RegExp(`<\\/?(?:${names})\\b${ATTRS}>`, 'gi');

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/**
 * Elements whose content is code or not text: dropped whole when they are closed. The content
 * stops at the next tag of the same name, so each element is looked for up to there, not to the end.
 */
const HIDDEN = new RegExp(
	`<(script|style|template|noscript|iframe|object|embed|head|title|svg|math|audio|video|canvas|textarea|select)\\b${ATTRS}>[^<]*(?:<(?!\\/?\\1\\b)[^<]*)*<\\/\\1\\s*>`,
	'gi'
);
const IMAGE = tag('img|image|picture|source');
const BREAK = tag('br');
const BLOCK = tag(
	'p|div|li|ul|ol|tr|table|thead|tbody|h[1-6]|blockquote|pre|section|article|header|footer|dl|dt|dd|hr'
);
const CELL = tag('td|th');
const ANY_TAG = new RegExp(`<\\/?[a-z]${ATTRS}>|<[!?][^<>]*>`, 'gi');
const SOUND = /\[sound:[^[\]]*\]/gi;
/** A tag that carried a handler or a script link: worth telling the learner it was removed. */
const ACTIVE = /\bon[a-z]+\s*=|javascript\s*:|<\/?(?:script|iframe|object|embed)\b/i;

/**
 * Removes the tags of one pass. `decoded` is true from the second pass on: those tags were written
 * as entities (`&lt;b&gt;`), text that only looked like markup, so their removal is reported.
 */
function stripTags(text: string, dropped: Set<Dropped>, decoded: boolean): string {
	const noteMarkup = (match: string) => {
		if (decoded || ACTIVE.test(match)) dropped.add('markup');
	};
	return text
		.replace(COMMENT, '')
		.replace(HIDDEN, () => {
			dropped.add('markup');
			return ' ';
		})
		.replace(IMAGE, (m) => {
			dropped.add('image');
			noteMarkup(m);
			return ' ';
		})
		.replace(BREAK, '\n')
		.replace(BLOCK, (m) => {
			noteMarkup(m);
			return '\n';
		})
		.replace(CELL, ' ')
		.replace(ANY_TAG, (m) => {
			noteMarkup(m);
			return '';
		});
}

const HANDLER =
	/\bon(?:load|error|click|dblclick|mouse\w*|pointer\w*|touch\w*|key\w*|focus\w*|blur|submit|change|input|animation\w*|transition\w*|begin|end|toggle)\s*=/gi;

/**
 * The last guard: whatever still looks like markup to the deck validator (`hasMarkup`) is taken
 * out. A `<` before a letter gets a space (`a<b` reads `a< b`), so text survives where it can.
 */
function scrub(text: string, dropped: Set<Dropped>): string | undefined {
	for (let round = 0; round < 8 && hasMarkup(text); round++) {
		dropped.add('markup');
		text = text
			.replace(/<(?=[a-z!/?])/gi, '< ')
			.replace(/javascript\s*:/gi, '')
			.replace(HANDLER, '')
			.replace(/(&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*));/gi, '$1');
	}
	return hasMarkup(text) ? undefined : text;
}

function tidy(text: string): string {
	// One line with single spaces (most fields): only its ends change.
	if (!/[\r\n\u00a0\t\f\v]| {2}/.test(text)) return text.trim();
	return text
		.replace(/\r\n?/g, '\n')
		.replace(/[\u00a0\t\f\v ]+/g, ' ')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line.length > 0)
		.join('\n');
}

/**
 * Turns a field of an Anki or Quizlet export into the plain text a card holds: tags removed
 * (`<br>` and block ends become line breaks), entities decoded, Anki sound references removed,
 * white space tidied. Text that decodes to markup (`&lt;script&gt;`) is removed too, and the result
 * always passes the deck validator's plain-text rule; `dropped` says what was left out.
 * @example toPlainText('<b>caf&eacute;</b><br>cr&egrave;me') // { text: 'café\ncrème', dropped: [] }
 */
export function toPlainText(field: string): PlainText {
	const dropped = new Set<Dropped>();
	let text = field;
	// Entities can hide markup one level down (`&amp;lt;`): decode until nothing changes. A field
	// with neither `<` nor `&` (most of them) has no tag or entity, so the rounds would change nothing.
	for (let round = 0; round < 4 && /[<&]/.test(text); round++) {
		const before = text;
		text = decodeEntities(stripTags(text, dropped, round > 0));
		if (text === before) break;
	}
	text = text.replace(SOUND, () => {
		dropped.add('sound');
		return ' ';
	});
	const clean = scrub(tidy(text), dropped);
	return { text: clean === undefined ? '' : tidy(clean), dropped: [...dropped] };
}

/**
 * Turns a field that is plain text already (Anki's `#html:false`) into a card's text: nothing is
 * read as a tag or an entity, so `<b>` and `&amp;` stay exactly as written. Card text is always
 * shown as text, and the validator accepts such a deck's literal brackets (`literalText`).
 * Anki's sound references are media, not text, and are left out as in `toPlainText`.
 * @example literalText('Use <b> for bold').text // 'Use <b> for bold'
 */
export function literalText(field: string): PlainText {
	const dropped = new Set<Dropped>();
	const text = tidy(
		field.replace(SOUND, () => {
			dropped.add('sound');
			return ' ';
		})
	);
	return { text, dropped: [...dropped] };
}
