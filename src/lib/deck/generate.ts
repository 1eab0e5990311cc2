import type { Card, CardKind, Deck } from './schema';
import { DECK_SCHEMA_VERSION } from './schema';
import { factDeckSchema, type Fact, type FactDeckSpec } from './facts';
import { dateForms } from './dates';
import { hash } from './hash';
import { normaliseQuote, validateDeck } from './validate';
import { formatDeckPath, type DeckError, type DeckResult } from './errors';

export const DEFAULT_KINDS: readonly CardKind[] = ['mcq', 'typed', 'truefalse', 'cloze'];

export { hash };

const fold = (s: string) => normaliseQuote(s).toLowerCase();

/** Values of one type, in deck order, without repeats. */
function valuePools(facts: Fact[]): Map<string, string[]> {
	const pools = new Map<string, string[]>();
	const add = (type: string, v: string) => {
		const pool = pools.get(type) ?? [];
		if (!pool.some((p) => fold(p) === fold(v))) pool.push(v);
		pools.set(type, pool);
	};
	for (const f of facts) {
		add(f.type, f.answer);
		for (const d of f.distractors ?? []) add(f.type, d);
	}
	return pools;
}

/** Three wrong answers of the answer's own type, chosen by a hash of the fact id. */
function pickDistractors(fact: Fact, pool: string[], count: number): string[] {
	return pool
		.filter(
			(v) => fold(v) !== fold(fact.answer) && !(fact.accept ?? []).some((a) => fold(a) === fold(v))
		)
		.map((v) => ({ v, k: hash(`${fact.id}|${v}`) }))
		.sort((a, b) => a.k - b.k || a.v.localeCompare(b.v))
		.slice(0, count)
		.map((x) => x.v);
}

/** The last word of a name, not counting a suffix such as "Jr." or "III". */
const surnameOf = (name: string) =>
	name
		.split(' ')
		.filter((w) => !/^(jr|sr|ii|iii|iv)\.?$/i.test(w))
		.at(-1) ?? '';

/** Accepted typed forms: the listed ones, the other ways to write a date, a surname when unique. */
function acceptedForms(fact: Fact, surnames: Map<string, number>): string[] {
	const forms = [...(fact.accept ?? [])];
	if (fact.type === 'date') forms.push(...dateForms(fact.answer));
	if (fact.type === 'person') {
		const surname = surnameOf(fact.answer);
		if (surname !== fact.answer && surnames.get(fold(surname)) === 1) forms.push(surname);
	}
	return [
		...new Map(forms.filter((f) => fold(f) !== fold(fact.answer)).map((f) => [fold(f), f])).values()
	];
}

const sentence = (statement: string, value: string) =>
	statement.replaceAll('{answer}', value).replace(/^./, (c) => c.toUpperCase());

function factCards(
	fact: Fact,
	kinds: readonly CardKind[],
	pools: Map<string, string[]>,
	surnames: Map<string, number>
): { cards: Card[]; problems: [string, string][] } {
	const cards: Card[] = [];
	const problems: [string, string][] = [];
	const base = {
		answer: fact.answer,
		answerType: fact.type,
		fact: fact.id,
		...(fact.topic ? { tags: [fact.topic] } : {}),
		...(fact.explanation ? { explanation: fact.explanation } : {}),
		source: { quote: fact.quote }
	};
	const accept = acceptedForms(fact, surnames);
	const wrong = pickDistractors(fact, pools.get(fact.type) ?? [], 3);
	for (const kind of kinds) {
		const id = `${fact.id}/${kind}`;
		if (kind === 'basic') cards.push({ id, kind, prompt: fact.question, ...base });
		else if (kind === 'typed')
			cards.push({
				id,
				kind,
				prompt: fact.question,
				...base,
				...(accept.length ? { accept } : {})
			});
		else if (kind === 'mcq') {
			if (wrong.length < 3) {
				problems.push([
					'type',
					`too few distinct distractors of type "${fact.type}" for an mcq card (found ${wrong.length}, need 3): add facts of this type or list distractors`
				]);
				continue;
			}
			cards.push({ id, kind, prompt: fact.question, ...base, distractors: wrong });
		} else if (kind === 'truefalse') {
			const liar = wrong[0];
			const truthful = hash(id) % 2 === 0 || liar === undefined;
			const claim = sentence(fact.statement, truthful ? fact.answer : liar);
			cards.push({
				id,
				kind,
				...base,
				prompt: claim,
				answer: truthful ? 'True' : 'False',
				explanation: truthful ? (fact.explanation ?? claim) : sentence(fact.statement, fact.answer)
			});
		} else if (kind === 'cloze') {
			const span = fact.cloze ?? fact.answer;
			const at = fact.quote.toLowerCase().indexOf(span.toLowerCase());
			if (at < 0) {
				if (fact.cloze !== undefined)
					problems.push(['cloze', `"${span}" does not occur in the quote`]);
				else if (fact.kinds?.includes('cloze'))
					problems.push([
						'cloze',
						'the answer does not occur in the quote: say which words to blank'
					]);
				continue;
			}
			const answer = fact.quote.slice(at, at + span.length);
			const prompt = `${fact.quote.slice(0, at)}_____${fact.quote.slice(at + span.length)}`;
			const { answerType, ...rest } = base;
			cards.push({
				id,
				kind,
				...rest,
				...(span === fact.answer ? { answerType } : {}),
				prompt,
				answer
			});
		}
	}
	return { cards, problems };
}

