import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSyncEngine } from '$lib/services/sync/engine';
import { publishDeckToClass } from '$lib/services/sync/publish';
import { installDeck } from '$lib/storage';
import { answer } from '../../fixtures/answers';
import { freshDb } from '../../fixtures/db';
import { NOW, smallDeck } from '../../fixtures/decks';
import {
	createClass,
	createUser,
	localPouch,
	remotePouch,
	startServer,
	type TestServer
} from '../../fixtures/sync-server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.close();
});

async function until(check: () => Promise<boolean>, what: string, ms = 20_000) {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		if (await check()) return;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`timed out waiting for ${what}`);
}

it('a published deck and its correction reach a learner with progress kept; a learner cannot publish', async () => {
	await createUser(server, 'teacher', 't-pass');
	const url = await createUser(server, 'lena', 'l-pass', ['class-bio']);
	const classUrl = await createClass(server, 'class-bio', 'teacher', 'class-bio');
	const asTeacher = remotePouch(classUrl, 'teacher', 't-pass');
	const asLearner = remotePouch(classUrl, 'lena', 'l-pass');
	expect(await publishDeckToClass(asTeacher, smallDeck(3, 1, 'bio'), 'teacher', NOW)).toEqual({
		ok: true,
		id: 'deck:bio:000001'
	});
	const refused = await publishDeckToClass(asLearner, smallDeck(3, 2, 'bio'), 'lena', NOW);
	expect(refused.ok).toBe(false);

	const db = freshDb();
	await installDeck(db, smallDeck(1), { now: NOW, bundled: true });
	const engine = createSyncEngine({
		db,
		local: localPouch(),
		remote: remotePouch(url, 'lena', 'l-pass'),
		classes: [asLearner],
		device: 'lena-phone',
		now: () => NOW
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
	}
}, 60_000);
