import { loadStats, type Stats } from '$lib/storage/stats';
import { loadSettings } from '$lib/storage/study-settings';
import { appDb } from './database';

export {
	MASTERY_STABILITY_DAYS,
	MIN_RETENTION_REVIEWS,
	RETENTION_DAYS,
	type CardCounts,
	type DayCount,
	type DeckMastery,
	type Forecast,
	type Heatmap,
	type Retention,
	type Stats
} from '$lib/storage/stats';

/** The statistics screen's figures, with the learner's own day start and limits. */
export async function loadAppStats(now: Date): Promise<Stats> {
	const db = appDb();
	return loadStats(db, now, await loadSettings(db));
}
