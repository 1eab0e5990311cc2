import type { StudyDb } from './db';
import type { LogEntry } from '$lib/scheduler/optimizer-input';

/**
 * Every log row as the optimizer needs it (card, kind, grade, time, mode), in one read of the table in
 * time order. Undone answers are not in the table; practice and resets are told apart by `kind`.
 */
export async function readFitLogs(db: StudyDb): Promise<LogEntry[]> {
	const out: LogEntry[] = [];
	await db.reviewLogs.orderBy('reviewedAt').each((log) => {
		out.push({
			uid: log.uid,
			kind: log.kind,
			grade: log.grade,
			reviewedAt: log.reviewedAt,
			...(log.mode ? { mode: log.mode } : {})
		});
	});
	return out;
}
