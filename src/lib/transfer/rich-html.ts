import { readRich, richPlain, sameText, type RichTag } from '$lib/deck/rich-text';
import { toPlainText } from './html-text';

// Formatting tags are swapped for private-use characters before the field goes through the same
// sanitiser as plain text: whatever that removes (scripts, handlers, links, frames, SVG) is removed
// as before, and only these characters come out of it as formatting. No attribute survives.
const PRIVATE = /[\uE000-\uE0FF]/g;
const OPEN: Record<RichTag, string> = {
	b: '\uE001',
	i: '\uE003',
	u: '\uE005',
	sub: '\uE007',
	sup: '\uE009'
};
const CLOSE: Record<RichTag, string> = {
	b: '\uE002',
	i: '\uE004',
	u: '\uE006',
	sub: '\uE008',
	sup: '\uE00A'
};
const LIST_START = { ul: '\uE010', ol: '\uE011' } as const;
const LIST_END = '\uE012';
const ITEM = '\uE013';

const TAG_OF: Record<string, RichTag> = {
	b: 'b',
	strong: 'b',
	i: 'i',
	em: 'i',
	u: 'u',
	ins: 'u',
	sub: 'sub',
	sup: 'sup'
};
const ATTRS = `(?:"[^"]*"|'[^']*'|[^'"<>])*`;
const FORMAT_TAG = new RegExp(`<(/?)(b|strong|i|em|u|ins|sub|sup|ul|ol|li)\\b${ATTRS}>`, 'gi');
const MARK: Record<RichTag, string> = { b: '**', i: '*', u: '__', sub: '~', sup: '^' };
/** Each formatting character's tag, looked up once per character of a field. */
const OPENS = new Map(Object.entries(OPEN).map(([tag, ch]) => [ch, tag as RichTag]));
const CLOSES = new Map(Object.entries(CLOSE).map(([tag, ch]) => [ch, tag as RichTag]));
/** Characters that would read as a mark: escaped (one character never starts a list line). */
const MARK_CHARS = new Set(['\\', '*', '_', '~', '^']);

/** The sanitised text with its formatting characters, as inline markup and list lines. */
function toMarkup(marked: string): string {
	const lists: ('ul' | 'ol')[] = [];
	const counters: number[] = [];
	const lines: string[] = [];
	for (const line of marked.split('\n')) {
		let out = '';
		let open: RichTag[] = [];
		let prefix = '';
		for (const ch of line) {
			const opened = OPENS.get(ch);
			const closed = opened ? undefined : CLOSES.get(ch);
			if (opened) {
				if (!open.includes(opened)) {
					out += MARK[opened];
					open.push(opened);
				}
			} else if (closed) {
				const at = open.lastIndexOf(closed);
				if (at !== -1) {
					// Closing an outer mark closes the inner ones too, as the parser reads it.
					out += MARK[closed];
					open = open.slice(0, at);
				}
			} else if (ch === LIST_START.ul || ch === LIST_START.ol) {
				lists.push(ch === LIST_START.ul ? 'ul' : 'ol');
				counters.push(0);
			} else if (ch === LIST_END) {
				lists.pop();
				counters.pop();
			} else if (ch === ITEM) {
				const kind = lists.at(-1);
				if (kind && !prefix && !out) {
					const n = (counters[counters.length - 1] ?? 0) + 1;
					counters[counters.length - 1] = n;
					prefix = kind === 'ul' ? '- ' : `${n}. `;
				}
			} else out += MARK_CHARS.has(ch) ? `\\${ch}` : ch;
		}
		// A mark still open at the end of a line closes there.
		for (const t of open.reverse()) out += MARK[t];
		const text = (prefix ? prefix : out.match(/^([-•]|\d{1,3}[.)])\s/) ? '\\' : '') + out;
		if (richPlain(text).trim()) lines.push(text.trim());
	}
	return lines.join('\n');
}

/**
 * An Anki field's formatting (bold, italic, underline, sub- and superscript, line breaks, lists)
 * as the deck format's formatted text, or undefined when the field has none or its formatting
 * would not read as `plain` (the card's text made by `toPlainText`). Everything else is removed
 * exactly as `toPlainText` removes it.
 * @example toRichText('H<sub>2</sub>O is <b>water</b>', 'H2O is water') // 'H~2~O is **water**'
 */
export function toRichText(html: string, plain: string): string | undefined {
	if (!/<\s*\/?\s*(b|strong|i|em|u|ins|sub|sup|ul|ol|li)\b/i.test(html)) return undefined;
	const marked = html.replace(PRIVATE, '').replace(FORMAT_TAG, (_, close: string, name: string) => {
		const tag = name.toLowerCase();
		if (tag === 'ul' || tag === 'ol') return close ? `\n${LIST_END}\n` : `\n${LIST_START[tag]}\n`;
		if (tag === 'li') return close ? '\n' : `\n${ITEM}`;
		const rich = TAG_OF[tag] as RichTag;
		return close ? CLOSE[rich] : OPEN[rich];
	});
	const { text } = toPlainText(marked);
	const markup = toMarkup(text);
	const read = readRich(markup);
	if (!read.formatted || !sameText(read.plain, plain)) return undefined;
	return markup;
}
