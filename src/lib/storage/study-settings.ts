// Small modules, not the storage barrel: the snapshot worker and the first screen load this.
import { getSetting, setSetting } from '$lib/storage/settings';
import type { Limits, QueueOptions } from '$lib/storage/queue';
import type { StudyDb } from '$lib/storage/db';
import { DEFAULT_SLOW_SECONDS, type SlowThresholds } from '$lib/quiz/defaults';
import type { DeckMode } from '$lib/quiz/modes';
import { DEFAULT_SCHEDULER_OPTIONS, type SchedulerOptions } from '$lib/scheduler/types';
import { studyDayEnd, studyDayStart } from '$lib/scheduler/day';
import { NORMAL_WEEK, type EasyDays } from '$lib/scheduler/load-balance';
import { withLimits } from '$lib/deck/subdeck-limits';

/** Everything the learner can set, with the defaults a new install starts from. */
export interface StudySettings {
	scheduler: SchedulerOptions;
	newPerDay: number;
	reviewsPerDay: number;
	/** Hour of the day (local time) at which a new study day begins. */
	dayStartHour: number;
	/**
	 * No longer used: learning cards wait for their step (`scheduler/learning-wait.ts`) unless the
	 * learner chooses to study ahead. Kept so that settings and backups written before still read.
	 */
	learnAheadMinutes: number;
	/** Lapses at which a card is tagged a leech and suspended (0: never). */
	leechThreshold: number;
	/** Lower daily limits for single decks, by deck id. */
	deckLimits: Record<string, Partial<Limits>>;
	/** How each deck's cards are asked, by deck id (`mixed` when absent). */
	deckModes: Record<string, DeckMode>;
	/** Seconds after which a right answer is rated Hard, per quiz mode. */
	slowSeconds: SlowThresholds;
	/** The FSRS parameters in use before the last optimization, to go back to. */
	previousParameters?: number[];
	/**
	 * Pick each review's due day within its fuzz range by the cards already due (on by default, as
	 * in Anki, where the load balancer is on unless turned off).
	 */
	loadBalance: boolean;
	/** Easy days: each weekday's share of the normal load, Sunday first (all 1: off, as in Anki). */
	easyDays: EasyDays;
}

export const DEFAULT_SETTINGS: StudySettings = {
	scheduler: DEFAULT_SCHEDULER_OPTIONS,
	newPerDay: 20,
	reviewsPerDay: 200,
	dayStartHour: 4,
	learnAheadMinutes: 20,
	leechThreshold: 8,
	deckLimits: {},
	deckModes: {},
	slowSeconds: DEFAULT_SLOW_SECONDS,
	loadBalance: true,
	easyDays: NORMAL_WEEK
};

/** The queue options for `now`, for all decks or one. */
export function queueOptions(
	settings: StudySettings,
	now: Date,
	deckId?: string,
	subdeck?: string
): QueueOptions {
	return {
		now,
		dayStart: studyDayStart(now, settings.dayStartHour),
		dayEnd: studyDayEnd(now, settings.dayStartHour),
		newPerDay: settings.newPerDay,
		reviewsPerDay: settings.reviewsPerDay,
		deckLimits: settings.deckLimits,
		...(deckId ? { deckId } : {}),
		...(deckId && subdeck ? { subdeck } : {})
	};
}

const KEY = 'study';

export async function loadSettings(db: StudyDb): Promise<StudySettings> {
	const saved = await getSetting<Partial<StudySettings>>(db, KEY, {});
	return {
		...DEFAULT_SETTINGS,
		...saved,
		scheduler: { ...DEFAULT_SETTINGS.scheduler, ...saved.scheduler },
		slowSeconds: { ...DEFAULT_SETTINGS.slowSeconds, ...saved.slowSeconds }
	};
}

export async function saveSettings(db: StudyDb, settings: StudySettings): Promise<void> {
	await setSetting(db, KEY, settings);
}

/**
 * Sets the own daily limits of one deck or sub-deck (`subdeckLimitKey`), read and written in one
 * transaction so an edit elsewhere is kept; a kind left out takes the limits from above.
 */
export async function saveScopeLimits(
	db: StudyDb,
	key: string,
	own: Partial<Limits>
): Promise<StudySettings> {
	return db.transaction('rw', db.settings, async () => {
		const settings = await loadSettings(db);
		const next = { ...settings, deckLimits: withLimits(settings.deckLimits, key, own) };
		await saveSettings(db, next);
		return next;
	});
}
