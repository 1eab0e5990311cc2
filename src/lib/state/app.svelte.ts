/** App-wide flags that several components read. */
class AppStatus {
	/** A review is in progress: updates wait until it ends. */
	sessionActive = $state(false);
	/** The last write failed because storage is full: shown until a write succeeds again. */
	storageFull = $state(false);
	/** Set when this tab must reload to go on (another tab upgraded the database, or is blocking it). */
	reloadNeeded = $state<string | undefined>();
}

export const appStatus = new AppStatus();
