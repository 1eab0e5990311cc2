/** App-wide flags that several components read. */
class AppStatus {
	/** A review is in progress: updates wait until it ends. */
	sessionActive = $state(false);
	/** The last write failed because storage is full: shown until a write succeeds again. */
	storageFull = $state(false);
	/**
	 * The browser's database for this app was made anew since the last visit while the browser
	 * still remembered the old one (see storage/collection-mark.ts): shown until dismissed.
	 */
	databaseLost = $state(false);
	/** Set when this tab must reload to go on (another tab upgraded the database, or is blocking it). */
	reloadNeeded = $state<string | undefined>();

	/**
	 * Whether `e` is a read or write refused because this tab's database connection was closed:
	 * another tab upgraded it (the reload banner says so), or the browser closed it. The banner
	 * explains it and offers the reload, so the caller shows no error of its own.
	 */
	explains(e: unknown): boolean {
		if (!(e instanceof Error) || e.name !== 'DatabaseClosedError') return false;
		this.reloadNeeded ??= 'Recall lost its connection to your study data. Reload to keep studying.';
		return true;
	}
}

export const appStatus = new AppStatus();
