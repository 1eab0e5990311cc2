// When this device's new answers go into its replica. An answer is written after the next card is
// on screen, and a learner going through cards answers again within a second or two: a push (and
// the replication it sets off) after each answer would run beside the next ones. So the push waits
// until answers have been quiet for `QUIET_MS` (a pause, or the end of the session), but never more
// than `MAX_WAIT_MS` after the first answer waiting for it, so a long run of quick answers still
// reaches the other devices; then it runs at the first idle moment. Answers written while a push
// runs go in one more push after it, paced the same way (a burst is one write).

/** How long answers must have been quiet before their push. */
export const QUIET_MS = 600;
/** The longest an answer waits for its push, however quickly the next ones come. */
export const MAX_WAIT_MS = 10_000;

export interface PushPacer {
	/** New answers (or actions, settings) were written: push them once answers are quiet. */
	changed(): void;
	/** No more pushes start (one under way ends by itself). */
	stop(): void;
}

export interface PacerTimes {
	quietMs?: number;
	maxWaitMs?: number;
}

/**
 * Paces pushes: at most one at a time, each once answers have been quiet for `quietMs` (or
 * `maxWaitMs` after the first waiting one) and at an idle moment; every change is pushed by a push
 * that starts after it.
 * @example const pacer = createPushPacer(() => engine.push(), idleMoment); watchRevision(db, pacer.changed)
 */
export function createPushPacer(
	push: () => Promise<unknown>,
	idle: () => Promise<void>,
	{ quietMs = QUIET_MS, maxWaitMs = MAX_WAIT_MS }: PacerTimes = {}
): PushPacer {
	/** `waiting`: for quiet; `starting`: for an idle moment, the push reads what comes meanwhile. */
	let phase: 'none' | 'waiting' | 'starting' | 'running' = 'none';
	let timer: ReturnType<typeof setTimeout> | undefined;
	/** When the first change not yet in a started push came, and when the last one came. */
	let firstAt = 0;
	let lastAt = 0;
	let again = false;
	let stopped = false;

	function arm() {
		clearTimeout(timer);
		const at = Math.min(lastAt + quietMs, firstAt + maxWaitMs);
		timer = setTimeout(() => void run(), Math.max(0, at - Date.now()));
	}
	async function run() {
		timer = undefined;
		phase = 'starting';
		await idle();
		if (stopped) return;
		phase = 'running';
		await push().catch(() => undefined);
		phase = 'none';
		if (again && !stopped) {
			again = false;
			phase = 'waiting';
			arm();
		}
	}
	return {
		changed() {
			if (stopped) return;
			const now = Date.now();
			lastAt = now;
			// Read by the push about to start.
			if (phase === 'starting') return;
			// A push under way may have read the logs before this change: one more follows it.
			if (phase === 'running') {
				if (!again) firstAt = now;
				again = true;
				return;
			}
			if (phase === 'none') {
				phase = 'waiting';
				firstAt = now;
			}
			arm();
		},
		stop() {
			stopped = true;
			clearTimeout(timer);
		}
	};
}
