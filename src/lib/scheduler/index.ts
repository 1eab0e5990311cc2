export * from './types';
export { createScheduler, type Scheduler } from './scheduler';
export { newCard } from './new-card';
export { formatInterval } from './format';
export { studyDayStart, studyDayEnd, studyDayKey } from './day';
export { requeueAfterAnswer, REFRESH_EVERY, type Requeue, type RequeueFacts } from './requeue';
export { readyAt, isReady, waitFor, countdown, type Wait, type StepTimes } from './learning-wait';
export {
	cardHistories,
	trainingItems,
	holdOut,
	flatten,
	MIN_REVIEWS,
	type LogEntry,
	type TrainingItem
} from './optimizer-input';
export { evaluate, type Fit } from './evaluate';
export {
	chooseDay,
	DueCounts,
	seedUnit,
	NORMAL_WEEK,
	type DayLoad,
	type EasyDays,
	type FuzzRange
} from './load-balance';
