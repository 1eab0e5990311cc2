// When this device's new answers go into its replica. An answer is written after the next card is
// on screen; the learner then reads that card for a second or more. The push runs at the first
// idle moment after the answer's write, so it and the replication it sets off are done well before
// the next answer, instead of starting a fixed time later, where a quick learner's next answer met
// them. Answers written while a push runs go in one more push after it (a burst is one write).

export interface PushPacer {
	/** New answers (or actions, settings) were written: push them at the next idle moment. */
	changed(): void;
	/** No more pushes start (one under way ends by itself). */
	stop(): void;
}

/**
 * Paces pushes: at most one at a time, each at an idle moment, and every change is pushed by a
 * push that starts after it.
 * @example const pacer = createPushPacer(() => engine.push(), idleMoment); watchRevision(db, pacer.changed)
 */
export function createPushPacer(
	push: () => Promise<unknown>,
	idle: () => Promise<void>
): PushPacer {
	let scheduled = false;
	let running = false;
	let again = false;
	let stopped = false;

	async function run() {
		await idle();
		scheduled = false;
		if (stopped) return;
		running = true;
		await push().catch(() => undefined);
		running = false;
		if (again) {
			again = false;
			schedule();
		}
	}
	function schedule() {
		if (stopped || scheduled) return;
		scheduled = true;
		void run();
	}
	return {
		changed() {
			// A push under way may have read the logs before this change: one more follows it.
			if (running) again = true;
			else schedule();
		},
		stop() {
			stopped = true;
		}
	};
}
