import { describe, expect, it } from 'vitest';
import {
	buryCard,
	installDeck,
	suspendCard,
	undoAnswer,
	unsuspendCard,
	type StudyDb
} from '$lib/storage';
import { exportBackup, exportBackupFile, mergeBackup } from '$lib/storage/transfer';
import { restoreSnapshot, takeSnapshot } from '$lib/storage/snapshots';
import { prepareBackup, type Backup } from '$lib/transfer';
import { freshDb } from '../../fixtures/db';
import { NOW, smallDeck } from '../../fixtures/decks';
import { answer, reset } from '../../fixtures/answers';

// Card actions (suspend, unsuspend, bury; reset and undo travel in the review log) survive a
// backup: exported, checked, restored onto a fresh device and merged into one that acted too.
const MIN = 60_000;
const t = (minutes: number) => new Date(NOW.getTime() + minutes * MIN);

/** A device that answered, reset, undid, suspended, buried and unsuspended some cards. */
async function studied(): Promise<StudyDb> {
	const db = freshDb();
	await installDeck(db, smallDeck(8), { now: NOW, bundled: true });
	await answer(db, 'small|c0', 3, t(1));
	await answer(db, 'small|c1', 1, t(2));
	await reset(db, 'small|c1', t(3));
	const undone = await answer(db, 'small|c2', 4, t(4));
	await undoAnswer(db, undone.log.id);
	await suspendCard(db, 'small|c3', t(5));
	await buryCard(db, 'small|c4', t(24 * 60), t(6));
	await suspendCard(db, 'small|c5', t(7));
	await unsuspendCard(db, 'small|c5', t(8));
	return db;
}

/** What a learner sees of every card: its schedule and its flags. */
const cards = async (db: StudyDb) =>
	(await db.cards.orderBy('uid').toArray()).map((c) => ({
		uid: c.uid,
		due: c.due,
		reps: c.reps,
		state: c.state,
		suspended: c.suspended,
		buriedUntil: c.buriedUntil,
		leech: c.leech,
		active: c.active
	}));
const actions = async (db: StudyDb) =>
	(await db.cardActions.orderBy('id').toArray()).map(({ origin: _, ...a }) => a);

/** A backup as a file goes: to text and back through the checks. */
function throughFile(backup: Backup | string): Backup {
	const read = prepareBackup(
		typeof backup === 'string' ? backup : JSON.stringify(backup),
		'backup.json'
	);
	if (!read.ok) throw new Error(JSON.stringify(read.errors));
	return read.backup;
}

