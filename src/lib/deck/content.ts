import { BLANK } from './schema';
import { RICH_FIELDS, richPlain, sameText } from './rich-text';
import { dateProblem, parseDateText } from './dates';
import type { PathKey } from './errors';

/** One problem before it gets a file and a place: a path (indexes from 0) and what to do. */
export interface Problem {
	path: PathKey[];
	message: string;
}

/** Folds case, quotes and white space, so a quote matches the source as a reader sees it. */
export function normaliseQuote(text: string): string {
	return text
		.replace(/[\u2018\u2019\u201b\u2032]/g, "'")
		.replace(/[\u201c\u201d\u201f\u2033]/g, '"')
		.replace(/[\u2013\u2014]/g, '-')
		.replace(/\s+/g, ' ')
		.trim();
}

const fold = (s: string) => normaliseQuote(s).toLowerCase();
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const record = (v: unknown): Record<string, unknown> | undefined =>
	v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** Where a quote stops matching the (normalised) source: the words that do match, then the first that does not. */
function quoteMiss(quote: string, source: string): string {
	const words = quote.split(' ');
	let lo = 0;
	let hi = words.length;
	// The longest run of leading words that occurs in the source.
	while (lo < hi) {
		const mid = Math.ceil((lo + hi) / 2);
		if (source.includes(words.slice(0, mid).join(' '))) lo = mid;
		else hi = mid - 1;
	}
	if (lo === 0) return 'is not in the source text: copy a sentence from the source word for word';
	const next = words[lo] ?? '';
	const from = Math.max(0, lo - 6);
	const matched = `${from > 0 ? '…' : ''}${words.slice(from, lo).join(' ')}`;
	return `is not in the source text: it matches up to "${matched}", then the source does not go on with "${next}"; copy the sentence from the source word for word`;
}

/**
 * What the schema cannot say about one card, read loosely so that a card with a schema problem
 * still gets these checks on the fields that are usable: distinct distractors, one blank per
 * cloze, a date that reads as a date, a quote that occurs in the (normalised) source text.
 */
export function cardProblems(raw: unknown, source: string | undefined): Problem[] {
	const card = record(raw);
	if (!card) return [];
	const problems: Problem[] = [];
	const answer = str(card.answer);
	if (card.kind === 'mcq' && Array.isArray(card.distractors)) {
		const accepted = new Set(
			(Array.isArray(card.accept) ? card.accept : [])
				.map(str)
				.filter((a) => a !== undefined)
				.map(fold)
		);
		const seen = new Set<string>();
		card.distractors.forEach((d, i) => {
			if (typeof d !== 'string') return;
			const key = fold(d);
			if (answer !== undefined && key === fold(answer))
				problems.push({
					path: ['distractors', i],
					message: 'is the answer: write a wrong answer that differs from it'
				});
			else if (accepted.has(key))
				problems.push({
					path: ['distractors', i],
					message: 'is one of the accepted answers: write a wrong answer that differs from them'
				});
			else if (seen.has(key))
				problems.push({
					path: ['distractors', i],
					message: 'repeats another wrong answer: write 3 different ones'
				});
			seen.add(key);
		});
	}
	const prompt = str(card.prompt);
	if (card.kind === 'cloze' && prompt !== undefined) {
		const blanks = prompt.match(BLANK)?.length ?? 0;
		if (blanks !== 1)
			problems.push({
				path: ['prompt'],
				message: `must contain exactly one blank written as ___ (found ${blanks}): put ___ where the answer goes`
			});
	}
	if (
		card.answerType === 'date' &&
		card.kind !== 'truefalse' &&
		answer?.trim() &&
		!parseDateText(answer)
	)
		problems.push({ path: ['answer'], message: dateProblem(answer) });
	const rich = record(card.rich);
	for (const field of RICH_FIELDS) {
		const formatted = rich?.[field];
		const plain = str(card[field]);
		if (
			typeof formatted === 'string' &&
			!(plain !== undefined && sameText(richPlain(formatted), plain))
		)
			problems.push({
				path: ['rich', field],
				message: `must read as the card's ${field} once its formatting is removed: it reads "${richPlain(formatted).slice(0, 60)}"`
			});
	}
	const quote = str(record(card.source)?.quote);
	if (source !== undefined && quote?.trim()) {
		const wanted = normaliseQuote(quote);
		if (!source.includes(wanted))
			problems.push({ path: ['source', 'quote'], message: quoteMiss(wanted, source) });
	}
	return problems;
}

/** Cards that reuse an id: the second and later ones, naming the first (numbers count from 1). */
export function duplicateIds(cards: readonly unknown[]): Problem[] {
	const first = new Map<string, number>();
	const problems: Problem[] = [];
	cards.forEach((raw, i) => {
		const id = str(record(raw)?.id);
		if (id === undefined) return;
		const at = first.get(id);
		if (at === undefined) first.set(id, i);
		else
			problems.push({
				path: [i, 'id'],
				message: `"${id}" is already the id of cards[${at + 1}]: give each card its own id, for example "${id}-2"`
			});
	});
	return problems;
}
