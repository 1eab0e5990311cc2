// Renders Anki card templates ({{Field}}, sections, filters) to the HTML of one side of a card.
// The HTML is never shown: it is reduced to plain text and media names afterwards.

export interface RenderOptions {
	/** The note's fields by name. */
	fields: Record<string, string>;
	/** The card's cloze number (1-based) for a cloze note type. */
	cloze?: number;
	/** The rendered question, for `{{FrontSide}}` on the answer side. */
	frontSide?: string;
	side: 'question' | 'answer';
	/** Values of `{{Tags}}`, `{{Deck}}`, `{{Card}}`, `{{Type}}`. */
	special?: Record<string, string>;
}

export interface Rendered {
	html: string;
	/** The field a `{{type:…}}` asks the learner to type, with its value. */
	typed?: string;
	/** What this card's cloze deletions hide (the answers, in order). */
	clozeAnswers: string[];
	/** Text of `{{hint:…}}` fields: shown after the answer rather than behind a link. */
	hints: string[];
	/** Filters the app does not know: their field is shown as it is. */
	unknownFilters: string[];
}

const TOKEN = /\{\{([#^/]?)\s*([^{}]*?)\s*\}\}/g;
const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([^{}]*?))?\}\}/g;
/** A field counts as empty when it holds only spaces, line breaks and empty divisions (a picture is content). */
const EMPTY = /^(?:\s|&nbsp;|<br\s*\/?>|<\/?div>)*$/i;
const KNOWN = new Set(['text', 'hint', 'cloze', 'type', 'cloze-only']);

const stripHtml = (html: string) => html.replace(/<[^>]*>/g, '');

function renderCloze(text: string, n: number | undefined, side: string, out: Rendered): string {
	return text.replace(CLOZE, (_m, num: string, answer: string, hint?: string) => {
		if (Number(num) !== n) return answer;
		out.clozeAnswers.push(answer);
		if (side === 'answer') return answer;
		return hint ? `___ (${hint})` : '___';
	});
}

function applyFilters(
	filters: string[],
	name: string,
	value: string,
	options: RenderOptions,
	out: Rendered
): string {
	let v = value;
	// Filters apply right to left, as in Anki: `{{text:cloze:Text}}` is text(cloze(Text)).
	for (const filter of [...filters].reverse()) {
		if (filter === 'text') v = stripHtml(v);
		else if (filter === 'cloze') v = renderCloze(v, options.cloze, options.side, out);
		else if (filter === 'cloze-only') v = out.clozeAnswers.join(', ');
		else if (filter === 'hint') {
			if (v.trim()) out.hints.push(v);
			v = '';
		} else if (filter === 'type') {
			if (filters.includes('cloze')) {
				const found: Rendered = { ...out, clozeAnswers: [] };
				renderCloze(value, options.cloze, 'answer', found);
				out.typed = found.clozeAnswers.join(', ');
			} else out.typed = value;
			// The question shows a box to type in; the answer shows what was to be typed.
			v = options.side === 'question' ? '' : v;
			return v;
		} else if (!KNOWN.has(filter) && !filter.startsWith('tts')) {
			if (!out.unknownFilters.includes(filter)) out.unknownFilters.push(filter);
		}
	}
	void name;
	return v;
}

function lookup(name: string, options: RenderOptions): string | undefined {
	if (name === 'FrontSide') return options.frontSide ?? '';
	return options.fields[name] ?? options.special?.[name];
}

/**
 * Renders one side of a card from its template.
 * @example renderTemplate('{{Front}}', { fields: { Front: 'Paris?' }, side: 'question' }).html // 'Paris?'
 */
export function renderTemplate(template: string, options: RenderOptions): Rendered {
	const out: Rendered = { html: '', clozeAnswers: [], hints: [], unknownFilters: [] };
	// Sections nest: a stack of (name, inverted, shown-before) frames.
	const stack: { name: string; shown: boolean }[] = [];
	let visible = true;
	let html = '';
	let last = 0;
	for (const m of template.matchAll(TOKEN)) {
		if (visible) html += template.slice(last, m.index);
		last = m.index + m[0].length;
		const sigil = m[1] ?? '';
		const body = m[2] ?? '';
		if (sigil === '#' || sigil === '^') {
			const filled = !EMPTY.test(lookup(body, options) ?? '');
			stack.push({ name: body, shown: visible });
			visible = visible && (sigil === '#' ? filled : !filled);
			continue;
		}
		if (sigil === '/') {
			// A closing tag without its opening one is ignored, as Anki would refuse the template.
			const at = stack.map((s) => s.name).lastIndexOf(body);
			if (at >= 0) {
				visible = stack[at]?.shown ?? true;
				stack.length = at;
			}
			continue;
		}
		if (!visible) continue;
		const parts = body.split(':');
		const name = (parts.pop() ?? '').trim();
		const filters = parts.map((p) => p.trim().split(/\s/)[0] ?? '');
		const value = lookup(name, options);
		if (value === undefined) continue;
		html += filters.length > 0 ? applyFilters(filters, name, value, options, out) : value;
	}
	if (visible) html += template.slice(last);
	out.html = html;
	return out;
}
