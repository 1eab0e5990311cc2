import { expect, it } from 'vitest';
import type { Deck } from '$lib/deck/schema';
import type { SyncEngine } from '$lib/services/sync/engine';
import { publishNewVersion } from '$lib/services/sync/publish';
import { base64, mediaDocId, sha256Hex } from '$lib/services/sync/media-docs';
import type { StudyDb } from '$lib/storage';
import { NOW, basicCard } from '../../fixtures/decks';
import {
	adminFetch,
	createClass,
	createUser,
	remotePouch,
	syncDevice,
	until,
	useTestServer
} from '../../fixtures/sync-server';

// A deck with pictures and sounds published to a class arrives on a learner's device with them
// (media documents with the file as an attachment), a changed picture follows, and a media
// document whose file is not the one it describes is refused. Against the test server.
const server = useTestServer();

/** Some bytes standing for a file: different for each seed. */
const bytes = (seed: number, length = 3000) =>
	Uint8Array.from({ length }, (_, i) => (i * 31 + seed * 7) % 256);
const file = (name: string, type: string, seed: number) => ({
	name,
	type,
	blob: new Blob([bytes(seed)], { type })
});

const artDeck = (version = 1): Deck => ({
	schemaVersion: 1,
	id: 'art',
	title: 'Art',
	version,
	cards: [
		basicCard('c0', { image: 'cell.png' } as never),
		basicCard('c1', { audio: 'hum.mp3', image: 'cell.png' } as never),
		basicCard('c2', { image: 'lost.png' } as never)
	]
});

/** A learner's device that joined `classUrl`, with no deck of its own. */
const learner = (userUrl: string, classUrl: string, user: string, password: string) =>
	syncDevice(userUrl, user, `${user}-phone`, {
		cards: 0,
		now: () => NOW,
		password,
		classes: [classUrl]
	});

const stored = async (db: StudyDb, name: string) => {
	const row = await db.media.get(['art', name]);
	return row && { type: row.type, bytes: [...new Uint8Array(await row.blob.arrayBuffer())] };
};

it('a published deck’s pictures and sounds reach the learner; a changed picture follows', async () => {
	await createUser(server(), 'mona', 'm-pass');
	const userUrl = await createUser(server(), 'leo', 'l-pass', ['class-art']);
	const classUrl = await createClass(server(), 'class-art', 'mona', 'class-art');
	const teacher = remotePouch(classUrl, 'mona', 'm-pass');
	const cell = file('cell.png', 'image/png', 1);
	const hum = file('hum.mp3', 'audio/mpeg', 2);
	// A file of the teacher's no card shows is not published; one a card shows but the teacher
	// does not have is named.
	const first = await publishNewVersion(teacher, 'class-art', artDeck(), 'mona', NOW, [
		cell,
		hum,
		file('other.png', 'image/png', 3)
	]);
	expect(first).toEqual({
		ok: true,
		version: 1,
		unchanged: false,
		media: 2,
		missing: ['lost.png']
	});

	const { db, engine } = await learner(userUrl, classUrl, 'leo', 'l-pass');
	let sync: SyncEngine | undefined = engine;
	try {
		await engine.start();
		await until(async () => (await db.media.count()) === 2, 'the media');
		expect(await db.decks.get('art')).toMatchObject({ version: 1 });
		expect(await stored(db, 'cell.png')).toEqual({ type: 'image/png', bytes: [...bytes(1)] });
		expect(await stored(db, 'hum.mp3')).toEqual({ type: 'audio/mpeg', bytes: [...bytes(2)] });
		expect(await db.media.get(['art', 'other.png'])).toBeUndefined();

		// The same deck with a new picture: the deck is not written again, the picture is.
		const again = await publishNewVersion(teacher, 'class-art', artDeck(), 'mona', NOW, [
			file('cell.png', 'image/png', 9),
			hum
		]);
		expect(again).toMatchObject({ ok: true, version: 1, unchanged: true, media: 1 });
		await until(
			async () => (await stored(db, 'cell.png'))?.bytes[1] === bytes(9)[1],
			'the new picture'
		);
		expect(await stored(db, 'cell.png')).toEqual({ type: 'image/png', bytes: [...bytes(9)] });
		expect(engine.status.refused).toEqual([]);
		sync.stop();
		await sync.stopped();
		sync = undefined;

		// A second device of the learner, joining later, ends with the newest files. (Once, in a
		// full run, its first look found the older picture: waiting for the count alone was flaky.)
		const laptop = await learner(userUrl, classUrl, 'leo', 'l-pass');
		sync = laptop.engine;
		await laptop.engine.start();
		await until(
			async () =>
				(await laptop.db.media.count()) === 2 &&
				(await stored(laptop.db, 'cell.png'))?.bytes[1] === bytes(9)[1],
			'the laptop’s media'
		);
		expect(await stored(laptop.db, 'cell.png')).toEqual({
			type: 'image/png',
			bytes: [...bytes(9)]
		});
	} finally {
		sync?.stop();
		await sync?.stopped();
	}
}, 60_000);

it('a media document whose file differs from what it says, or is no image or sound, is refused', async () => {
	const userUrl = await createUser(server(), 'ivy', 'i-pass', ['class-bad']);
	const classUrl = await createClass(server(), 'class-bad', 'admin', 'class-bad');
	const data = bytes(5);
	const good = { size: data.length, sha256: await sha256Hex(data.slice().buffer) };
	const put = (name: string, fields: Record<string, unknown>) =>
		adminFetch(server(), `/class-bad/${encodeURIComponent(mediaDocId('art', name))}`, {
			method: 'PUT',
			body: JSON.stringify({
				type: 'media',
				v: 1,
				deckId: 'art',
				name,
				contentType: 'image/png',
				...good,
				...fields,
				_attachments: {
					file: { content_type: 'image/png', data: base64(data) }
				}
			})
		});
	await put('swapped.png', { sha256: 'a'.repeat(64) });
	await put('short.png', { size: data.length + 1 });
	await put('page.png', { contentType: 'text/html' });
	await put('fine.png', {});

	const { db, engine } = await learner(userUrl, classUrl, 'ivy', 'i-pass');
	try {
		await engine.start();
		await until(async () => engine.status.refused.length === 3, 'three refusals');
		const refused = Object.fromEntries(engine.status.refused.map((r) => [r.id, r.errors]));
		expect(refused).toEqual({
			'media:art:swapped.png': ['file: does not match its size and SHA-256'],
			'media:art:short.png': ['file: does not match its size and SHA-256'],
			'media:art:page.png': ['contentType: must be an image or audio type']
		});
		expect((await db.media.toArray()).map((m) => m.name)).toEqual(['fine.png']);
	} finally {
		engine.stop();
		await engine.stopped();
	}
}, 60_000);
