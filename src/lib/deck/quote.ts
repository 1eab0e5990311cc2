import { normaliseQuote } from './validate';

/** A stretch of the source text: `start` inclusive, `end` exclusive (string offsets). */
export interface Span {
	start: number;
	end: number;
}

/**
 * The selected words, verbatim, with the white space around them trimmed.
 * @example quoteOf('It rained. We stayed in.', { start: 10, end: 24 }) // 'We stayed in.'
 */
export function quoteOf(source: string, span: Span): string {
	return source.slice(span.start, span.end).trim();
}

const END = /[.!?…]["'”’)\]]*(?=\s|$)/g;

/**
 * The sentence around a selection: from after the previous sentence end (or line break) to the
 * next sentence end, with its closing punctuation. A selection over two sentences takes both.
 */
export function sentenceAround(source: string, span: Span): Span {
	let start = 0;
	END.lastIndex = 0;
	for (let m = END.exec(source); m; m = END.exec(source)) {
		const after = m.index + m[0].length;
		if (after <= span.start) start = after;
		else break;
	}
	const lineBreak = source.lastIndexOf('\n', span.start - 1);
	if (lineBreak + 1 > start) start = lineBreak + 1;
	let end = source.length;
	END.lastIndex = Math.max(span.end - 1, start);
	const next = END.exec(source);
	if (next) end = next.index + next[0].length;
	const nl = source.indexOf('\n', span.end);
	if (nl !== -1 && nl < end) end = nl;
	while (start < end && /\s/.test(source[start] ?? '')) start++;
	while (end > start && /\s/.test(source[end - 1] ?? '')) end--;
	return { start, end };
}

/** What "Make a cloze" fills in: the sentence with the phrase blanked, the phrase, the sentence. */
export interface ClozeDraft {
	prompt: string;
	answer: string;
	quote: string;
}

/**
 * A cloze card from a phrase selected in the source: the sentence around it is the prompt with the
 * phrase written as `___`, the phrase is the answer and the sentence, verbatim, is the quote.
 * Returns undefined when nothing but white space is selected.
 * @example clozeFrom('The module was called Eagle. It landed.', { start: 22, end: 27 })
 * // { prompt: 'The module was called ___.', answer: 'Eagle', quote: 'The module was called Eagle.' }
 */
export function clozeFrom(source: string, span: Span): ClozeDraft | undefined {
	let { start, end } = span;
	while (start < end && /\s/.test(source[start] ?? '')) start++;
	while (end > start && /\s/.test(source[end - 1] ?? '')) end--;
	if (start === end) return undefined;
	const sentence = sentenceAround(source, { start, end });
	const quote = source.slice(sentence.start, sentence.end);
	const prompt = source.slice(sentence.start, start) + '___' + source.slice(end, sentence.end);
	return {
		prompt: prompt.replace(/\s+/g, ' ').trim(),
		answer: source.slice(start, end).replace(/\s+/g, ' '),
		quote: quote.replace(/\s+/g, ' ')
	};
}

/** How a quote stands against the source. */
export type QuoteCheck =
	| { found: true }
	| {
			found: false;
			/** The longest start of the quote that is in the source: where the quote goes wrong. */
			matched: string;
			/** The quote's words from there on. */
			differs: string;
			/** What the source has at that place, when the start was found. */
			expected?: string;
	  };

/**
 * Checks a quote against the source the way the validator does (same folding of quotes, dashes and
 * white space), and on a near miss tells where it stops matching and what the source says there.
 * @example checkQuote('The lunar module was named Eagle.', 'The lunar module was called Eagle.')
 * // { found: false, matched: 'The lunar module was ', differs: 'named Eagle.', expected: 'called Eagle.' }
 */
export function checkQuote(quote: string, source: string): QuoteCheck {
	return checkQuoteIn(quote, normaliseQuote(source));
}

/** `checkQuote` against a source already passed through `normaliseQuote` (kept between checks). */
export function checkQuoteIn(quote: string, normalisedSource: string): QuoteCheck {
	const q = normaliseQuote(quote);
	const s = normalisedSource;
	if (s.includes(q)) return { found: true };
	// Binary search on the length of the quote's start that still occurs (occurrence is monotone).
	let lo = 0;
	let hi = q.length;
	while (lo < hi) {
		const mid = Math.ceil((lo + hi) / 2);
		if (s.includes(q.slice(0, mid))) lo = mid;
		else hi = mid - 1;
	}
	// Back up to a word start, so the difference is shown as words.
	let cut = lo;
	if (cut < q.length) while (cut > 0 && q[cut - 1] !== ' ') cut--;
	const matched = q.slice(0, cut);
	const differs = q.slice(cut);
	// A start of a word or two matches by chance: then the whole quote is said to differ.
	if (cut < 12) return { found: false, matched: '', differs: q };
	const at = s.indexOf(matched);
	const rest = s.slice(at + matched.length);
	const words = differs.split(' ').length;
	const expected = rest.split(' ').slice(0, words).join(' ');
	return { found: false, matched, differs, ...(expected ? { expected } : {}) };
}
