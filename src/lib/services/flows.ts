import { ImportFlow } from '$lib/state/import.svelte';
import { BackupFlow } from '$lib/state/backup.svelte';
import { appDb } from './database';

// Apart from services/study.ts: the review screen, which loads that one first, needs neither flow
// (with them, its first download carried the import and restore code, about 7 KB gzipped).

/** The import page's flow, writing to this device. */
export function openImport(): ImportFlow {
	return new ImportFlow(appDb());
}

/** The backup restore flow, merging into this device's data. */
export function openBackup(): BackupFlow {
	return new BackupFlow(appDb());
}
