import type { Deck } from '$lib/deck/schema';
import type { CardRow, MediaRow, ReviewLogRow } from '$lib/storage/rows';
import type { ExportLog } from './export-schedule';
import type { ExportCard, ExportInput } from './write-package';

/** What storage reads for an export (see `packageSource`). */
export interface ExportSource {
	deck: Pick<Deck, 'id' | 'title' | 'description'>;
	rows: readonly CardRow[];
	logs: readonly ReviewLogRow[];
	media: readonly Pick<MediaRow, 'name' | 'blob'>[];
}

/**
 * The writer's input from stored rows: each card with its FSRS state and its answers (oldest
 * first) when `withHistory`, otherwise the cards alone, to be new in Anki.
 */
export function exportInput(source: ExportSource, withHistory: boolean, now: Date): ExportInput {
	const logsByUid = new Map<string, ExportLog[]>();
	if (withHistory)
		for (const l of [...source.logs].sort((a, b) => a.reviewedAt - b.reviewedAt)) {
			const list = logsByUid.get(l.uid) ?? [];
			const { kind, grade, reviewedAt, durationMs, before } = l;
			list.push({ kind, grade, reviewedAt, durationMs, before });
			logsByUid.set(l.uid, list);
		}
	const cards: ExportCard[] = source.rows.map((row) => {
		if (!withHistory) return { card: row.content };
		const { due, stability, difficulty, scheduled_days, learning_steps, reps, lapses } = row;
		const state = {
			due,
			stability,
			difficulty,
			scheduled_days,
			learning_steps,
			reps,
			lapses,
			state: row.state,
			last_review: row.last_review,
			suspended: row.suspended,
			buriedUntil: row.buriedUntil
		};
		return { card: row.content, state, logs: logsByUid.get(row.uid) ?? [] };
	});
	const { id, title, description } = source.deck;
	return {
		deck: { id, title, ...(description ? { description } : {}) },
		cards,
		media: source.media.map((m) => ({ name: m.name, blob: m.blob })),
		now: now.getTime()
	};
}
