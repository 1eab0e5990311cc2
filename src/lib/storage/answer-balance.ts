// Apart from card-state.ts, which the first screen loads: only the review needs this.
import type { Grade, Scheduler } from '$lib/scheduler';
import { studyDayStart } from '$lib/scheduler/day';
import { chooseDay, seedUnit, type EasyDays } from '$lib/scheduler/load-balance';
import { rowToState, stateToRow } from './rows';
import type { Balance } from './answers';

const DAY = 86_400_000;

/**
 * Load balancing for one answer (see `recordAnswer`): the scheduler's fuzz range for the stored
 * state, the day chosen by the cards already due and the easy days, and the state with it. The
 * choice is seeded by the card and the answer's time, so it repeats.
 */
export function answerBalance(
	scheduler: Scheduler,
	grade: Grade,
	now: Date,
	seed: string,
	settings: { dayStartHour: number; easyDays: EasyDays }
): Balance {
	const dayStart = studyDayStart(now, settings.dayStartHour).getTime();
	return {
		dayStart,
		range: (row) => scheduler.fuzzRange(rowToState(row), grade, now),
		choose: (range, dueOn) =>
			chooseDay(
				range,
				{
					dueOn,
					weekday: (days) => new Date(dayStart + (days + 0.5) * DAY).getDay(),
					easyDays: settings.easyDays
				},
				seedUnit(`${seed}:${now.getTime()}`)
			),
		next: (row, days) => stateToRow(scheduler.answer(rowToState(row), grade, now, seed, days))
	};
}
