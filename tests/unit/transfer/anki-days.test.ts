import { afterAll, describe, expect, it } from 'vitest';
import { ankiDays } from '$lib/transfer/apkg/export-schedule';
import { ankiDaysElapsed } from '../../fixtures/anki-timing';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const saved = process.env.TZ;
afterAll(() => {
	if (saved === undefined) delete process.env.TZ;
	else process.env.TZ = saved;
});

// Node reads TZ again when it changes: each zone's dates are worked out in that zone.
describe.each([
	'UTC',
	'America/Los_Angeles',
	'Australia/Sydney',
	'Asia/Kolkata',
	'Pacific/Auckland'
])('an exported review card in %s', (zone) => {
	it.each([4, 0, 23])(
		'is due in Anki on the study day it is due here (day starting at %i h)',
		(hour) => {
			process.env.TZ = zone;
			// From a morning in March across the clock changes of both hemispheres, every 7 hours.
			const from = Date.parse('2026-03-01T09:30:00Z');
			const days = ankiDays(from, hour);
			expect(days.crt).toBeLessThanOrEqual(from);
			expect(days.creationOffset).toBe(new Date(days.crt).getTimezoneOffset());
			const crtSeconds = days.crt / 1000;
			expect(Number.isInteger(crtSeconds)).toBe(true);
			let wrongInUtc = 0;
			for (let t = from; t < from + 60 * DAY; t += 7 * HOUR) {
				// Anki shows a card due on day n once its count of days since creation reaches n:
				// the moment the card is due here, and not the study day before.
				const anki = ankiDaysElapsed(t, crtSeconds, days.creationOffset, hour);
				expect(days.dayOf(t)).toBe(anki);
				if (Math.floor((t - Math.floor(from / DAY) * DAY) / DAY) !== anki) wrongInUtc++;
			}
			// Days counted in UTC from a UTC midnight (the exporter before) miss some of them
			// everywhere but in UTC with the day starting at midnight.
			if (zone !== 'UTC' || hour !== 0) expect(wrongInUtc).toBeGreaterThan(0);
		}
	);
});
