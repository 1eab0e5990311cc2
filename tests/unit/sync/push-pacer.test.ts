import { describe, expect, it } from 'vitest';
import { createPushPacer } from '$lib/services/sync/push-pacer';

// The push after answers (issue 17: the answer path untouched by sync). Idle moments and pushes
// end when the test says so.

const tick = async () => {
	for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
};

function pacing() {
	const idles: (() => void)[] = [];
	const pushes: { ends: () => void; startedAfter: number }[] = [];
	let changes = 0;
	const pacer = createPushPacer(
		() => new Promise<void>((ends) => pushes.push({ ends, startedAfter: changes })),
		() => new Promise<void>((r) => idles.push(r))
	);
	return {
		pushes,
		change() {
			changes++;
			pacer.changed();
		},
		idle: () => idles.splice(0).forEach((r) => r()),
		stop: () => pacer.stop()
	};
}

describe('pushes after answers', () => {
	it('waits for an idle moment: nothing runs beside the answer that was just written', async () => {
		const p = pacing();
		p.change();
		await tick();
		expect(p.pushes).toHaveLength(0);
		p.idle();
		await tick();
		expect(p.pushes.map((x) => x.startedAfter)).toEqual([1]);
	});

	it('answers written during a push go in one more push after it, every answer pushed', async () => {
		const p = pacing();
		p.change();
		p.change();
		p.idle();
		await tick();
		// Two answers before the idle moment: one push.
		expect(p.pushes).toHaveLength(1);
		p.change();
		p.change();
		p.change();
		await tick();
		expect(p.pushes).toHaveLength(1);
		p.pushes[0]!.ends();
		await tick();
		// The next push waits for idle too, then carries all three.
		expect(p.pushes).toHaveLength(1);
		p.idle();
		await tick();
		expect(p.pushes.map((x) => x.startedAfter)).toEqual([2, 5]);
		p.pushes[1]!.ends();
		await tick();
		p.idle();
		await tick();
		expect(p.pushes).toHaveLength(2);
	});

	it('stopped, it starts no push', async () => {
		const p = pacing();
		p.change();
		p.stop();
		p.idle();
		p.change();
		p.idle();
		await tick();
		expect(p.pushes).toHaveLength(0);
	});
});
