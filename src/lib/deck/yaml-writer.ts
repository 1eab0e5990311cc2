import { Document, isMap, isScalar, isSeq, parseDocument, stringify, type Pair } from 'yaml';
import { authoredCard, draftCard } from './draft';

/** Lines of the deck files are at most this wide (as in decks/*.yaml). */
const WIDTH = 100;
const SCHEMA_LINE = '# yaml-language-server: $schema=../../static/deck.schema.json';

/** A scalar as YAML writes it on one line: plain where that reads back the same, else quoted. */
function inline(value: unknown): string {
	return stringify(value, { lineWidth: 0, singleQuote: true }).trimEnd();
}

/** Text that can be folded (`>-`) and read back the same: one line, single spaces, printable. */
const foldable = (s: string) =>
	s.length > 0 && !/\n|\t| {2}|^\s|\s$|[\u2028\u2029]/.test(s) && ![...s].some((ch) => ch < ' ');

/** Greedy word wrap at the deck files' width, each line indented. */
function fold(text: string, indent: number): string[] {
	const room = WIDTH - indent;
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line && line.length + 1 + word.length > room) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines.map((l) => ' '.repeat(indent) + l);
}

function flowList(items: readonly unknown[]): string {
	const doc = new Document(items);
	if (isSeq(doc.contents)) doc.contents.flow = true;
	return doc.toString({ lineWidth: 0, singleQuote: true, flowCollectionPadding: false }).trimEnd();
}

/** `key: value` lines at an indent, in the style of the hand-written deck files. */
function field(key: string, value: unknown, indent: number): string[] {
	const pad = ' '.repeat(indent);
	if (Array.isArray(value)) {
		const flow = flowList(value);
		if (
			value.length > 0 &&
			pad.length + key.length + 2 + flow.length <= WIDTH &&
			!flow.includes('\n')
		)
			return [`${pad}${key}: ${flow}`];
		if (value.length === 0) return [`${pad}${key}: []`];
		return [`${pad}${key}:`, ...value.flatMap((v) => item(v, indent + 2))];
	}
	if (value && typeof value === 'object') {
		return [`${pad}${key}:`, ...Object.entries(value).flatMap(([k, v]) => field(k, v, indent + 2))];
	}
	const one = inline(value);
	if (
		pad.length + key.length + 2 + one.length <= WIDTH ||
		typeof value !== 'string' ||
		!foldable(value)
	)
		return [`${pad}${key}: ${one}`];
	return [`${pad}${key}: >-`, ...fold(value, indent + 2)];
}

function item(value: unknown, indent: number): string[] {
	const pad = ' '.repeat(indent);
	const one = inline(value);
	if (pad.length + 2 + one.length <= WIDTH || typeof value !== 'string' || !foldable(value))
		return [`${pad}- ${one}`];
	return [`${pad}- >-`, ...fold(value, indent + 2)];
}

/** One card as a block sequence item whose dash is at `indent`. */
function cardLines(card: Record<string, unknown>, indent: number): string[] {
	const lines = Object.entries(card).flatMap(([k, v]) => field(k, v, indent + 2));
	const first = lines[0] ?? '';
	lines[0] = ' '.repeat(indent) + '- ' + first.slice(indent + 2);
	return lines;
}

function headerLines(deck: Record<string, unknown>): string[] {
	return Object.entries(deck)
		.filter(([k]) => k !== 'cards')
		.flatMap(([k, v]) => field(k, v, 0));
}

