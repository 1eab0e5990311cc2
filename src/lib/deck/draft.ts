import type { CardKind } from './schema';
import { mediaField } from './media';
import { RICH_FIELDS, richPlain, sameText, type RichField } from './rich-text';

/**
 * A card as the studio edits it: every field is text or a list of text, so a half-written card can
 * be held (and saved) before it is valid. `toAuthored` turns it into the deck format.
 */
export interface DraftCard {
	id: string;
	kind: CardKind;
	prompt: string;
	answer: string;
	answerType: string;
	accept: string[];
	distractors: string[];
	explanation: string;
	fact: string;
	tags: string[];
	quote: string;
	/** Pictures, by their file names among the draft's media, shown in order (absent: none). */
	image?: string[];
	/** Sounds, likewise. */
	audio?: string[];
	/**
	 * Formatted text of an imported card (bold, lists…), kept as it came. The studio edits the plain
	 * text; a formatted field that no longer reads as its plain text is left out of the deck.
	 */
	rich?: Partial<Record<RichField, string>>;
}

/** A deck as the studio edits it, with its source text. */
export interface DraftDeck {
	id: string;
	title: string;
	description: string;
	version: number;
	language: string;
	sourceTitle: string;
	sourceAuthor: string;
	sourceUrl: string;
	/** The name the YAML gives the source text file (`sourceFile`). */
	sourceFile: string;
	sourceText: string;
	cards: DraftCard[];
}

/** A new card of a kind, empty. */
export function emptyCard(kind: CardKind = 'basic'): DraftCard {
	return {
		id: '',
		kind,
		prompt: '',
		answer: kind === 'truefalse' ? 'True' : '',
		answerType: '',
		accept: [],
		distractors: kind === 'mcq' ? ['', '', ''] : [],
		explanation: '',
		fact: '',
		tags: [],
		quote: ''
	};
}

/** A new deck with nothing in it yet. */
export function emptyDeck(): DraftDeck {
	return {
		id: '',
		title: '',
		description: '',
		version: 1,
		language: 'en',
		sourceTitle: '',
		sourceAuthor: '',
		sourceUrl: '',
		sourceFile: 'source.txt',
		sourceText: '',
		cards: []
	};
}

/** A copy of a card that shares nothing with it (its lists are copied too). */
export function copyCard(card: DraftCard): DraftCard {
	return {
		...card,
		accept: [...card.accept],
		distractors: [...card.distractors],
		tags: [...card.tags],
		...(card.image ? { image: [...card.image] } : {}),
		...(card.audio ? { audio: [...card.audio] } : {})
	};
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : String(v));
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : []);
const record = (v: unknown): Record<string, unknown> =>
	v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Reads one card of a deck file (authored or compiled) into a draft card, keeping what it can. */
export function draftCard(raw: unknown): DraftCard {
	const c = record(raw);
	const kind = (['basic', 'mcq', 'typed', 'truefalse', 'cloze'] as const).find((k) => k === c.kind);
	const answer = typeof c.answer === 'boolean' ? (c.answer ? 'True' : 'False') : str(c.answer);
	return {
		id: str(c.id),
		kind: kind ?? 'basic',
		prompt: str(c.prompt),
		answer,
		answerType: str(c.answerType),
		accept: list(c.accept),
		distractors: list(c.distractors),
		explanation: str(c.explanation),
		fact: str(c.fact),
		tags: list(c.tags),
		quote: str(record(c.source).quote),
		...media('image', c.image),
		...media('audio', c.audio),
		...richOf(c.rich)
	};
}

function richOf(v: unknown): Partial<DraftCard> {
	const rich: Partial<Record<RichField, string>> = {};
	for (const f of RICH_FIELDS) {
		const text = record(v)[f];
		if (typeof text === 'string') rich[f] = text;
	}
	return Object.keys(rich).length > 0 ? { rich } : {};
}

/** A card's media field (one name or a list) as the draft's list; nothing when there is none. */
function media(key: 'image' | 'audio', v: unknown): Partial<DraftCard> {
	const names = typeof v === 'string' ? [v] : list(v);
	return names.length > 0 ? { [key]: names } : {};
}

/** Reads a deck file's value (authored YAML/JSON or a compiled deck) into a draft. */
export function draftDeck(raw: unknown, sourceText = ''): DraftDeck {
	const d = record(raw);
	const source = record(d.source);
	const version = typeof d.version === 'number' && d.version > 0 ? Math.floor(d.version) : 1;
	return {
		id: str(d.id),
		title: str(d.title),
		description: str(d.description),
		version,
		language: str(d.language),
		sourceTitle: str(source.title),
		sourceAuthor: str(source.author),
		sourceUrl: str(source.url),
		sourceFile: str(d.sourceFile) || 'source.txt',
		sourceText,
		cards: Array.isArray(d.cards) ? d.cards.map(draftCard) : []
	};
}

const given = (v: string) => v.trim() !== '';

/**
 * The card in the deck format: empty optional fields are left out, in the field order of the
 * bundled deck files (so a written file reads like a hand-written one).
 */
export function authoredCard(card: DraftCard): Record<string, unknown> {
	const out: Record<string, unknown> = { id: card.id, kind: card.kind, prompt: card.prompt };
	out.answer = card.answer;
	if (given(card.answerType)) out.answerType = card.answerType;
	if (card.kind === 'mcq') out.distractors = card.distractors;
	if (card.accept.length > 0) out.accept = card.accept;
	if (given(card.explanation)) out.explanation = card.explanation;
	if (given(card.fact)) out.fact = card.fact;
	if (card.tags.length > 0) out.tags = card.tags;
	out.source = { quote: card.quote };
	const image = mediaField(card.image ?? []);
	const audio = mediaField(card.audio ?? []);
	if (image !== undefined) out.image = image;
	if (audio !== undefined) out.audio = audio;
	const rich: Partial<Record<RichField, string>> = {};
	for (const f of RICH_FIELDS) {
		const text = card.rich?.[f];
		if (text !== undefined && sameText(richPlain(text), card[f])) rich[f] = text;
	}
	if (Object.keys(rich).length > 0) out.rich = rich;
	return out;
}

/** The deck in the authored format (what the YAML and JSON files hold), without the source text. */
export function authoredDeck(draft: DraftDeck): Record<string, unknown> {
	const out: Record<string, unknown> = { id: draft.id, title: draft.title };
	if (given(draft.description)) out.description = draft.description;
	out.version = draft.version;
	if (given(draft.language)) out.language = draft.language;
	if (given(draft.sourceTitle) || given(draft.sourceAuthor) || given(draft.sourceUrl)) {
		const source: Record<string, unknown> = { title: draft.sourceTitle };
		if (given(draft.sourceAuthor)) source.author = draft.sourceAuthor;
		if (given(draft.sourceUrl)) source.url = draft.sourceUrl;
		out.source = source;
	}
	if (given(draft.sourceText)) out.sourceFile = draft.sourceFile || 'source.txt';
	out.cards = draft.cards.map(authoredCard);
	return out;
}
