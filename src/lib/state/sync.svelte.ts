import type { SyncState } from '$lib/services/sync/engine';

/** What the Settings -> Sync screen and the status line show; the sync manager fills it in. */
class SyncView {
	/** Off until the learner signs in; `elsewhere` when another tab of Recall runs the sync. */
	state = $state<SyncState | 'off' | 'elsewhere'>('off');
	waiting = $state(0);
	lastSyncAt = $state<number | null>(null);
	error = $state<string | undefined>();
	refused = $state.raw<{ id: string; errors: string[] }[]>([]);
	server = $state<string | undefined>();
	user = $state<string | undefined>();
	classes = $state.raw<string[]>([]);
}

export const syncView = new SyncView();
