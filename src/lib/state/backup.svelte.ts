import type { DeckError } from '$lib/deck/errors';
import type { StudyDb } from '$lib/storage/db';
import type { Backup } from '$lib/transfer/backup';
import { formatBytes, MAX_BACKUP_BYTES } from '$lib/transfer/limits';
import { mergeBackup, type MergeReport } from '$lib/storage/transfer';
import { runTransfer } from '$lib/services/transfer-worker';

export type BackupStage = 'idle' | 'checking' | 'preview' | 'merging' | 'done';

export interface BackupSummary {
	fileName: string;
	/** When the backup was made (ISO date and time). */
	exportedAt: string;
	decks: number;
	cards: number;
	logs: number;
}

/**
 * Restoring or merging a backup: a file in, checked off the main thread, a summary shown, and
 * nothing written until `merge()`.
 */
export class BackupFlow {
	stage = $state<BackupStage>('idle');
	problem = $state<string>();
	errors = $state.raw<DeckError[]>([]);
	summary = $state.raw<BackupSummary>();
	progress = $state.raw<{ done: number; total: number }>();
	report = $state.raw<MergeReport & { seconds: number }>();
	#db: StudyDb;
	#backup: Backup | undefined;
	#run = 0;

	constructor(db: StudyDb) {
		this.#db = db;
	}

	async open(file: File): Promise<void> {
		this.reset();
		if (file.size > MAX_BACKUP_BYTES) {
			this.problem = `“${file.name}” is ${formatBytes(file.size)}; a backup can be at most ${formatBytes(MAX_BACKUP_BYTES)}.`;
			return;
		}
		const run = this.#run;
		this.stage = 'checking';
		try {
			const result = await runTransfer({
				type: 'backup',
				file: { name: file.name, content: file }
			});
			if (run !== this.#run) return;
			this.stage = 'preview';
			if (!result.ok) {
				this.errors = result.errors;
				return;
			}
			const b = result.backup;
			this.#backup = b;
			this.summary = {
				fileName: file.name,
				exportedAt: b.exportedAt,
				decks: b.decks.length,
				cards: b.cards.length,
				logs: b.reviewLogs.length
			};
		} catch (e) {
			if (run !== this.#run) return;
			this.stage = 'idle';
			this.problem = `Could not read the backup: ${e instanceof Error ? e.message : String(e)}`;
		}
	}

	/** Merges the checked backup into this device's data, with progress. */
	async merge(): Promise<void> {
		const backup = this.#backup;
		if (!backup || this.stage !== 'preview') return;
		this.stage = 'merging';
		this.progress = { done: 0, total: backup.cards.length };
		const started = performance.now();
		try {
			const report = await mergeBackup(this.#db, backup, {
				onProgress: (done, total) => (this.progress = { done, total })
			});
			this.report = { ...report, seconds: (performance.now() - started) / 1000 };
			this.stage = 'done';
		} catch (e) {
			this.stage = 'preview';
			this.problem = `The merge stopped: ${e instanceof Error ? e.message : String(e)}. What was merged is kept; choose the file again to finish.`;
		} finally {
			this.progress = undefined;
		}
	}

	reset(): void {
		this.#run++;
		this.#backup = undefined;
		this.stage = 'idle';
		this.problem = undefined;
		this.errors = [];
		this.summary = undefined;
		this.report = undefined;
	}
}
