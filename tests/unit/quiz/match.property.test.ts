import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, matchAnswer, normaliseAnswer, type MatchOptions } from '$lib/quiz';

/** Runs per property: enough to meet the odd corner, quick enough for every test run. */
const RUNS = 500;

/** Text of every kind: any code point, graphemes, lone surrogates, and words the rules react to. */
const anyText = fc.oneof(
	fc.string({ unit: 'binary', maxLength: 30 }),
	fc.string({ unit: 'grapheme', maxLength: 20 }),
	fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
	fc
		.array(
			fc.constantFrom(
				...['the', 'a', 'an', 'Nov', 'may', '2013', '11', '/', '-', '.', ',', '&', 'one', 'twenty'],
				...['hundred', 'and', 'Jr.', 'İ', 'ß', 'é', '\u0301', 'ﬁ', '’', ' ', '\t', '😀', 'Lavrov']
			),
			{ maxLength: 8 }
		)
		.map((parts) => parts.join(' '))
);

const optionsArb: fc.Arbitrary<MatchOptions> = fc.record(
	{
		answerType: fc.oneof(fc.constantFrom('person', 'date', 'country'), anyText),
		accept: fc.array(anyText, { maxLength: 3 }),
		people: fc.array(anyText, { maxLength: 3 }),
		others: fc.array(anyText, { maxLength: 3 })
	},
	{ requiredKeys: [] }
);

/** Words of plain and accented letters, the kind of answer a deck holds. */
const LETTERS = 'abcdefghijklmnopqrstuvwxyzáéíóúüñçøæ'.split('');
const wordArb = fc.string({ unit: fc.constantFrom(...LETTERS), minLength: 1, maxLength: 8 });
const phraseArb = fc.array(wordArb, { minLength: 1, maxLength: 4 });

/** Consonants only: never a month, a number word or an article, so no rule but typos applies. */
const CONSONANTS = 'bcdfghjklmnpqrstvwxz'.split('');
const consonantText = (minLength = 0) =>
	fc.string({ unit: fc.constantFrom(...CONSONANTS, ' '), minLength, maxLength: 12 });

const stripAccents = (c: string) => c.normalize('NFD').replace(/\p{M}/gu, '');
const ACCENTED: Record<string, string> = {
	a: 'á',
	e: 'è',
	i: 'î',
	o: 'ö',
	u: 'ü',
	n: 'ñ',
	c: 'ç',
	y: 'ý'
};

/** One edit: insert, delete, substitute or swap two neighbours, at a position chosen by `at`. */
type Edit = { kind: 'insert' | 'delete' | 'substitute' | 'swap'; at: number; char: string };
const editArb = (chars: fc.Arbitrary<string>): fc.Arbitrary<Edit> =>
	fc.record({
		kind: fc.constantFrom('insert', 'delete', 'substitute', 'swap'),
		at: fc.nat(),
		char: chars
	});

function applyEdit(text: string, { kind, at, char }: Edit): string {
	const cs = Array.from(text);
	const n = cs.length;
	if (kind === 'insert') {
		cs.splice(at % (n + 1), 0, char);
	} else if (n > 0 && kind === 'delete') {
		cs.splice(at % n, 1);
	} else if (n > 0 && kind === 'substitute') {
		cs[at % n] = char;
	} else if (n > 1 && kind === 'swap') {
		const i = at % (n - 1);
		[cs[i], cs[i + 1]] = [cs[i + 1]!, cs[i]!];
	}
	return cs.join('');
}

const UNIT_WORDS =
	'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
		' '
	);
const TENS_WORDS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');

/** An independent spelling of 0-999, the way people write it. */
function numberWords(n: number, hyphen: boolean): string {
	const below100 = (k: number): string =>
		k < 20
			? UNIT_WORDS[k]!
			: TENS_WORDS[Math.floor(k / 10) - 2]! +
				(k % 10 ? (hyphen ? '-' : ' ') + UNIT_WORDS[k % 10] : '');
	if (n < 100) return below100(n);
	const rest = n % 100;
	return `${UNIT_WORDS[Math.floor(n / 100)]} hundred${rest ? ` and ${below100(rest)}` : ''}`;
}

const MONTHS =
	'January February March April May June July August September October November December'.split(
		' '
	);
/** The common written forms of a month of a year. */
const monthForms = (year: number, month: number) => {
	const name = MONTHS[month - 1]!;
	return [
		`${name} ${year}`,
		`${name.slice(0, 3)} ${year}`,
		`${month}/${year}`,
		`${year}-${String(month).padStart(2, '0')}`
	];
};

