/** "in 3 hours", "tomorrow at 04:00": when the next card is due, in the learner's words. */
export function describeDue(due: Date, now: Date): string {
	const ms = due.getTime() - now.getTime();
	if (ms <= 60_000) return 'now';
	const minutes = Math.round(ms / 60_000);
	if (minutes < 60) return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
	const time = due.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
	const days = Math.round(
		(new Date(due).setHours(0, 0, 0, 0) - new Date(now).setHours(0, 0, 0, 0)) / 86_400_000
	);
	if (days === 0) return `today at ${time}`;
	if (days === 1) return `tomorrow at ${time}`;
	if (days < 7) return `${due.toLocaleDateString([], { weekday: 'long' })} at ${time}`;
	return `on ${due.toLocaleDateString([], { day: 'numeric', month: 'long', year: 'numeric' })}`;
}
