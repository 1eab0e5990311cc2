import type { StudyDb } from './db';
import { readRevision } from './revision';
import { studyDayStart } from '$lib/scheduler/day';

/** Changes whenever an answer is added, undone or reset (each bumps the revision) or logs merge in. */
export async function fingerprint(db: StudyDb): Promise<{ value: string; logs: number }> {
	return db.transaction('r', db.settings, db.reviewLogs, async () => {
		const logs = await db.reviewLogs.count();
		return { value: `${await readRevision(db)}:${logs}`, logs };
	});
}

/** Why no daily snapshot is taken now; `undefined` when one may be due. */
export type NoDailySnapshot = 'no-answers' | 'already-today';

/**
 * The cheap part of the daily snapshot's checks: two counts, no data read. The page asks this before
 * it starts the snapshot worker, so a first visit (no answers) or a second open the same day starts
 * none. Undefined means "ask the worker", which checks again and also knows "unchanged".
 */
export async function noDailySnapshot(
	db: StudyDb,
	now: Date,
	dayStartHour = 4
): Promise<NoDailySnapshot | undefined> {
	if ((await db.reviewLogs.count()) === 0) return 'no-answers';
	const today = await db.snapshots
		.where('createdAt')
		.aboveOrEqual(studyDayStart(now, dayStartHour).getTime())
		.filter((s) => s.reason === 'daily')
		.count();
	return today > 0 ? 'already-today' : undefined;
}