describe('matchAnswer properties', () => {
	it('grades any answer exactly right against itself, whatever the options', () => {
		fc.assert(
			fc.property(anyText, optionsArb, (answer, options) => {
				fc.pre(normaliseAnswer(answer) !== '');
				expect(matchAnswer(answer, answer, options).verdict).toBe('exact');
			}),
			{ numRuns: RUNS }
		);
	});

	it('accepts case, spacing, punctuation, article and accent variants of the answer exactly', () => {
		const charChoice = fc.constantFrom('same', 'upper', 'strip', 'accent');
		const variantArb = phraseArb.chain((words) =>
			fc.record({
				words: fc.constant(words),
				chars: fc.array(fc.array(charChoice, { minLength: 8, maxLength: 8 }), {
					minLength: words.length,
					maxLength: words.length
				}),
				separators: fc.array(
					fc.constantFrom(' ', '  ', '\t', ' - ', '-', ', ', '. ', ' / ', '—', ': '),
					{
						minLength: words.length,
						maxLength: words.length
					}
				),
				before: fc.constantFrom('', '  ', '"', '(', 'The ', 'the ', 'a ', 'An '),
				after: fc.constantFrom('', '.', '!', '?', ' ', '"', ')', '...')
			})
		);
		fc.assert(
			fc.property(variantArb, ({ words, chars, separators, before, after }) => {
				const answer = words.join(' ');
				const variant = words
					.map((word, w) =>
						Array.from(word)
							.map((c, i) => {
								const choice = chars[w]?.[i] ?? 'same';
								if (choice === 'upper') return c.toUpperCase();
								if (choice === 'strip') return stripAccents(c);
								if (choice === 'accent') return ACCENTED[stripAccents(c)] ?? c;
								return c;
							})
							.join('')
					)
					.reduce((text, word, w) => (w === 0 ? word : text + (separators[w] ?? ' ') + word), '');
				const result = matchAnswer(before + variant + after, answer);
				expect(result.verdict).toBe('exact');
				expect(result.matched).toBe(answer);
			}),
			{ numRuns: RUNS }
		);
	});

	it('accepts every listed alternative, as the answer or leniently', () => {
		fc.assert(
			fc.property(
				anyText,
				fc.array(anyText, { minLength: 1, maxLength: 4 }),
				fc.nat(),
				optionsArb,
				(answer, accept, pick, options) => {
					const alternative = accept[pick % accept.length]!;
					fc.pre(normaliseAnswer(alternative) !== '');
					const result = matchAnswer(alternative, answer, { ...options, accept });
					expect(result.correct).toBe(true);
					expect(['exact', 'lenient']).toContain(result.verdict);
				}
			),
			{ numRuns: RUNS }
		);
	});

	it('never accepts text two or more edits from every accepted form', () => {
		fc.assert(
			fc.property(
				consonantText(),
				consonantText(1),
				fc.array(consonantText(), { maxLength: 3 }),
				fc.constantFrom(undefined, 'country', 'date', 'person'),
				(typed, answer, accept, answerType) => {
					const forms = [answer, ...accept].map(normaliseAnswer).filter(Boolean);
					fc.pre(forms.every((f) => damerauLevenshtein(normaliseAnswer(typed), f) >= 2));
					const options = answerType ? { answerType, accept } : { accept };
					expect(matchAnswer(typed, answer, options).correct).toBe(false);
				}
			),
			{ numRuns: RUNS }
		);
	});

	it('accepts one edit to an answer of 5+ characters as a typo, unless it is another value', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: fc.constantFrom(...CONSONANTS), minLength: 5, maxLength: 12 }),
				editArb(fc.constantFrom(...CONSONANTS)),
				(answer, edit) => {
					const typed = applyEdit(answer, edit);
					fc.pre(typed !== answer);
					expect(matchAnswer(typed, answer).verdict).toBe('typo');
					// The same text, when it is another known value, is that value: wrong.
					expect(matchAnswer(typed, answer, { others: [typed] }).verdict).toBe('wrong');
				}
			),
			{ numRuns: RUNS }
		);
	});

	it('never calls anything a typo of an answer shorter than 5 characters', () => {
		fc.assert(
			fc.property(anyText, anyText, (typed, answer) => {
				fc.pre(Array.from(normaliseAnswer(answer)).length < 5);
				expect(matchAnswer(typed, answer).verdict).not.toBe('typo');
			}),
			{ numRuns: RUNS }
		);
	});

	it('never accepts an answer of only spaces and punctuation', () => {
		const blank = fc.string({
			unit: fc.constantFrom(
				' ',
				'\t',
				'\n',
				'.',
				',',
				'!',
				'?',
				'-',
				'—',
				'"',
				"'",
				'’',
				'(',
				')',
				'/'
			)
		});
		fc.assert(
			fc.property(blank, anyText, optionsArb, (typed, answer, options) => {
				const result = matchAnswer(typed, answer, options);
				expect(result.correct).toBe(false);
				expect(result.verdict).toBe('wrong');
			}),
			{ numRuns: RUNS }
		);
	});

	it('reads numbers 0-999 in words or digits, and never as their neighbour', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 999 }), fc.boolean(), (n, hyphen) => {
				const words = numberWords(n, hyphen);
				expect(matchAnswer(String(n), words).correct).toBe(true);
				expect(matchAnswer(words, String(n)).correct).toBe(true);
				expect(matchAnswer(String(n + 1), words).correct).toBe(false);
				expect(matchAnswer(numberWords(n + 1, hyphen), String(n)).correct).toBe(false);
			}),
			{ numRuns: RUNS }
		);
	});

	it('reads a month of a year in every common form, and no other month or year', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1000, max: 2998 }),
				fc.integer({ min: 1, max: 12 }),
				fc.nat(3),
				fc.nat(3),
				(year, month, i, j) => {
					const forms = monthForms(year, month);
					const answer = forms[i]!;
					expect(matchAnswer(forms[j]!, answer, { answerType: 'date' }).correct).toBe(true);
					const nextYear = monthForms(year + 1, month)[j]!;
					const nextMonth = monthForms(year, (month % 12) + 1)[j]!;
					expect(matchAnswer(nextYear, answer, { answerType: 'date' }).correct).toBe(false);
					expect(matchAnswer(nextMonth, answer, { answerType: 'date' }).correct).toBe(false);
				}
			),
			{ numRuns: RUNS }
		);
	});

	it('never throws, and always answers with a consistent result', () => {
		fc.assert(
			fc.property(anyText, anyText, optionsArb, (typed, answer, options) => {
				const result = matchAnswer(typed, answer, options);
				expect(['exact', 'lenient', 'typo', 'wrong']).toContain(result.verdict);
				expect(result.correct).toBe(result.verdict !== 'wrong');
				if (!result.correct) expect(result.matched).toBeUndefined();
				else {
					// The matched form is the answer, an alternative, or the last words of the answer (a
					// surname, rejoined with single spaces).
					const matched = result.matched ?? '\u0000';
					const words = ` ${answer.trim().split(/\s+/).join(' ')} `;
					const listed = [answer, ...(options.accept ?? [])].includes(matched);
					expect(listed || words.includes(` ${matched} `)).toBe(true);
				}
			}),
			{ numRuns: RUNS * 2 }
		);
	});
});

