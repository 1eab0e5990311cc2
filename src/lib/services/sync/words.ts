/** The status line of sync, in words. Pure: the screen passes the view and the clock. */
export function describeSync(
	view: { state: string; waiting: number; lastSyncAt: number | null; error?: string | undefined },
	now: Date
): string {
	const waiting =
		view.waiting === 1
			? '1 answer waiting'
			: view.waiting > 1
				? `${view.waiting} answers waiting`
				: '';
	switch (view.state) {
		case 'off':
			return 'Sync is off: this device keeps its data to itself.';
		case 'elsewhere':
			return 'Sync runs in another tab of Recall.';
		case 'starting':
		case 'syncing':
			return waiting ? `Syncing… ${waiting}.` : 'Syncing…';
		case 'synced':
			return `Synced ${ago(view.lastSyncAt, now)}.`;
		case 'offline':
			return `Offline${waiting ? `: ${waiting}` : ''}. Sync resumes when the network is back.`;
		default: {
			// Most errors are sentences with their own full stop: one is enough.
			const why = (view.error ?? 'unknown error').trim().replace(/\.+$/, '');
			return `Sync stopped: ${why}${waiting ? ` (${waiting})` : ''}.`;
		}
	}
}

/** "just now", "3 minutes ago", "at 14:05" (more than an hour), or nothing when never. */
export function ago(at: number | null, now: Date): string {
	if (at === null) return '';
	const minutes = Math.floor((now.getTime() - at) / 60_000);
	if (minutes < 1) return 'just now';
	if (minutes < 60) return minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
	const when = new Date(at);
	const time = when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
	return when.toDateString() === now.toDateString()
		? `at ${time}`
		: `on ${when.toLocaleDateString()} at ${time}`;
}
