import { describe, expect, it } from 'vitest';
import { installDeck, recordAnswer } from '$lib/storage';
import { backupReminder, markBackupSaved } from '$lib/storage/backup-reminder';
import { freshDb } from '../../fixtures/db';
import { NOW, smallDeck } from '../../fixtures/decks';

const DAY = 86_400_000;
const days = (n: number) => new Date(NOW.getTime() + n * DAY);

describe('backup reminder', () => {
	it('reminds 30 days after the first answer without a backup file, and 30 days after the last', async () => {
		const db = freshDb();
		expect(await backupReminder(db, days(100))).toBeUndefined(); // nothing to lose yet
		await installDeck(db, smallDeck(1), { now: NOW, bundled: true });
		const card = (await db.cards.get('small|c0'))!;
		await recordAnswer(db, {
			uid: card.uid,
			seen: card,
			grade: 3,
			now: NOW,
			durationMs: 1,
			mode: 'flashcard',
			next: (s) => s
		});
		expect(await backupReminder(db, days(29))).toBeUndefined();
		expect(await backupReminder(db, days(30))).toBe(30);
		await markBackupSaved(db, days(31));
		expect(await backupReminder(db, days(60))).toBeUndefined();
		expect(await backupReminder(db, days(61))).toBe(30);
	});
});
