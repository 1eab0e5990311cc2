/**
 * When a draft last changed, in words: "just now", "5 minutes ago", "today at 14:05", "3 Nov".
 * @example changedAt(Date.now() - 120_000, new Date()) // '2 minutes ago'
 */
export function changedAt(at: number, now: Date): string {
	const ms = now.getTime() - at;
	if (ms < 60_000) return 'just now';
	const minutes = Math.round(ms / 60_000);
	if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
	const then = new Date(at);
	const time = then.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
	if (then.toDateString() === now.toDateString()) return `today at ${time}`;
	return then.toLocaleDateString([], { day: 'numeric', month: 'short', year: 'numeric' });
}