describe('card actions in backups', () => {
	it('a backup holds the actions, and restoring it gives the same cards and actions', async () => {
		const db = await studied();
		const backup = await exportBackup(db, t(10));
		expect(backup.cardActions?.map((a) => [a.uid, a.kind])).toEqual(
			expect.arrayContaining([
				['small|c3', 'suspend'],
				['small|c4', 'bury'],
				['small|c5', 'suspend'],
				['small|c5', 'unsuspend']
			])
		);
		// The file written page by page is the same text.
		const file = await exportBackupFile(db, t(10), 2);
		expect(file.parts.join('')).toBe(JSON.stringify(backup));

		const fresh = freshDb();
		const report = await mergeBackup(fresh, throughFile(file.parts.join('')));
		expect(report.actionsAdded).toBe(4);
		expect(await cards(fresh)).toEqual(await cards(db));
		expect(await actions(fresh)).toEqual(await actions(db));
		expect((await fresh.cards.get('small|c3'))?.suspended).toBe(1);
		// The restored card knows which action set its flag: an older one arriving later loses.
		expect((await fresh.cards.get('small|c5'))?.stamps).toEqual(
			(await db.cards.get('small|c5'))?.stamps
		);
	});

	it('merging keeps, per card and flag, the newest action of either side', async () => {
		const phone = await studied();
		const backup = throughFile(await exportBackup(phone, t(10)));
		// The laptop had the same deck and acted on two of the same cards: c3 later, c5 earlier.
		const laptop = freshDb();
		await installDeck(laptop, smallDeck(8), { now: NOW, bundled: true });
		await unsuspendCard(laptop, 'small|c3', t(9));
		await suspendCard(laptop, 'small|c5', t(0));
		await suspendCard(laptop, 'small|c6', t(9));
		const report = await mergeBackup(laptop, backup);
		expect(report.actionsAdded).toBe(4);
		const flag = async (uid: string) => (await laptop.cards.get(uid))?.suspended;
		expect(await flag('small|c3')).toBe(0); // the laptop's unsuspend at 9 beats the suspend at 5
		expect(await flag('small|c5')).toBe(0); // the phone's unsuspend at 8 beats the suspend at 0
		expect(await flag('small|c6')).toBe(1); // only the laptop acted
		expect((await laptop.cards.get('small|c4'))?.buriedUntil).toBe(t(24 * 60).getTime());
		expect((await laptop.cards.get('small|c4'))?.active).toBe(0);

		// Merged the other way, the phone ends with the same flags.
		await mergeBackup(phone, throughFile(await exportBackup(laptop, t(11))));
		const flags = async (db: StudyDb) =>
			(await cards(db)).map(({ uid, suspended, buriedUntil, active }) => ({
				uid,
				suspended,
				buriedUntil,
				active
			}));
		expect(await flags(phone)).toEqual(await flags(laptop));
	});

	it('merging the same backup again adds no action twice', async () => {
		const db = await studied();
		const backup = throughFile(await exportBackup(db, t(10)));
		const other = freshDb();
		await mergeBackup(other, backup);
		const again = await mergeBackup(other, backup);
		expect(again.actionsAdded).toBe(0);
		expect(await other.cardActions.count()).toBe(4);
		// A device's own backup merged into itself changes nothing either.
		expect((await mergeBackup(db, backup)).actionsAdded).toBe(0);
		expect(await db.cardActions.count()).toBe(4);
	});

	it('an older backup without actions still restores, with the flags its cards hold', async () => {
		const db = await studied();
		const { cardActions: _, ...old } = await exportBackup(db, t(10));
		const fresh = freshDb();
		const report = await mergeBackup(fresh, throughFile(JSON.stringify(old)));
		expect(report.actionsAdded).toBe(0);
		expect(await cards(fresh)).toEqual(await cards(db));
		expect(await fresh.cardActions.count()).toBe(0);
	});

	it('a backup with a broken action is refused with its path, and nothing is written', async () => {
		const db = await studied();
		const backup = JSON.parse(JSON.stringify(await exportBackup(db, t(10)))) as Backup;
		const list = backup.cardActions ?? [];
		list[0] = { ...list[0]!, uid: 'small|nowhere', cardId: 'nowhere' };
		const bury = list.findIndex((a) => a.kind === 'bury');
		delete list[bury]!.until;
		list.push({ ...list[1]! });
		const read = prepareBackup(JSON.stringify(backup), 'backup.json');
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(read.errors.map((e) => `${e.path}: ${e.message}`)).toEqual(
			expect.arrayContaining([
				`cardActions[${bury}].until: a burial needs its end`,
				'cardActions[0].uid: no card "small|nowhere" in cards',
				`cardActions[${list.length - 1}].id: action "${list[1]!.id}" is listed twice`
			])
		);
	});

	it('a snapshot restore puts the actions back with the cards, newer ones gone', async () => {
		const db = await studied();
		const before = await cards(db);
		const kept = await actions(db);
		const snap = await takeSnapshot(db, t(10), 'manual');
		await suspendCard(db, 'small|c0', t(11));
		await unsuspendCard(db, 'small|c3', t(12));
		await mergeBackup(db, throughFile(await exportBackup(db, t(13))));
		await restoreSnapshot(db, snap.id!, t(14), async (text) => prepareBackup(text, 'snapshot'));
		expect(await cards(db)).toEqual(before);
		expect(await actions(db)).toEqual(kept);
		// The flags carry their actions' stamps: an older action synced in later changes nothing.
		expect((await db.cards.get('small|c3'))?.stamps?.suspension).toMatch(/\|/);
	});
});
