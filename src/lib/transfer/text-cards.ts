import { BLANK, hasMarkup, LIMITS, type Card } from '$lib/deck/schema';
import type { DeckError } from '$lib/deck/errors';
import { literalText, toPlainText, type Dropped } from './html-text';
import { digest, idFromGuid, idFromText, isCardId, tagSlug } from './ids';
import { WarningTally, type SkippedRow, type TextNote } from './notes';

export interface TextCards {
	cards: Card[];
	/** The line each card comes from, for error places. */
	lines: number[];
	errors: DeckError[];
	warnings: DeckError[];
	/** Rows that made no card, and why. */
	skipped: SkippedRow[];
}

export interface TextCardOptions {
	/** False when the fields are plain text (Anki's `#html:false`): nothing is read as a tag. */
	html?: boolean;
}

const DROPPED: Record<Dropped, string> = {
	image: 'images are not imported and were left out',
	sound: 'sounds are not imported and were left out',
	markup: 'text that looked like HTML or a script was removed'
};

/**
 * `{{c1::answer}}` or `{{c1::answer::hint}}`. Neither part runs past a `{{`: each cloze is looked
 * for up to the next one, so a field of unclosed ones (`{{c1::{{c1::…`) is read in linear time.
 */
const CLOZE = /\{\{c(\d+)::((?:(?!::|\{\{|\}\})[\s\S])*)(?:::((?:(?!\{\{|\}\})[\s\S])*))?\}\}/g;
const HAS_CLOZE = /\{\{c\d+::/;

/** Cut at a word boundary to fit `max`, with an ellipsis. */
export function shorten(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A sibling group name (a slug without `/`) for the cards of one note. */
const factOf = (base: string) => {
	const fact = base.replace(/\//g, '.');
	return fact.length <= LIMITS.id ? fact : `f-${digest(base)}`;
};

class Builder {
	cards: Card[] = [];
	lines: number[] = [];
	errors: DeckError[] = [];
	tally = new WarningTally();
	skipped: SkippedRow[] = [];
	#ids = new Map<string, number>();
	/** The next suffix to try for an id given more than once: many copies of a row stay linear. */
	#next = new Map<string, number>();

	constructor(
		readonly file: string,
		readonly html = true
	) {}

	error(line: number, path: string, message: string) {
		this.errors.push({ file: this.file, line, path, message });
	}

	plain(note: TextNote, field: string | undefined): string {
		const { text, dropped } = (this.html ? toPlainText : literalText)(field ?? '');
		for (const d of dropped) this.tally.add(DROPPED[d], note.line);
		return text;
	}

	/** The note's id: given, from its guid, or from its front; made unique with a suffix. */
	baseId(note: TextNote, front: string): string {
		let id =
			note.id && isCardId(note.id)
				? note.id
				: note.guid
					? idFromGuid(note.guid)
					: idFromText(front);
		const first = this.#ids.get(id);
		if (first !== undefined) {
			let n = this.#next.get(id) ?? 2;
			while (this.#ids.has(`${id}-${n}`)) n++;
			this.#next.set(id, n + 1);
			this.tally.add(`same id or question as an earlier row: kept under a new id`, note.line);
			id = `${id}-${n}`;
		}
		this.#ids.set(id, note.line);
		return id;
	}

	tags(note: TextNote): string[] | undefined {
		const all = [...(note.tags ?? []), ...(note.deck ? [note.deck] : [])].map(tagSlug);
		const tags = [...new Set(all.filter(Boolean))];
		if (tags.length > 20) this.tally.add('only the first 20 tags were kept', note.line);
		return tags.length > 0 ? tags.slice(0, 20) : undefined;
	}

	explanation(note: TextNote, extra: string[]): string | undefined {
		const text = extra.filter(Boolean).join('\n');
		if (!text) return undefined;
		if (text.length > LIMITS.explanation)
			this.tally.add(`extra fields were cut to ${LIMITS.explanation} characters`, note.line);
		return shorten(text, LIMITS.explanation);
	}

	/**
	 * Checks the lengths a card is held to; false (with an error) when the row cannot be a card.
	 * `quoteSide` is the field the quote comes from: the back, or the front for a cloze.
	 */
	fits(note: TextNote, prompt: number, quote: number, quoteSide = 'back'): boolean {
		if (prompt > LIMITS.prompt) {
			this.error(
				note.line,
				'front',
				`has ${prompt} characters; a card's question can have at most ${LIMITS.prompt}`
			);
			return false;
		}
		if (quote > LIMITS.quote) {
			this.error(
				note.line,
				quoteSide,
				`has ${quote} characters; a card's answer text can have at most ${LIMITS.quote}`
			);
			return false;
		}
		return true;
	}

	/** A long answer shows its start; the whole text is the card's quote, shown under it. */
	answer(note: TextNote, text: string): string {
		if (text.length <= LIMITS.answer) return text;
		this.tally.add(
			`answers over ${LIMITS.answer} characters were shortened; the whole text shows below the answer`,
			note.line
		);
		return shorten(text, LIMITS.answer);
	}

	push(note: TextNote, card: Card) {
		this.cards.push(card);
		this.lines.push(note.line);
	}
}

interface Cloze {
	answer: string;
	/** What the prompt shows instead: `___`, or `___ (hint)`. */
	blank: string;
	/** Where the answer stands in the quote. */
	start: number;
}

/**
 * One cloze card per `{{cN::…}}` number. The text is read once: the quote is the text with every
 * cloze replaced by its answer, and each prompt is the quote with that number's answers blanked.
 * Prompt lengths are counted before any prompt is made, so a note with thousands of clozes is
 * refused (or made) in linear time.
 */
function clozeCards(b: Builder, note: TextNote, text: string, rest: string[]): void {
	const clozes = new Map<number, Cloze[]>();
	let quote = '';
	let last = 0;
	for (const m of text.matchAll(CLOZE)) {
		quote += text.slice(last, m.index);
		const answer = m[2] ?? '';
		const cloze = { answer, blank: m[3] ? `___ (${m[3]})` : '___', start: quote.length };
		const same = clozes.get(Number(m[1]));
		if (same) same.push(cloze);
		else clozes.set(Number(m[1]), [cloze]);
		quote += answer;
		last = m.index + m[0].length;
	}
	quote += text.slice(last);
	const numbers = [...clozes.keys()].sort((x, y) => x - y);
	const length = (n: number) =>
		(clozes.get(n) ?? []).reduce((l, c) => l + c.blank.length - c.answer.length, quote.length);
	const longest = numbers.reduce((max, n) => Math.max(max, length(n)), 0);
	if (!b.fits(note, longest, quote.length, 'front')) return;
	const asked = numbers.map((n) => {
		const own = clozes.get(n) ?? [];
		let prompt = '';
		let at = 0;
		for (const c of own) {
			prompt += quote.slice(at, c.start) + c.blank;
			at = c.start + c.answer.length;
		}
		return { n, prompt: prompt + quote.slice(at), answers: own.map((c) => c.answer) };
	});
	// Plain text on its own, a front read as HTML can turn into markup once its clozes are filled
	// in (`<{{c1::b}}`). Literal text (`#html:false`) is shown as written either way.
	if (b.html && [quote, ...asked.flatMap((a) => [a.prompt, ...a.answers])].some(hasMarkup)) {
		b.error(note.line, 'front', 'reads as HTML or a script once its clozes are filled in');
		return;
	}
	const base = b.baseId(note, quote);
	const explanation = b.explanation(note, rest);
	const tags = b.tags(note);
	const before = b.cards.length;
	for (const { n, prompt, answers } of asked) {
		const answer = b.answer(note, [...new Set(answers)].join(', '));
		if (!prompt.trim() || !answer.trim()) {
			b.tally.add('a cloze with nothing to fill in was left out', note.line);
			continue;
		}
		const blanks = prompt.match(BLANK)?.length ?? 0;
		b.push(note, {
			id: `${base}/c${n}`,
			kind: blanks === 1 ? 'cloze' : 'basic',
			prompt,
			answer,
			source: { quote },
			...(numbers.length > 1 ? { fact: factOf(base) } : {}),
			...(explanation ? { explanation } : {}),
			...(tags ? { tags } : {})
		});
	}
	if (b.cards.length === before)
		b.skipped.push({ line: note.line, reason: 'every cloze is empty' });
}

function noteCards(b: Builder, note: TextNote): void {
	const [front = '', back = '', ...extra] = note.fields.map((f) => b.plain(note, f));
	const notetype = note.notetype ?? '';
	if (HAS_CLOZE.test(front)) return clozeCards(b, note, front, [back, ...extra]);
	if (!front || !back) {
		const side =
			!front && !back ? 'the front and the back are' : !front ? 'the front is' : 'the back is';
		const raw = (!front ? note.fields[0] : note.fields[1])?.trim();
		const picture = !!front !== !!back && !!raw && /^(?:<img\b[^>]*>\s*)+$/i.test(raw);
		b.skipped.push({
			line: note.line,
			reason: picture
				? `${side} only a picture, and pictures are not imported`
				: raw
					? `${side} empty once formatting is removed`
					: `${side} empty`
		});
		return;
	}
	const quote = note.quote ? b.plain(note, note.quote) || back : back;
	if (!b.fits(note, front.length, quote.length)) return;
	// "Basic (optional reversed card)" makes the reverse card only when its third field is filled.
	const optional = /optional/i.test(notetype) && /revers/i.test(notetype);
	const reverse = optional ? !!extra[0] : /revers/i.test(notetype);
	const explanation = b.explanation(note, optional ? extra.slice(1) : extra);
	const tags = b.tags(note);
	const base = b.baseId(note, front);
	const shared = {
		...(reverse ? { fact: factOf(base) } : {}),
		...(explanation ? { explanation } : {}),
		...(tags ? { tags } : {})
	};
	b.push(note, {
		id: base,
		kind: 'basic',
		prompt: front,
		answer: b.answer(note, back),
		source: { quote },
		...shared
	});
	if (!reverse) return;
	if (back.length > LIMITS.prompt) {
		b.tally.add(`no reverse card: the back is over ${LIMITS.prompt} characters`, note.line);
		return;
	}
	b.push(note, {
		id: `${base}/reverse`,
		kind: 'basic',
		prompt: back,
		answer: b.answer(note, front),
		source: { quote: front },
		...shared
	});
}

/**
 * Makes cards from the rows of a text export: fields to plain text, a basic card per note (and a
 * reverse card for Anki's reversed note types, one cloze card per `{{c1::…}}` number for Anki's
 * cloze notes). Ids come from the file's id or guid column, else from the front's text, so
 * importing the file again keeps progress. A row too long to be a card is an error; an empty one is
 * skipped, and listed in `skipped` with its reason. With `html: false` (Anki's `#html:false`) the
 * fields are plain text: `<b>` and `&amp;` stay as written.
 */
export function notesToCards(
	notes: readonly TextNote[],
	file: string,
	options: TextCardOptions = {}
): TextCards {
	const b = new Builder(file, options.html ?? true);
	for (const note of notes) noteCards(b, note);
	return {
		cards: b.cards,
		lines: b.lines,
		errors: b.errors,
		warnings: b.tally.list(file),
		skipped: b.skipped
	};
}
