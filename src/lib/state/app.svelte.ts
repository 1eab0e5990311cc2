/** App-wide flags that several components read. */
class AppStatus {
	/** A review is in progress: updates wait until it ends. */
	sessionActive = $state(false);
}

export const appStatus = new AppStatus();