describe('normaliseAnswer properties', () => {
	it('is idempotent and never leaves outer or double spaces', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				const once = normaliseAnswer(text);
				expect(normaliseAnswer(once)).toBe(once);
				expect(once).toBe(once.trim());
				expect(once).not.toMatch(/\s\s/);
			}),
			{ numRuns: RUNS * 2 }
		);
	});
});

describe('damerauLevenshtein properties', () => {
	/** A small alphabet makes repeats and swaps common; any text covers astral and odd code points. */
	const smallText = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '😀'), maxLength: 10 });
	const text = fc.oneof(smallText, anyText);

	it('is symmetric', () => {
		fc.assert(
			fc.property(text, text, (a, b) => {
				expect(damerauLevenshtein(a, b)).toBe(damerauLevenshtein(b, a));
			}),
			{ numRuns: RUNS }
		);
	});

	it('is zero exactly when the strings are equal', () => {
		fc.assert(
			fc.property(text, text, (a, b) => {
				expect(damerauLevenshtein(a, b) === 0).toBe(a === b);
				expect(damerauLevenshtein(a, a)).toBe(0);
			}),
			{ numRuns: RUNS }
		);
	});

	it('is at most 1 after a single edit', () => {
		fc.assert(
			fc.property(text, editArb(fc.constantFrom('a', 'b', 'z', 'é', '😀')), (a, edit) => {
				// Two lone surrogates an edit brings together (a swap, a deletion between them) read
				// as one character: that is no longer a single edit of the characters compared.
				fc.pre(!/\p{Cs}/u.test(a));
				const b = applyEdit(a, edit);
				expect(damerauLevenshtein(a, b)).toBe(a === b ? 0 : 1);
			}),
			{ numRuns: RUNS }
		);
	});

	it('lies between the length difference and the longer length', () => {
		fc.assert(
			fc.property(text, text, (a, b) => {
				const n = Array.from(a).length;
				const m = Array.from(b).length;
				const d = damerauLevenshtein(a, b);
				expect(d).toBeGreaterThanOrEqual(Math.abs(n - m));
				expect(d).toBeLessThanOrEqual(Math.max(n, m));
			}),
			{ numRuns: RUNS }
		);
	});

	it('gives the same answer with a limit, capped at max + 1', () => {
		fc.assert(
			fc.property(text, text, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
				expect(damerauLevenshtein(a, b, max)).toBe(Math.min(damerauLevenshtein(a, b), max + 1));
			}),
			{ numRuns: RUNS }
		);
	});
});
