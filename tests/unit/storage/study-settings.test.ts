import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '$lib/storage/study-settings';
import { freshDb } from '../../fixtures/db';

describe('settings', () => {
	it('start from sensible defaults', async () => {
		const settings = await loadSettings(freshDb());
		expect(settings).toEqual(DEFAULT_SETTINGS);
		expect(settings).toMatchObject({ newPerDay: 20, reviewsPerDay: 200, dayStartHour: 4 });
		expect(settings.scheduler.desiredRetention).toBe(0.9);
		expect(settings.leechThreshold).toBe(8);
	});

	it('persist in IndexedDB and survive reopening the database', async () => {
		const db = freshDb();
		const changed = {
			...DEFAULT_SETTINGS,
			newPerDay: 5,
			scheduler: { ...DEFAULT_SETTINGS.scheduler, desiredRetention: 0.85 }
		};
		await saveSettings(db, changed);
		db.close();
		await db.open();
		expect(await loadSettings(db)).toEqual(changed);
	});

	it('fill in defaults for fields a newer version added', async () => {
		const db = freshDb();
		await db.settings.put({ key: 'study', value: { newPerDay: 3 } });
		const settings = await loadSettings(db);
		expect(settings.newPerDay).toBe(3);
		expect(settings.leechThreshold).toBe(8);
		expect(settings.scheduler.maximumInterval).toBe(DEFAULT_SETTINGS.scheduler.maximumInterval);
	});
});
