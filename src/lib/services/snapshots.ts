import * as snapshots from '$lib/storage/snapshots';
import type { SnapshotRow } from '$lib/storage/rows';
import { appDb } from './database';
import { runTransfer } from './transfer-worker';

export { SNAPSHOT_DAYS, type RestoreReport } from '$lib/storage/snapshots';
export type { SnapshotReason, SnapshotRow } from '$lib/storage/rows';
export { isQuotaError } from '$lib/storage/errors';
export { runSnapshot } from './auto-snapshot';

/** The snapshots on this device, newest first. */
export function listSnapshots(): Promise<SnapshotRow[]> {
	return snapshots.listSnapshots(appDb());
}

/** Restores a snapshot, its text checked in the transfer worker first. */
export function restoreSnapshot(id: number, now: Date): Promise<snapshots.RestoreReport> {
	return snapshots.restoreSnapshot(appDb(), id, now, (text) =>
		runTransfer({ type: 'backup', file: { name: 'snapshot', content: text } })
	);
}
