import { LIMITS, BLANK, type Card } from '$lib/deck/schema';
import { mediaField, MAX_MEDIA_PER_CARD } from '$lib/deck/media';
import { toPlainText } from '../html-text';
import { toRichText } from '../rich-html';
import { digest, idFromGuid, tagSlug } from '../ids';
import { shorten } from '../text-cards';
import type { AnkiCard, AnkiCollection, AnkiNote, AnkiNotetype } from './collection';
import { isSafeMediaName, mediaIn } from './media-names';
import { renderTemplate, type Rendered } from './template';

/** One Anki card made into a Recall card, with what the import keeps beside it. */
export interface MadeCard {
	card: Card;
	ankiCard: AnkiCard;
	/** The Anki deck it sits in, `A::B`. */
	deck: string;
}

export interface NoteCards {
	cards: MadeCard[];
	/** Per reason, how many cards were left out or changed. */
	notes: Map<string, number>;
}

const factOf = (base: string) => {
	const fact = base.replace(/\//g, '.');
	return fact.length <= LIMITS.id ? fact : `f-${digest(base)}`;
};

/** Answers shown after `<hr id=answer>` only: what the answer side adds to the question. */
const ANSWER_RULE = /<hr\s+id\s*=\s*["']?answer["']?\s*\/?>/i;

function plain(html: string, tally: (reason: string) => void): string {
	const { text, dropped } = toPlainText(html);
	if (dropped.includes('markup')) tally('HTML that could run a script or load a page was removed');
	return text;
}

/** The card id: the note's guid, then the template: `<guid>`, `<guid>/reverse`, `<guid>/c2`. */
function cardIdOf(note: AnkiNote, type: AnkiNotetype, card: AnkiCard): string {
	const base = idFromGuid(note.guid || `note-${note.id}`);
	if (type.cloze) return `${base}/c${card.ord + 1}`;
	if (card.ord === 0) return base;
	if (card.ord === 1 && type.templates.length === 2 && /revers/i.test(type.name))
		return `${base}/reverse`;
	return `${base}/t${card.ord + 1}`;
}

function sides(
	note: AnkiNote,
	type: AnkiNotetype,
	card: AnkiCard,
	deck: string
): { q: Rendered; a: Rendered } | undefined {
	const template = type.cloze ? type.templates[0] : type.templates.find((t) => t.ord === card.ord);
	if (!template) return undefined;
	const fields: Record<string, string> = {};
	type.fields.forEach((name, i) => (fields[name] = note.fields[i] ?? ''));
	const special = {
		Tags: note.tags.join(' '),
		Deck: deck,
		Subdeck: deck.split('::').at(-1) ?? deck,
		Card: template.name,
		Type: type.name
	};
	const common = { fields, special, ...(type.cloze ? { cloze: card.ord + 1 } : {}) };
	const q = renderTemplate(template.qfmt, { ...common, side: 'question' });
	const a = renderTemplate(template.afmt, { ...common, side: 'answer', frontSide: '' });
	return { q, a };
}

/** Makes one Recall card from an Anki card; undefined (with a reason tallied) when it cannot. */
function makeCard(
	note: AnkiNote,
	type: AnkiNotetype,
	ankiCard: AnkiCard,
	deck: string,
	siblings: number,
	out: NoteCards,
	slug: (tag: string) => string
): MadeCard | undefined {
	const tally = (reason: string) => out.notes.set(reason, (out.notes.get(reason) ?? 0) + 1);
	const rendered = sides(note, type, ankiCard, deck);
	if (!rendered) return void tally('a card whose template is missing was left out');
	const { q, a } = rendered;
	for (const f of [...q.unknownFilters, ...a.unknownFilters])
		tally(`the template filter “${f}” is not known: its field is shown as it is`);
	const qMedia = mediaIn(q.html);
	const aMedia = mediaIn(a.html.split(ANSWER_RULE).at(-1) ?? '');
	/** Safe names, each once, in the order the side names them; at most what a card may hold. */
	const keep = (names: string[]): string[] => {
		const safe = names.filter(isSafeMediaName);
		if (safe.length < names.length) tally('media with a path in its name were refused');
		const unique = [...new Set(safe)];
		if (unique.length > MAX_MEDIA_PER_CARD)
			tally(`a card keeps its first ${MAX_MEDIA_PER_CARD} pictures and sounds of each kind`);
		return unique.slice(0, MAX_MEDIA_PER_CARD);
	};
	// The question's media, or else those the answer adds: every one of them, in order.
	const qImages = keep(qMedia.images);
	const images = qImages.length > 0 ? qImages : keep(aMedia.images);
	const qSounds = keep(qMedia.sounds);
	const sounds = qSounds.length > 0 ? qSounds : keep(aMedia.sounds);
	const image = mediaField(images);
	const audio = mediaField(sounds);
	let prompt = plain(q.html, tally);
	let answer: string;
	if (type.cloze) answer = [...new Set(q.clozeAnswers.map((c) => plain(c, tally)))].join(', ');
	else if (q.typed !== undefined) answer = plain(q.typed, tally);
	else answer = plain(a.html.split(ANSWER_RULE).at(-1) ?? a.html, tally);
	if (!prompt)
		prompt = Array.isArray(image)
			? 'What do the pictures show?'
			: image
				? 'What does the picture show?'
				: audio
					? 'What do you hear?'
					: '';
	if (!prompt) return void tally('a card with an empty question was left out');
	if (!answer) return void tally('a card with an empty answer was left out');
	if (prompt.length > LIMITS.prompt)
		return void tally(`a card with a question over ${LIMITS.prompt} characters was left out`);
	const quote = shorten(
		type.cloze ? plain(a.html.split(ANSWER_RULE).at(-1) ?? a.html, tally) || answer : answer,
		LIMITS.quote
	);
	if (answer.length > LIMITS.answer) {
		tally(`answers over ${LIMITS.answer} characters were shortened (the whole text shows below)`);
		answer = shorten(answer, LIMITS.answer);
	}
	const hints = [...q.hints, ...a.hints]
		.map((h) => plain(h, tally))
		.filter(Boolean)
		.join('\n');
	const tags = [...new Set([...note.tags, deck].map(slug).filter(Boolean))].slice(0, 20);
	// Bold, italic, lists… kept as formatted text beside the plain text, when they read as it.
	const richPrompt = toRichText(q.html, prompt);
	const answerHtml =
		type.cloze || q.typed !== undefined ? undefined : (a.html.split(ANSWER_RULE).at(-1) ?? a.html);
	const richAnswer = answerHtml === undefined ? undefined : toRichText(answerHtml, answer);
	const rich = {
		...(richPrompt && richPrompt.length <= 2 * LIMITS.prompt ? { prompt: richPrompt } : {}),
		...(richAnswer && richAnswer.length <= 2 * LIMITS.answer ? { answer: richAnswer } : {})
	};
	const blanks = prompt.match(BLANK)?.length ?? 0;
	const kind = q.typed !== undefined ? 'typed' : type.cloze && blanks === 1 ? 'cloze' : 'basic';
	const base = idFromGuid(note.guid || `note-${note.id}`);
	// Checked once with the whole deck (`checkCards`), not here as well.
	const card = {
		id: cardIdOf(note, type, ankiCard),
		kind,
		prompt,
		answer,
		source: { quote },
		...(siblings > 1 ? { fact: factOf(base) } : {}),
		...(hints ? { explanation: shorten(hints, LIMITS.explanation) } : {}),
		...(tags.length > 0 ? { tags } : {}),
		...(image ? { image } : {}),
		...(audio ? { audio } : {}),
		...(rich.prompt || rich.answer ? { rich } : {})
	} as Card;
	return { card, ankiCard, deck };
}

/**
 * Makes Recall cards from a collection's cards: each rendered from its note type's template, reduced
 * to plain text and the names of its pictures and sounds. Cards are kept in the collection's order,
 * not yet checked: `checkCards` checks them with the deck.
 */
export function collectionCards(col: AnkiCollection): NoteCards {
	const out: NoteCards = { cards: [], notes: new Map() };
	const notes = new Map(col.notes.map((n) => [n.id, n]));
	const siblings = new Map<number, number>();
	for (const c of col.cards) siblings.set(c.nid, (siblings.get(c.nid) ?? 0) + 1);
	const seen = new Set<string>();
	// Most cards share their tags and deck: each is made a slug once.
	const slugs = new Map<string, string>();
	const slug = (tag: string) => {
		let s = slugs.get(tag);
		if (s === undefined) slugs.set(tag, (s = tagSlug(tag)));
		return s;
	};
	for (const ankiCard of col.cards) {
		const note = notes.get(ankiCard.nid);
		const type = note ? col.notetypes.get(note.mid) : undefined;
		if (!note || !type) {
			out.notes.set(
				'cards without their note or note type were left out',
				(out.notes.get('cards without their note or note type were left out') ?? 0) + 1
			);
			continue;
		}
		const deck = col.decks.get(ankiCard.did) ?? 'Default';
		const made = makeCard(note, type, ankiCard, deck, siblings.get(ankiCard.nid) ?? 1, out, slug);
		if (!made) continue;
		if (seen.has(made.card.id)) {
			out.notes.set(
				'cards of notes with the same guid were left out',
				(out.notes.get('cards of notes with the same guid were left out') ?? 0) + 1
			);
			continue;
		}
		seen.add(made.card.id);
		out.cards.push(made);
	}
	return out;
}
