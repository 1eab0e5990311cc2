import { LineCounter, parseDocument, isMap, isNode, isScalar } from 'yaml';
import {
	authoredDeckSchema,
	DECK_SCHEMA_VERSION,
	deckSchema,
	SOURCE_FILE,
	type Deck
} from './schema';
import { checkDeck, validateDeck } from './validate';
import type { Problem } from './content';
import { bundledMediaProblems, listBundledMedia, type ReadMedia } from './bundled-media';
import type { DeckError, DeckResult, Locate } from './errors';

export interface AuthoredInput {
	/** The file's name, put in every error. */
	file: string;
	text: string;
	/** The text of `sourceFile`, when the deck names one; quotes are checked against it. */
	sourceText?: string;
	/** Reads the deck's `sourceFile` (a name beside the deck file); undefined when it is missing. */
	readSource?: (name: string) => string | undefined;
	/**
	 * Looks up the media files beside the deck file (the build's, for a deck in `decks/`): every
	 * picture and sound a card names must be there, and the compiled deck lists them (`media`).
	 */
	readMedia?: ReadMedia;
}

/** Parses YAML (or JSON, which is YAML too) and keeps a way back from a path to a line. */
export function parseWithPositions(
	text: string,
	file: string
): { ok: true; value: unknown; locate: Locate } | { ok: false; errors: DeckError[] } {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
	if (doc.errors.length > 0) {
		return {
			ok: false,
			errors: doc.errors.map((e) => {
				const pos = lineCounter.linePos(e.pos[0]);
				return {
					file,
					line: pos.line,
					column: pos.col,
					path: '',
					message: `not valid YAML: ${e.message.split('\n')[0]}`
				};
			})
		};
	}
	const at = (offset: number) => {
		const pos = lineCounter.linePos(offset);
		return { line: pos.line, column: pos.col };
	};
	const locate: Locate = (path) => {
		// Walk up to the nearest node that exists (a missing field is reported at its parent). A field
		// of a mapping is reported at its key, where the author's eye goes.
		for (let n = path.length; n >= 0; n--) {
			const key = path[n - 1];
			const parent = n > 0 ? doc.getIn(path.slice(0, n - 1), true) : undefined;
			if (typeof key === 'string' && isMap(parent)) {
				const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
				if (pair && isNode(pair.key) && pair.key.range) return at(pair.key.range[0]);
			}
			const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
			if (isNode(node) && node.range) return at(node.range[0]);
		}
		return undefined;
	};
	return { ok: true, value: doc.toJS({ maxAliasCount: 100 }), locate };
}

/**
 * Compiles a hand-written deck (YAML or JSON text) into a deck, or lists every error with its place:
 * the schema and the content checks in one run, in file order, cards counted from 1.
 * @example compileAuthoredDeck({ file: 'decks/capitals.yaml', text })
 */
export function compileAuthoredDeck(input: AuthoredInput): DeckResult<Deck> {
	const parsed = parseWithPositions(input.text, input.file);
	if (!parsed.ok) return parsed;
	const { locate } = parsed;
	const value = readBooleans(parsed.value);
	const extra: Problem[] = [];
	let sourceText = input.sourceText;
	const sourceFile = (value as { sourceFile?: unknown } | null)?.sourceFile;
	if (typeof sourceFile === 'string' && SOURCE_FILE.test(sourceFile) && input.readSource) {
		sourceText = input.readSource(sourceFile);
		if (sourceText === undefined)
			extra.push({
				path: ['sourceFile'],
				message: `no file "${sourceFile}" beside the deck: put the source text there, or correct the name (quotes were not checked)`
			});
	}
	if (input.readMedia) extra.push(...bundledMediaProblems(value, input.readMedia));
	const options = {
		file: input.file,
		locate,
		extra,
		...(sourceText === undefined ? {} : { sourceText })
	};
	const checked = checkDeck(authoredDeckSchema, value, options);
	if (!checked.ok) return checked;
	const stripped = stripAuthoring({ ...checked.data, schemaVersion: DECK_SCHEMA_VERSION });
	const media = input.readMedia ? listBundledMedia(stripped as Deck, input.readMedia) : [];
	const deck = media.length > 0 ? { ...(stripped as Deck), media } : stripped;
	const compiled = deckSchema.safeParse(deck);
	// The authored schema is the compiled one plus authoring fields: this cannot fail, but if the two
	// ever drift the author still gets the reasons.
	return compiled.success
		? { ok: true, deck: compiled.data }
		: validateDeck(deck, { file: input.file, locate });
}

function stripAuthoring(value: object): unknown {
	const rest: Record<string, unknown> = { ...value };
	delete rest.$schema;
	delete rest.sourceFile;
	// Keep the compiled field order stable: it makes the output diff-friendly.
	const { schemaVersion, id, title, description, version, language, source, cards, ...other } =
		rest;
	return { schemaVersion, id, title, description, version, language, source, cards, ...other };
}

/** YAML reads an unquoted `answer: True` as a yes/no value: a true/false card means the words. */
function readBooleans(value: unknown): unknown {
	if (!value || typeof value !== 'object' || !('cards' in value) || !Array.isArray(value.cards))
		return value;
	const cards = value.cards.map((card: unknown) =>
		card &&
		typeof card === 'object' &&
		'kind' in card &&
		card.kind === 'truefalse' &&
		'answer' in card &&
		typeof card.answer === 'boolean'
			? { ...card, answer: card.answer ? 'True' : 'False' }
			: card
	);
	return { ...value, cards };
}
