/**
 * What the FSRS optimizer learns from, built from the review log: per card, the answers that
 * scheduled it, as (rating, study days since the previous answer). Pure: no clock, no storage.
 */
import { studyDayKey } from './day';

/** A review-log row as the optimizer needs it. */
export interface LogEntry {
	uid: string;
	kind: 'review' | 'practice' | 'forget';
	/** 1 Again … 4 Easy; 0 for a reset. */
	grade: number;
	reviewedAt: number;
	/** How the card was asked ('mcq', 'typed', …), where the log says. */
	mode?: string;
}

/**
 * Modes whose right answer may be a guess: their outcomes are not predicted (see `trainingItems`).
 */
export const GUESSABLE_MODES: ReadonlySet<string> = new Set(['mcq', 'truefalse']);

/** One training item: a card's answers up to one answer, whose outcome is to be predicted. */
export interface TrainingItem {
	ratings: number[];
	/** Study days since the previous answer (0 for the first, and for a second answer the same day). */
	deltas: number[];
	/** When the last answer (the predicted one) was given, for holding out the most recent. */
	at: number;
}

/** Fewer answers after a first day than this give parameters no better than the defaults. */
export const MIN_REVIEWS = 400;

/** A study day as a whole number, so that differences count rollovers (the app's day start). */
function dayNumber(at: number, dayStartHour: number): number {
	const [y, m, d] = studyDayKey(new Date(at), dayStartHour).split('-').map(Number);
	return Math.round(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / 86_400_000);
}

/** One answer in a card's history. */
export interface HistoryEntry {
	rating: number;
	day: number;
	at: number;
	/** Asked in a mode where a right answer may be a guess. */
	guessable?: true;
}

/**
 * Each card's history since its last reset: practice answers are left out (they schedule nothing),
 * a reset drops everything before it, and undone answers are not in the log at all.
 * @example cardHistories(logs, 4) // Map { 'deck|card' => [{ rating: 3, day: 20418, at }] }
 */
export function cardHistories(
	logs: readonly LogEntry[],
	dayStartHour: number
): Map<string, HistoryEntry[]> {
	const sorted = [...logs].sort((a, b) => a.reviewedAt - b.reviewedAt);
	const out = new Map<string, HistoryEntry[]>();
	for (const log of sorted) {
		if (log.kind === 'forget') out.set(log.uid, []);
		else if (log.kind === 'review' && log.grade >= 1 && log.grade <= 4) {
			const list = out.get(log.uid) ?? [];
			list.push({
				rating: log.grade,
				day: dayNumber(log.reviewedAt, dayStartHour),
				at: log.reviewedAt,
				...(log.mode && GUESSABLE_MODES.has(log.mode) ? { guessable: true } : {})
			});
			out.set(log.uid, list);
		}
	}
	return out;
}

/**
 * The training items of a log: for every card and every answer after its first, the answers up to
 * it. Only answers given a study day or more after the one before are predicted (the forgetting
 * curve says nothing about a second look within minutes); earlier answers of the day stay in the
 * history that leads to them. Nor is a multiple-choice or true/false answer predicted: a right one
 * may be a guess, and fitted to guesses the parameters would believe the learner remembers more
 * than it does (`npm run simulate` measures it). It stays in the history as it was rated.
 * @example trainingItems(logs, 4).length // answers on a later day than the card's previous one
 */
export function trainingItems(logs: readonly LogEntry[], dayStartHour: number): TrainingItem[] {
	const items: TrainingItem[] = [];
	for (const history of cardHistories(logs, dayStartHour).values()) {
		const ratings: number[] = [];
		const deltas: number[] = [];
		for (const [i, r] of history.entries()) {
			ratings.push(r.rating);
			deltas.push(i === 0 ? 0 : r.day - (history[i - 1]?.day ?? r.day));
			if (i > 0 && (deltas[i] ?? 0) > 0 && !r.guessable)
				items.push({ ratings: [...ratings], deltas: [...deltas], at: r.at });
		}
	}
	return items;
}

/**
 * Splits items into those to fit on and the most recent share held out to judge the fit, by the
 * time of the predicted answer.
 */
export function holdOut(
	items: readonly TrainingItem[],
	share = 0.2
): { train: TrainingItem[]; test: TrainingItem[] } {
	const sorted = [...items].sort((a, b) => a.at - b.at);
	const cut = Math.floor(sorted.length * (1 - share));
	return { train: sorted.slice(0, cut), test: sorted.slice(cut) };
}

/** The items flattened the way fsrs-rs's `computeParameters` takes them. */
export function flatten(items: readonly TrainingItem[]): {
	ratings: Uint32Array;
	deltas: Uint32Array;
	lengths: Uint32Array;
} {
	const total = items.reduce((n, i) => n + i.ratings.length, 0);
	const ratings = new Uint32Array(total);
	const deltas = new Uint32Array(total);
	const lengths = new Uint32Array(items.length);
	let k = 0;
	for (const [j, item] of items.entries()) {
		lengths[j] = item.ratings.length;
		for (let i = 0; i < item.ratings.length; i++) {
			ratings[k] = item.ratings[i] ?? 0;
			deltas[k++] = item.deltas[i] ?? 0;
		}
	}
	return { ratings, deltas, lengths };
}
