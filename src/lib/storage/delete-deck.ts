import { Dexie } from 'dexie';
import type { StudyDb } from './db';
import type { DeckRow, SnapshotRow } from './rows';
import type { SnapshotReply } from './snapshots';
import { bumpRevision } from './revision';
import { getSetting, setSetting } from './settings';
import type { StudySettings } from './study-settings';
import { HOME_FOLDED } from './deck-tree';

/** What deleting a deck takes away: said in the confirmation before anything is deleted. */
export interface DeckFootprint {
	deck: DeckRow;
	/** Cards the learner sees in the deck (retired ones are hidden, so not counted). */
	cards: number;
	/** Answers in the deck's history, practice and resets included. */
	answers: number;
}

/** Refused because deleting it would not last: the app installs its own decks again on the next visit. */
export class BundledDeckError extends Error {
	constructor(title: string) {
		super(
			`“${title}” comes with Recall and is installed again on every visit: it cannot be deleted.`
		);
		this.name = 'BundledDeckError';
	}
}

const logsOf = (db: StudyDb, deckId: string) =>
	db.reviewLogs
		.where('[deckId+reviewedAt]')
		.between([deckId, Dexie.minKey], [deckId, Dexie.maxKey], true, true);

/** The deck with its card and answer counts, or undefined when it is not installed. */
export async function deckFootprint(
	db: StudyDb,
	deckId: string
): Promise<DeckFootprint | undefined> {
	return db.transaction('r', db.decks, db.cards, db.reviewLogs, async () => {
		const deck = await db.decks.get(deckId);
		if (!deck) return undefined;
		const cards = await db.cards
			.where('deckId')
			.equals(deckId)
			.filter((c) => !c.retired)
			.count();
		return { deck, cards, answers: await logsOf(db, deckId).count() };
	});
}

/**
 * Deletes an imported deck with its cards, its answers and its own study settings (its daily
 * limits and quiz mode), in one transaction: all of it or none. Other decks are not touched. The
 * caller takes a snapshot first; this function does not, so it stays one short write.
 * Throws `BundledDeckError` for a deck that comes with the app.
 * @returns what was deleted, or undefined when the deck was already gone.
 */
export async function deleteDeck(db: StudyDb, deckId: string): Promise<DeckFootprint | undefined> {
	return db.transaction(
		'rw',
		[db.decks, db.cards, db.reviewLogs, db.settings, db.media],
		async () => {
			const gone = await deckFootprint(db, deckId);
			if (!gone) return undefined;
			if (gone.deck.bundled) throw new BundledDeckError(gone.deck.title);
			await logsOf(db, deckId).delete();
			await db.cards.where('deckId').equals(deckId).delete();
			await db.media.where('deckId').equals(deckId).delete();
			await db.decks.delete(deckId);
			const study = await getSetting<Partial<StudySettings> | undefined>(db, 'study', undefined);
			// The deck's limits and those of its sub-decks (`<deck id>::<path>`) go with it.
			const ofDeck = (key: string) => key === deckId || key.startsWith(deckId + '::');
			const limitKeys = Object.keys(study?.deckLimits ?? {}).filter(ofDeck);
			if (study && (limitKeys.length > 0 || study.deckModes?.[deckId])) {
				const deckLimits = Object.fromEntries(
					Object.entries(study.deckLimits ?? {}).filter(([key]) => !ofDeck(key))
				);
				const { [deckId]: _mode, ...deckModes } = study.deckModes ?? {};
				await setSetting(db, 'study', { ...study, deckLimits, deckModes });
			}
			// Its folds on home go too.
			const folded = await getSetting<unknown>(db, HOME_FOLDED, []);
			if (Array.isArray(folded) && folded.some((k) => typeof k === 'string' && ofDeck(k)))
				await setSetting(
					db,
					HOME_FOLDED,
					folded.filter((k) => typeof k === 'string' && !ofDeck(k))
				);
			// The review screen and home of another tab refresh their queue on this.
			await bumpRevision(db);
			return gone;
		}
	);
}

/** How a deletion went: deleted after its snapshot, or not deleted and why. */
export type DeleteOutcome =
	| { deleted: true; gone: DeckFootprint; snapshot: SnapshotRow }
	| { deleted: false; why: 'missing' }
	| { deleted: false; why: 'snapshot-failed'; error: string; full: boolean };

/**
 * Deletes a deck only once a snapshot of all study data is stored, so Settings → Automatic
 * snapshots can bring it back. `snapshot` takes it (in a worker, in the app), labelled with the
 * deck's title; when it fails (storage full, say) nothing is deleted and the reason is returned.
 */
export async function deleteDeckAfterSnapshot(
	db: StudyDb,
	deckId: string,
	snapshot: (label: string) => Promise<SnapshotReply>
): Promise<DeleteOutcome> {
	const footprint = await deckFootprint(db, deckId);
	if (!footprint) return { deleted: false, why: 'missing' };
	if (footprint.deck.bundled) throw new BundledDeckError(footprint.deck.title);
	const reply = await snapshot(footprint.deck.title);
	if (!reply.taken) {
		const failed = reply.why === 'failed';
		return {
			deleted: false,
			why: 'snapshot-failed',
			error: failed ? reply.error : 'No snapshot was taken',
			full: failed && reply.full
		};
	}
	const gone = await deleteDeck(db, deckId);
	if (!gone) return { deleted: false, why: 'missing' };
	return { deleted: true, gone, snapshot: reply.snapshot };
}