/**
 * Turns a fact file into a deck. Unchanged facts give byte-identical cards; the card ids are
 * `<fact id>/<kind>`, so editing one fact changes only that fact's cards.
 * @example generateDeck(spec, { file: 'decks/two-plus-two/deck.ts', sourceText })
 */
export function generateDeck(
	spec: unknown,
	options: { file?: string; sourceText?: string } = {}
): DeckResult<Deck> {
	const file = options.file ? { file: options.file } : {};
	const parsed = factDeckSchema.safeParse(spec);
	if (!parsed.success)
		return {
			ok: false,
			errors: parsed.error.issues.map((i) => ({
				...file,
				path: formatDeckPath(i.path.filter((k) => typeof k !== 'symbol')),
				message: i.message
			}))
		};
	const deckSpec: FactDeckSpec = parsed.data;
	const errors: DeckError[] = [];
	const ids = new Set<string>();
	const pools = valuePools(deckSpec.facts);
	const surnames = new Map<string, number>();
	for (const name of pools.get('person') ?? []) {
		const s = fold(surnameOf(name));
		surnames.set(s, (surnames.get(s) ?? 0) + 1);
	}
	const cards: Card[] = [];
	deckSpec.facts.forEach((fact, i) => {
		if (ids.has(fact.id))
			errors.push({
				...file,
				path: `facts[${i + 1}].id`,
				message: `duplicate fact id "${fact.id}"`
			});
		ids.add(fact.id);
		const made = factCards(fact, fact.kinds ?? deckSpec.kinds ?? DEFAULT_KINDS, pools, surnames);
		for (const [field, message] of made.problems)
			errors.push({ ...file, path: `facts[${i + 1}].${field}`, message });
		cards.push(...made.cards);
	});
	if (errors.length) return { ok: false, errors };
	const deck = {
		schemaVersion: DECK_SCHEMA_VERSION,
		id: deckSpec.id,
		title: deckSpec.title,
		...(deckSpec.description ? { description: deckSpec.description } : {}),
		version: deckSpec.version,
		...(deckSpec.language ? { language: deckSpec.language } : {}),
		source: deckSpec.source,
		cards
	};
	// Map card errors back to the fact they came from.
	const factIndex = new Map(deckSpec.facts.map((f, i) => [f.id, i]));
	const checked = validateDeck(deck, {
		...file,
		...(options.sourceText === undefined ? {} : { sourceText: options.sourceText }),
		mapPath: (path) => {
			const card = typeof path[1] === 'number' ? cards[path[1]] : undefined;
			const fi = card?.fact ? factIndex.get(card.fact) : undefined;
			if (fi === undefined) return path;
			const field = path[2] === 'source' ? 'quote' : path[2] === 'prompt' ? 'question' : path[2];
			return ['facts', fi, ...(field === undefined ? [] : [field])];
		}
	});
	return checked;
}
