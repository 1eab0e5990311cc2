/**
 * Formatted card text: a small inline markup for what Anki fields carry (bold, italic, underline,
 * sub- and superscript, line breaks, lists), kept beside the card's plain text in `rich`. The app
 * renders it by building elements from a fixed list (never as HTML); matching, choices and search
 * keep using the plain text, which the formatted text must read as once its marks are removed.
 *
 * | write        | shows as        |
 * | ------------ | --------------- |
 * | `**bold**`   | bold            |
 * | `*italic*`   | italic          |
 * | `__under__`  | underlined      |
 * | `H~2~O`      | subscript 2     |
 * | `x^2^`       | superscript 2   |
 * | `- item`     | a bulleted list |
 * | `1. item`    | a numbered list |
 * | a new line   | a line break    |
 * | `\*`, `\-`    | a literal `*`, a line starting with `-` that is not a list |
 */

/** The formats an inline span may have: also the only element names the renderer makes. */
export const RICH_TAGS = ['b', 'i', 'u', 'sub', 'sup'] as const;
export type RichTag = (typeof RICH_TAGS)[number];

export type RichInline = { text: string } | { tag: RichTag; children: RichInline[] };
export type RichBlock =
	{ kind: 'line'; content: RichInline[] } | { kind: 'ul' | 'ol'; items: RichInline[][] };

const MARKS: [string, RichTag][] = [
	['**', 'b'],
	['__', 'u'],
	['*', 'i'],
	['~', 'sub'],
	['^', 'sup']
];
/** The characters a mark can begin with: any other character is text. */
const MARK_START = new Set(MARKS.map(([m]) => m[0]));
const ITEM = { ul: /^[-•]\s+/, ol: /^\d{1,3}[.)]\s+/ } as const;

/** One line's inline marks as a tree; a mark left open closes at the end of the line. */
export function parseInline(line: string): RichInline[] {
	const root: RichInline[] = [];
	const stack: { tag: RichTag; children: RichInline[] }[] = [];
	const top = () => stack.at(-1)?.children ?? root;
	let text = '';
	const flush = () => {
		if (text) top().push({ text });
		text = '';
	};
	for (let i = 0; i < line.length;) {
		const ch = line[i] as string;
		// A backslash makes the next character plain text, whatever it is.
		if (ch === '\\' && i + 1 < line.length) {
			text += line[i + 1];
			i += 2;
			continue;
		}
		const mark = MARK_START.has(ch) ? MARKS.find(([m]) => line.startsWith(m, i)) : undefined;
		if (!mark) {
			text += ch;
			i++;
			continue;
		}
		flush();
		const [m, tag] = mark;
		const open = stack.findIndex((s) => s.tag === tag);
		if (open === -1) {
			const node = { tag, children: [] as RichInline[] };
			top().push(node);
			stack.push(node);
		} else stack.length = open; // closes it and whatever opened inside it
		i += m.length;
	}
	flush();
	return prune(root);
}

/** Empty spans (`****`) say nothing: left out. */
function prune(nodes: RichInline[]): RichInline[] {
	const kept: RichInline[] = [];
	for (const n of nodes) {
		if ('text' in n) kept.push(n);
		else {
			const children = prune(n.children);
			if (children.length > 0) kept.push({ tag: n.tag, children });
		}
	}
	return kept;
}

/**
 * Formatted text as blocks: lines, and runs of `- ` or `1. ` lines as lists.
 * @example parseRich('**H**~2~O') // [{ kind: 'line', content: [{ tag: 'b', … }, { tag: 'sub', … }, { text: 'O' }] }]
 */
export function parseRich(markup: string): RichBlock[] {
	const blocks: RichBlock[] = [];
	for (const raw of markup.replace(/\r\n?/g, '\n').split('\n')) {
		const kind = ITEM.ul.test(raw) ? 'ul' : ITEM.ol.test(raw) ? 'ol' : undefined;
		if (!kind) {
			blocks.push({ kind: 'line', content: parseInline(raw) });
			continue;
		}
		const content = parseInline(raw.replace(ITEM[kind], ''));
		const last = blocks.at(-1);
		if (last && last.kind === kind) last.items.push(content);
		else blocks.push({ kind, items: [content] });
	}
	return blocks;
}

const inlineText = (nodes: RichInline[]): string =>
	nodes.map((n) => ('text' in n ? n.text : inlineText(n.children))).join('');

/**
 * What formatted text says without its formatting: each line and list item on its own line.
 * @example richPlain('- **a**\n- b') // 'a\nb'
 */
export function richPlain(markup: string): string {
	return plainOf(parseRich(markup));
}

const plainOf = (blocks: RichBlock[]): string =>
	blocks
		.flatMap((b) => (b.kind === 'line' ? [inlineText(b.content)] : b.items.map(inlineText)))
		.join('\n');

const formattedOf = (blocks: RichBlock[]): boolean =>
	blocks.some((b) => b.kind !== 'line' || b.content.some((n) => !('text' in n)));

/** `richPlain` and `isFormatted` of one text, parsed once. */
export function readRich(markup: string): { plain: string; formatted: boolean } {
	const blocks = parseRich(markup);
	return { plain: plainOf(blocks), formatted: formattedOf(blocks) };
}

/** Text compared without regard to white space: how formatted text is held to its plain text. */
export const sameText = (a: string, b: string): boolean =>
	a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/** Whether formatted text adds anything to its plain text (a mark or a list). */
export const isFormatted = (markup: string): boolean => formattedOf(parseRich(markup));

/**
 * Text written so that none of it reads as a mark or a list: `2*3` becomes `2\*3`, a line
 * `- 5 °C` becomes `\- 5 °C`.
 * @example escapeRich('a_b*c') // 'a\\_b\\*c'
 */
export const escapeRich = (text: string): string =>
	text.replace(/[\\*_~^]/g, (c) => `\\${c}`).replace(/^(?=[-•]\s|\d{1,3}[.)]\s)/gm, '\\');

/** Card fields that may have formatted text. */
export const RICH_FIELDS = ['prompt', 'answer', 'explanation'] as const;
export type RichField = (typeof RICH_FIELDS)[number];
