import { expect, it } from 'vitest';
import { publishDeckToClass, publishNewVersion } from '$lib/services/sync/publish';
import { classAddress, className } from '$lib/services/sync/class';
import { answer } from '../../fixtures/answers';
import { NOW, smallDeck } from '../../fixtures/decks';
import {
	createClass,
	createUser,
	remotePouch,
	syncDevice,
	until,
	useTestServer
} from '../../fixtures/sync-server';

const server = useTestServer();

it('a published deck and its correction reach a learner with progress kept; a learner cannot publish', async () => {
	await createUser(server(), 'teacher', 't-pass');
	const url = await createUser(server(), 'lena', 'l-pass', ['class-bio']);
	const classUrl = await createClass(server(), 'class-bio', 'teacher', 'class-bio');
	const asTeacher = remotePouch(classUrl, 'teacher', 't-pass');
	const asLearner = remotePouch(classUrl, 'lena', 'l-pass');
	expect(await publishDeckToClass(asTeacher, smallDeck(3, 1, 'bio'), 'teacher', NOW)).toEqual({
		ok: true,
		id: 'deck:bio:000001'
	});
	const refused = await publishDeckToClass(asLearner, smallDeck(3, 2, 'bio'), 'lena', NOW);
	expect(refused.ok).toBe(false);

	const { db, engine } = await syncDevice(url, 'lena', 'lena-phone', {
		cards: 1,
		now: () => NOW,
		password: 'l-pass',
		classes: [classUrl]
	});
	try {
		await engine.start();
		await until(async () => (await db.decks.get('bio'))?.version === 1, 'version 1');
		await answer(db, 'bio|c1', 3, NOW);
		const before = await db.cards.get('bio|c1');
		await publishDeckToClass(asTeacher, smallDeck(4, 2, 'bio'), 'teacher', NOW);
		await until(async () => (await db.decks.get('bio'))?.version === 2, 'the correction');
		expect(await db.cards.where('deckId').equals('bio').count()).toBe(4);
		const after = await db.cards.get('bio|c1');
		expect(after?.reps).toBe(1);
		expect(after?.due).toBe(before?.due);
	} finally {
		engine.stop();
		await engine.stopped();
	}
}, 60_000);

it('publishing from the studio: the next version, an unchanged deck not written twice, refusals in words', async () => {
	await createUser(server(), 'tara', 't-pass');
	await createUser(server(), 'lou', 'l-pass', ['class-chem']);
	const classUrl = await createClass(server(), 'class-chem', 'tara', 'class-chem');
	const asTara = remotePouch(classUrl, 'tara', 't-pass');
	const deck = smallDeck(3, 1, 'chem');
	expect(await publishNewVersion(asTara, 'class-chem', deck, 'tara', NOW)).toEqual({
		ok: true,
		version: 1,
		unchanged: false
	});
	expect(await publishNewVersion(asTara, 'class-chem', deck, 'tara', NOW)).toEqual({
		ok: true,
		version: 1,
		unchanged: true
	});
	// The draft still says version 1: the correction goes out as version 2.
	const corrected = { ...smallDeck(4, 1, 'chem') };
	expect(await publishNewVersion(asTara, 'class-chem', corrected, 'tara', NOW)).toMatchObject({
		version: 2,
		unchanged: false
	});
	const asLou = remotePouch(classUrl, 'lou', 'l-pass');
	expect(await publishNewVersion(asLou, 'class-chem', smallDeck(5, 1, 'chem'), 'lou', NOW)).toEqual(
		{
			ok: false,
			error: 'Forbidden: the server lets only the instructor of “class-chem” publish there.'
		}
	);
	const stranger = remotePouch(classUrl, 'nobody', 'x');
	expect(await publishNewVersion(stranger, 'class-chem', deck, 'nobody', NOW)).toMatchObject({
		ok: false,
		error: expect.stringMatching(/^Not signed in/)
	});
	const missing = remotePouch(`${server().url}/class-none`, 'tara', 't-pass');
	expect(await publishNewVersion(missing, 'class-none', deck, 'tara', NOW)).toMatchObject({
		ok: false,
		error: expect.stringMatching(/^There is no class database “class-none”/)
	});
	const offline = remotePouch('http://127.0.0.1:9/class-chem', 'tara', 't-pass');
	expect(await publishNewVersion(offline, 'class-chem', deck, 'tara', NOW)).toMatchObject({
		ok: false,
		error: expect.stringMatching(/^Offline/)
	});
	// Only the two versions are in the class.
	const docs = await asTara.allDocs({ startkey: 'deck:', endkey: 'deck:\uffff' });
	expect(docs.rows.map((r) => r.id)).toEqual(['deck:chem:000001', 'deck:chem:000002']);
}, 60_000);

it('a class is joined by its link, its name on the learner’s server, or its address', () => {
	const server = 'https://couch.example.org';
	expect(className('class-bio')).toBe('class-bio');
	expect(className('https://app.example/settings/sync/?class=class-bio')).toBe('class-bio');
	expect(className('https://couch.example.org/class-bio/')).toBe('class-bio');
	expect(className('Class Bio')).toBeUndefined();
	expect(className('https://app.example/settings/sync/?class=..%2F_users')).toBeUndefined();
	expect(classAddress('class-bio', server)).toBe('https://couch.example.org/class-bio');
	expect(classAddress('https://app.example/settings/sync/?class=class-bio', server)).toBe(
		'https://couch.example.org/class-bio'
	);
	expect(classAddress('https://other.example/class-bio', server)).toBe(
		'https://other.example/class-bio'
	);
	expect(classAddress('not a class', server)).toBeUndefined();
});

it('the server keeps `_security`: only members read, and only the learner reads their own database', async () => {
	const mine = await createUser(server(), 'mia', 'm-pass', ['class-art']);
	await createUser(server(), 'noa', 'n-pass');
	const classUrl = await createClass(server(), 'class-art', 'tara-art', 'class-art');
	const status = (p: Promise<unknown>) =>
		p.then(
			() => 200,
			(e: { status?: number }) => e.status
		);
	const read = (url: string, user: string, password: string) =>
		status(remotePouch(url, user, password).allDocs({}));
	// CouchDB answers 403 to a signed-in user who is not a member; this server answers 401 (README).
	const refused = [401, 403];
	expect(await read(mine, 'mia', 'm-pass')).toBe(200);
	expect(refused).toContain(await read(mine, 'noa', 'n-pass'));
	expect(await read(classUrl, 'mia', 'm-pass')).toBe(200);
	expect(refused).toContain(await read(classUrl, 'noa', 'n-pass'));
	// A member of the class (by role) reads it and cannot write it.
	expect(
		await status(remotePouch(classUrl, 'mia', 'm-pass').put({ _id: 'deck:x:000001', type: 'deck' }))
	).toBe(403);
	expect(refused).toContain(
		await status(remotePouch(mine, 'noa', 'n-pass').put({ _id: 'day:x', type: 'day' }))
	);
});
