import { getSetting, setSetting, type StudyDb } from '$lib/storage';
import { DEFAULT_SCHEDULER_OPTIONS, type SchedulerOptions } from '$lib/scheduler';

/** Everything the learner can set, with the defaults a new install starts from. */
export interface StudySettings {
	scheduler: SchedulerOptions;
	newPerDay: number;
	reviewsPerDay: number;
	/** Hour of the day (local time) at which a new study day begins. */
	dayStartHour: number;
	learnAheadMinutes: number;
}

export const DEFAULT_SETTINGS: StudySettings = {
	scheduler: DEFAULT_SCHEDULER_OPTIONS,
	newPerDay: 20,
	reviewsPerDay: 200,
	dayStartHour: 4,
	learnAheadMinutes: 20
};

const KEY = 'study';

export async function loadSettings(db: StudyDb): Promise<StudySettings> {
	const saved = await getSetting<Partial<StudySettings>>(db, KEY, {});
	return {
		...DEFAULT_SETTINGS,
		...saved,
		scheduler: { ...DEFAULT_SETTINGS.scheduler, ...saved.scheduler }
	};
}

export async function saveSettings(db: StudyDb, settings: StudySettings): Promise<void> {
	await setSetting(db, KEY, settings);
}