/** Written from scratch: comments, the fields, then the cards with a blank line between them. */
function fresh(deck: Record<string, unknown>, comments: string[]): string {
	const cards = Array.isArray(deck.cards) ? (deck.cards as Record<string, unknown>[]) : [];
	const out = [...comments, ...headerLines(deck)];
	if (cards.length === 0) out.push('cards: []');
	else {
		out.push('cards:');
		out.push(cards.map((c) => cardLines(c, 2).join('\n')).join('\n\n'));
	}
	return out.join('\n') + '\n';
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
const withoutCards = (deck: Record<string, unknown>) => {
	const rest = { ...deck };
	delete rest.cards;
	delete rest.version;
	return rest;
};

/**
 * Writes an authored deck (see `authoredDeck`) as YAML in the format of `decks/*.yaml`. Given the
 * text of the file the deck was opened from, what did not change is written exactly as it was
 * (its comments, quoting and line breaks): YAML -> studio -> YAML is byte-stable apart from the
 * version. A card that changed is written in the deck files' style.
 * @example writeDeckYaml(authoredDeck(draft), originalText)
 */
export function writeDeckYaml(deck: Record<string, unknown>, original?: string): string {
	const top = [SCHEMA_LINE];
	if (original === undefined) return fresh(deck, top);
	const doc = parseDocument(original, { uniqueKeys: false });
	const comments = original
		.split('\n')
		.filter((l, i, all) => all.slice(0, i + 1).every((x) => x.startsWith('#')));
	const root = doc.contents;
	if (doc.errors.length > 0 || !isMap(root)) return fresh(deck, top);
	const pairs = root.items as Pair[];
	const cardsPair = pairs.find((p) => isScalar(p.key) && p.key.value === 'cards');
	const seq = cardsPair?.value;
	// Only the usual layout (cards last, as a block list) is kept as written.
	if (
		!cardsPair ||
		pairs[pairs.length - 1] !== cardsPair ||
		!isSeq(seq) ||
		seq.flow ||
		!isScalar(cardsPair.key)
	)
		return fresh(deck, comments.length > 0 ? comments : top);
	const value = doc.toJS() as Record<string, unknown>;
	const keyAt = lineStart(original, cardsPair.key.range?.[0] ?? 0);

	// The fields above the cards: as written when only the version changed.
	let header: string;
	const before = { ...value, cards: [] };
	if (same(withoutCards(normalised(before)), withoutCards({ ...deck, cards: [] }))) {
		header = original.slice(0, keyAt);
		const versionPair = pairs.find((p) => isScalar(p.key) && p.key.value === 'version');
		const node = versionPair?.value;
		if (isScalar(node) && node.range && deck.version !== undefined) {
			const [from, to] = node.range;
			header = header.slice(0, from) + String(deck.version) + header.slice(to);
		}
	} else header = [...comments, ...headerLines(deck)].join('\n') + '\n';

	const oldCards = Array.isArray(value.cards) ? value.cards : [];
	const slices = seq.items.map((node, i) => {
		const from = lineStart(original, (node as { range?: [number] }).range?.[0] ?? 0);
		const nextNode = seq.items[i + 1] as { range?: [number] } | undefined;
		const to = nextNode?.range ? lineStart(original, nextNode.range[0]) : original.length;
		return original.slice(from, to).replace(/\s+$/, '');
	});
	const firstSlice = slices[0] ?? '  -';
	const indent = firstSlice.length - firstSlice.trimStart().length;
	const byContent = new Map<string, string>();
	oldCards.forEach((c, i) => {
		const slice = slices[i];
		if (slice !== undefined) byContent.set(JSON.stringify(authoredCard(draftCard(c))), slice);
	});
	const cards = Array.isArray(deck.cards) ? (deck.cards as Record<string, unknown>[]) : [];
	const written = cards.map(
		(c) => byContent.get(JSON.stringify(c)) ?? cardLines(c, indent).join('\n')
	);
	const cardsLine = original.slice(keyAt, original.indexOf('\n', keyAt) + 1 || original.length);
	if (written.length === 0) return header + 'cards: []\n';
	return (
		header + (cardsLine.endsWith('\n') ? cardsLine : cardsLine + '\n') + written.join('\n\n') + '\n'
	);
}

/** The header fields of a deck file's value, in the order `authoredDeck` writes them. */
function normalised(value: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of ['id', 'title', 'description', 'version', 'language', 'source', 'sourceFile'])
		if (value[key] !== undefined) out[key] = value[key];
	for (const [k, v] of Object.entries(value)) if (!(k in out) && k !== '$schema') out[k] = v;
	return out;
}
