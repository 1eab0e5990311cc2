import { describe, expect, it } from 'vitest';
import { default_w, forgetting_curve, fsrs, generatorParameters } from 'ts-fsrs';
import {
	cardHistories,
	createScheduler,
	evaluate,
	flatten,
	holdOut,
	trainingItems,
	type LogEntry,
	type TrainingItem
} from '$lib/scheduler';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 09:00 local time on a fixed day. */
const T = new Date(2026, 10, 26, 9, 0, 0).getTime();
const log = (uid: string, at: number, grade = 3, kind: LogEntry['kind'] = 'review'): LogEntry => ({
	uid,
	kind,
	grade,
	reviewedAt: at
});

describe('the optimizer input from the review log (issue 16)', () => {
	it('counts study days by the app rollover: 1 am belongs to the day before', () => {
		const h = cardHistories([log('a', T), log('a', T + 16 * HOUR), log('a', T + 20 * HOUR)], 4);
		// 09:00, then 01:00 the next night (same study day), then 05:00 (the next study day).
		expect(h.get('a')?.map((r) => r.day - (h.get('a')?.[0]?.day ?? 0))).toEqual([0, 0, 1]);
	});

	it('leaves out practice answers and everything before a reset', () => {
		const logs = [
			log('a', T, 1),
			log('a', T + DAY, 3),
			log('a', T + 2 * DAY, 0, 'forget'),
			log('a', T + 3 * DAY, 4),
			log('a', T + 3 * DAY + HOUR, 1, 'practice'),
			log('a', T + 5 * DAY, 3)
		];
		expect(
			cardHistories(logs, 4)
				.get('a')
				?.map((r) => r.rating)
		).toEqual([4, 3]);
		expect(trainingItems(logs, 4)).toEqual([{ ratings: [4, 3], deltas: [0, 2], at: T + 5 * DAY }]);
	});

	it('predicts only answers a day or more after the one before, keeping same-day steps', () => {
		const logs = [log('a', T, 1), log('a', T + 600_000, 3), log('a', T + 3 * DAY, 3)];
		expect(trainingItems(logs, 4)).toEqual([
			{ ratings: [1, 3, 3], deltas: [0, 0, 3], at: T + 3 * DAY }
		]);
	});

	it('does not predict a multiple-choice or true/false answer, but keeps it in the history', () => {
		const asked = (at: number, grade: number, mode: string): LogEntry => ({
			...log('a', at, grade),
			mode
		});
		const logs = [
			asked(T, 2, 'mcq'),
			asked(T + 2 * DAY, 3, 'typed'),
			// A right choice after days may be a guess: it would teach the fit that memory lasts longer.
			asked(T + 6 * DAY, 2, 'truefalse'),
			asked(T + 9 * DAY, 2, 'mcq'),
			asked(T + 20 * DAY, 1, 'cloze')
		];
		expect(trainingItems(logs, 4)).toEqual([
			{ ratings: [2, 3], deltas: [0, 2], at: T + 2 * DAY },
			{ ratings: [2, 3, 2, 2, 1], deltas: [0, 2, 4, 3, 11], at: T + 20 * DAY }
		]);
	});

	it('holds out the most recent answers, and flattens items as fsrs-rs takes them', () => {
		const items: TrainingItem[] = [5, 1, 4, 2, 3].map((d) => ({
			ratings: [3, 3],
			deltas: [0, d],
			at: T + d * DAY
		}));
		const { train, test } = holdOut(items, 0.4);
		expect(train.map((i) => i.deltas[1])).toEqual([1, 2, 3]);
		expect(test.map((i) => i.deltas[1])).toEqual([4, 5]);
		const flat = flatten(train.slice(0, 2));
		expect([...flat.ratings]).toEqual([3, 3, 3, 3]);
		expect([...flat.deltas]).toEqual([0, 1, 0, 2]);
		expect([...flat.lengths]).toEqual([2, 2]);
	});
});

/** A learner whose memory follows `w`: answers drawn from FSRS's own recall probability. */
function synthetic(w: readonly number[], cards: number, seed = 7): TrainingItem[] {
	let s = seed;
	const random = () => (s = (s * 48271) % 2147483647) / 2147483647;
	const engine = fsrs(generatorParameters({ w: [...w] }));
	const items: TrainingItem[] = [];
	for (let c = 0; c < cards; c++) {
		const ratings = [random() < 0.3 ? 1 : 3];
		const deltas = [0];
		let state = engine.next_state(null, 0, ratings[0] ?? 3);
		let day = 0;
		for (let k = 0; k < 6; k++) {
			const delta = Math.max(1, Math.round(state.stability * (0.5 + random())));
			const p = forgetting_curve([...w], delta, state.stability);
			const rating = random() < p ? 3 : 1;
			ratings.push(rating);
			deltas.push(delta);
			day += delta;
			items.push({ ratings: [...ratings], deltas: [...deltas], at: day });
			state = engine.next_state(state, delta, rating);
		}
	}
	return items;
}

describe('judging parameters on answers', () => {
	it('the parameters a learner follows predict their answers better than the defaults', () => {
		const truth = [...default_w];
		truth[0] = 0.4;
		truth[2] = 1.2;
		truth[8] = 1.0;
		truth[20] = 0.3;
		const items = synthetic(truth, 300);
		const own = evaluate(truth, items);
		const defaults = evaluate(default_w, items);
		expect(own.count).toBe(1800);
		expect(own.logLoss).toBeLessThan(defaults.logLoss);
		expect(own.rmse).toBeLessThan(defaults.rmse);
		expect(own.rmse).toBeLessThan(0.05);
	});

	it('fitted parameters reach the scheduler: another w gives other intervals', () => {
		const w = [...default_w];
		w[2] = 1.0; // a lower initial stability for Good
		const mine = createScheduler({ parameters: w, enableFuzz: false });
		const stock = createScheduler({ enableFuzz: false });
		const now = new Date(T);
		const graduate = (s: typeof mine) => {
			let card = s.newCard(now);
			card = s.answer(card, 3, now);
			return s.answer(card, 3, new Date(T + 600_000)).scheduled_days;
		};
		expect(graduate(mine)).toBeLessThan(graduate(stock));
	});
});
