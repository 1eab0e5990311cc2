import type { Scheduler } from '$lib/scheduler';
import * as history from '$lib/storage/history';
import * as persistence from '$lib/storage/persistence';
import * as study from '$lib/storage/study-settings';
import * as appearance from './appearance';
import { appDb } from './database';

export { DEFAULT_SETTINGS, type StudySettings } from '$lib/storage/study-settings';
export { DEFAULT_APPEARANCE, type Appearance, type Theme } from './appearance';
export type { CheckReport, RebuildReport } from '$lib/storage/history';

type Progress = (done: number, total: number) => void;

/** The learner's study settings, defaults filled in. */
export function loadSettings(): Promise<study.StudySettings> {
	return study.loadSettings(appDb());
}

/** Saves the study settings. */
export function saveSettings(settings: study.StudySettings): Promise<void> {
	return study.saveSettings(appDb(), settings);
}

/** The theme and motion choice. */
export function loadAppearance(): Promise<appearance.Appearance> {
	return appearance.loadAppearance(appDb());
}

/** Saves and applies the theme and motion choice. */
export function saveAppearance(value: appearance.Appearance): Promise<void> {
	return appearance.saveAppearance(appDb(), value);
}

/** Replays every card's history and repairs what differs (see storage's `checkDatabase`). */
export function checkDatabase(
	scheduler: Scheduler,
	onProgress?: Progress
): Promise<history.CheckReport> {
	return history.checkDatabase(appDb(), scheduler, onProgress);
}

/** Replays every card's history with new scheduler options. */
export function rescheduleAll(
	scheduler: Scheduler,
	onProgress?: Progress
): Promise<history.RebuildReport> {
	return history.rescheduleAll(appDb(), scheduler, onProgress);
}

/** Asks the browser to keep this device's data; returns whether it will. */
export function requestPersistence(): Promise<boolean> {
	return persistence.requestPersistence(appDb());
}

/** Asks to keep the data once, after the first completed session. */
export function requestPersistenceOnce(): Promise<void> {
	return persistence.requestPersistenceOnce(appDb());
}

/** Sets a deck's or sub-deck's own daily limits (`subdeckLimitKey`); a kind left out is inherited. */
export function saveScopeLimits(
	key: string,
	own: Partial<Record<'newPerDay' | 'reviewsPerDay', number>>
): Promise<study.StudySettings> {
	return study.saveScopeLimits(appDb(), key, own);
}
