import { LIMITS } from './schema';

const STOP = new Set(
	'a an the of in on at to for by with and or is was were are be did does do what which who whom whose when where why how this that these those its it from as'.split(
		' '
	)
);

/**
 * A card id from its prompt: the prompt's meaningful words, lower-case, joined by `-` (at most six
 * words and 60 characters), so an id says what the card asks.
 * @example slugFromPrompt('Who was the first person to walk on the Moon?') // 'first-person-walk-moon'
 */
export function slugFromPrompt(prompt: string): string {
	const words = prompt
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/_{3,}/g, ' ')
		.split(/[^a-z0-9]+/)
		.filter((w) => w.length > 0);
	const meaningful = words.filter((w) => !STOP.has(w));
	const chosen = (meaningful.length > 0 ? meaningful : words).slice(0, 6);
	let slug = '';
	for (const word of chosen) {
		const next = slug ? `${slug}-${word}` : word;
		if (next.length > 60) break;
		slug = next;
	}
	return slug || 'card';
}

/**
 * A unique card id for a prompt: the slug, or the slug with `-2`, `-3`… when another card has it.
 * @example uniqueCardId('The lunar module was called ___.', new Set(['lunar-module-called'])) // 'lunar-module-called-2'
 */
export function uniqueCardId(prompt: string, taken: ReadonlySet<string>): string {
	const base = slugFromPrompt(prompt).slice(0, LIMITS.id);
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) {
		const id = `${base}-${n}`;
		if (!taken.has(id)) return id;
	}
}

/**
 * The ids of every card after an edit: a published card keeps its id forever (learners' progress
 * hangs on it); any other card takes its id from its prompt, unique in the deck.
 * @param published ids the deck had when it was last installed or shared
 */
export function assignCardIds(
	cards: readonly { id: string; prompt: string }[],
	published: ReadonlySet<string>
): string[] {
	const taken = new Set<string>();
	const ids: string[] = new Array<string>(cards.length);
	// Published ids first: a new card never takes one of them.
	cards.forEach((card, i) => {
		if (published.has(card.id) && !taken.has(card.id)) {
			ids[i] = card.id;
			taken.add(card.id);
		}
	});
	for (const id of published) taken.add(id);
	cards.forEach((card, i) => {
		if (ids[i] !== undefined) return;
		const id = uniqueCardId(card.prompt, taken);
		ids[i] = id;
		taken.add(id);
	});
	return ids;
}
