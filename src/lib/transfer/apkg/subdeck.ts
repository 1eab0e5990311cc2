import { LIMITS } from '$lib/deck/schema';
import { SUBDECK_SEPARATOR } from '$lib/deck/subdecks';

/** One level of an Anki deck name as a sub-deck name: text only, no markup characters. */
const levelName = (level: string) =>
	level
		.replace(/[<>&]/g, ' ')
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f\s]+/g, ' ')
		.trim();

/**
 * The sub-deck path a card keeps from its Anki deck, below the deck it is imported as: `Spanish::
 * Verbs::Irregular` in a deck titled Spanish sits in `Verbs::Irregular`; the deck itself in none.
 * A deck outside the title's keeps its whole name, so no card of another tree lands in this one.
 * Levels too long for the limit are dropped from the end (the card then sits in a parent).
 */
export function subdeckOf(ankiDeck: string, title: string): string | undefined {
	const raw = ankiDeck.split(SUBDECK_SEPARATOR);
	const inTitle = raw[0]?.trim().slice(0, LIMITS.title) === title;
	const below = (inTitle ? raw.slice(1) : raw).map(levelName).filter(Boolean);
	while (below.length > 0 && below.join(SUBDECK_SEPARATOR).length > LIMITS.subdeck) below.pop();
	return below.length > 0 ? below.join(SUBDECK_SEPARATOR) : undefined;
}
