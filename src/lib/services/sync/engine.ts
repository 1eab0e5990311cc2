import { createScheduler } from '$lib/scheduler';
import type { StudyDb } from '$lib/storage/db';
import { deckRow, installDeck } from '$lib/storage/decks';
import { putDeckMedia } from '$lib/storage/media';
import { getSetting, setSetting, settingsOf } from '$lib/storage/settings';
import { loadSettings } from '$lib/storage/study-settings';
import {
	applyRemoteDays,
	ownActionsSince,
	ownLogsSince,
	pendingReplays,
	replayDeck,
	replayPending,
	type RemoteDay
} from '$lib/storage/sync';
import {
	checkDoc,
	dayDocs,
	dayOf,
	newestSettings,
	othersDocsSelector,
	ownDocsSelector,
	syncedSettingKeys,
	settingsDocId,
	DOC_VERSION,
	type DayDoc,
	type DeckDoc,
	type SettingsDoc
} from './documents';
import type { Pouch, PouchDoc, PouchEmitter } from './pouch';
import { describeError } from './errors';
import { sha256Hex, type MediaDoc } from './media-docs';

/** What the learner sees: one state, in words on screen. */
export type SyncState = 'starting' | 'syncing' | 'synced' | 'waiting' | 'offline' | 'error';

export interface SyncStatus {
	state: SyncState;
	/** Answers written here and not yet acknowledged by the server. */
	waiting: number;
	lastSyncAt: number | null;
	error?: string;
	/** Incoming documents refused by the checks, with what was wrong: nothing of them was written. */
	refused: { id: string; errors: string[] }[];
}

/** What the engine keeps between runs, under the device-local `sync` setting key. */
interface Cursor {
	appliedSeq: number | string;
	pushedThrough: number;
	lastSyncAt: number | null;
	/** Each setting's last known value (JSON) and when it changed; `mine` when this device set it. */
	settings: Record<string, { json: string; at: number; mine: boolean }>;
}

const CURSOR_KEY = 'syncCursor';
const DAY = 86_400_000;
/**
 * Cards waiting for their rebuild beyond which a pull rebuilds them before replication settles:
 * keeps the list (a setting rewritten with each batch) bounded on a very large first sync.
 */
const REPLAY_AT_MOST = 20_000;
/** How long a start waits for the server's revisions of this device's own documents. */
const OWN_WAIT_MS = 5000;

export interface EngineOptions {
	db: StudyDb;
	/** This device's replica of the learner's database (PouchDB, in IndexedDB in the browser). */
	local: Pouch;
	/** The learner's database on the server. */
	remote: Pouch;
	/** Class databases to receive decks from (read only). */
	classes?: Pouch[];
	device: string;
	now: () => Date;
	onStatus?: (status: SyncStatus) => void;
	/** How long to wait before retrying after a failure, from the previous wait (PouchDB's option). */
	backOff?: (delay: number) => number;
	/**
	 * Resolves at a moment the learner's own work is not running (the browser's idle time):
	 * what replication brought in is applied then, never in the same task as an answer.
	 */
	idle?: () => Promise<void>;
}

export interface SyncEngine {
	/** Starts live replication (with retries), after one push of what is waiting. */
	start(): Promise<void>;
	/** Writes this device's new answers and settings into its replica, for replication to send. */
	push(): Promise<number>;
	/** Applies what replication brought in; resumes from its checkpoint after a crash. */
	pull(): Promise<void>;
	stop(): void;
	/**
	 * Resolves once the replications `stop` cancelled have wound down (their last requests ended,
	 * or after a few seconds) and the last pull's cards are rebuilt: what closes the server or the
	 * page, or deletes the replica, after a stop waits for it.
	 */
	stopped(): Promise<void>;
	readonly status: SyncStatus;
}

/**
 * The sync of one device: this device's day and settings documents go into its PouchDB replica,
 * PouchDB replicates the replica with the server, and incoming documents are checked and applied to
 * the study database (logs merged, touched cards replayed).
 * @example const engine = createSyncEngine({ db, local, remote, device, now: () => new Date() })
 */
export function createSyncEngine(options: EngineOptions): SyncEngine {
	const { db, local, remote, device, now } = options;
	const status: SyncStatus = { state: 'starting', waiting: 0, lastSyncAt: null, refused: [] };
	const feeds: PouchEmitter[] = [];
	/** Settles when a feed completes (after a cancel, once its requests have ended). */
	const completions: Promise<void>[] = [];
	let chain: Promise<unknown> = Promise.resolve();
	let stopped = false;

	const emit = (change: Partial<SyncStatus>) => {
		Object.assign(status, change);
		options.onStatus?.({ ...status, refused: [...status.refused] });
	};
	/** Push and pull run one at a time: each reads the cursor the one before saved. */
	const serial = <T>(job: () => Promise<T>): Promise<T> => {
		const next = chain.then(job, job);
		chain = next.catch(() => undefined);
		return next;
	};
	const idle = options.idle ?? (() => Promise.resolve());
	/** Work replication asks for (apply, settle): in turn, and at an idle moment. */
	const inBackground = <T>(job: () => Promise<T>): Promise<T> =>
		serial(async () => {
			await idle();
			return job();
		});
	const readCursor = async (): Promise<Cursor> => ({
		appliedSeq: 0,
		pushedThrough: 0,
		lastSyncAt: null,
		settings: {},
		...(await getSetting<Partial<Cursor>>(db, CURSOR_KEY, {}))
	});
	const saveCursor = (c: Cursor) => setSetting(db, CURSOR_KEY, c);
	/** The scheduler replays use: this device's settings, read when needed (sync may change them). */
	const scheduler = async () => createScheduler((await loadSettings(db)).scheduler);

	async function pushDays(cursor: Cursor, at: number): Promise<number> {
		// Whole days from two days before the last push: every row of each day read, so a day's
		// rows read before that time are not taken for undone ones.
		const start = cursor.pushedThrough > 0 ? dayOf(cursor.pushedThrough - 2 * DAY) : '';
		const since = start ? Date.parse(`${start}T00:00:00Z`) : 0;
		const logs = await ownLogsSince(db, since);
		const previous = await local.allDocs({
			startkey: `day:${device}:${start}`,
			endkey: `day:${device}:\uffff`,
			include_docs: true
		});
		const prev = new Map<string, DayDoc>();
		for (const row of previous.rows) if (row.doc) prev.set(row.id, row.doc as unknown as DayDoc);
		const days = [...prev.values()].map((d) => d.day);
		const actions = await ownActionsSince(db, since);
		const docs = dayDocs(device, logs, prev, days, actions);
		if (docs.length > 0) await local.bulkDocs(docs as unknown as PouchDoc[]);
		cursor.pushedThrough = at;
		return docs.reduce((n, d) => n + d.logs.length - (prev.get(d._id)?.logs.length ?? 0), 0);
	}

	async function pushSettings(cursor: Cursor, at: number): Promise<void> {
		// Only the keys that sync: the device-local ones include long lists (cards to rebuild).
		const rows = await settingsOf(db, syncedSettingKeys());
		let changed = false;
		for (const row of rows) {
			const json = JSON.stringify(row.value);
			if (cursor.settings[row.key]?.json === json) continue;
			cursor.settings[row.key] = { json, at, mine: true };
			changed = true;
		}
		if (!changed) return;
		const id = settingsDocId(device);
		const existing = await local.get(id).catch(() => undefined);
		const doc: SettingsDoc = {
			_id: id,
			...(existing?._rev ? { _rev: existing._rev } : {}),
			type: 'settings',
			v: DOC_VERSION,
			device,
			values: Object.entries(cursor.settings)
				.filter(([, s]) => s.mine)
				.map(([key, s]) => ({ key, value: JSON.parse(s.json) as unknown, at: s.at }))
		};
		await local.put(doc as unknown as PouchDoc);
	}

	const push = () =>
		serial(async () => {
			// A stopped engine writes nothing more: sign-out may be deleting the replica.
			if (stopped) return 0;
			const cursor = await readCursor();
			const at = now().getTime();
			const added = await pushDays(cursor, at);
			await pushSettings(cursor, at);
			await saveCursor(cursor);
			if (added > 0) emit({ waiting: status.waiting + added });
			return added;
		});

	async function applySettings(cursor: Cursor): Promise<void> {
		const all = await local.allDocs({
			startkey: 'settings:',
			endkey: 'settings:\uffff',
			include_docs: true
		});
		const docs: SettingsDoc[] = [];
		for (const row of all.rows) {
			const checked = checkDoc(row.doc);
			if (checked.ok && checked.doc.type === 'settings') docs.push(checked.doc);
		}
		// This device's own values count with the times it gave them.
		const own: SettingsDoc = {
			_id: settingsDocId(device),
			type: 'settings',
			v: DOC_VERSION,
			device,
			values: Object.entries(cursor.settings)
				.filter(([, s]) => s.mine)
				.map(([key, s]) => ({ key, value: JSON.parse(s.json) as unknown, at: s.at }))
		};
		const newest = newestSettings([...docs.filter((d) => d.device !== device), own]);
		const atOf = new Map<string, { at: number; device: string }>();
		for (const d of docs)
			for (const v of d.values) {
				const cur = atOf.get(v.key);
				if (!cur || v.at > cur.at) atOf.set(v.key, { at: v.at, device: d.device });
			}
		for (const [key, value] of newest) {
			const json = JSON.stringify(value);
			if (cursor.settings[key]?.json === json) continue;
			await setSetting(db, key, value);
			cursor.settings[key] = { json, at: atOf.get(key)?.at ?? 0, mine: false };
		}
	}

	async function applyDeck(doc: DeckDoc): Promise<void> {
		const installed = await deckRow(db, doc.deck.id);
		if (installed && installed.version >= doc.deck.version) return;
		await installDeck(db, doc.deck, { now: now(), bundled: installed?.bundled ?? false });
		await replayDeck(db, doc.deck.id, await scheduler());
	}

	/**
	 * Stores a media file that arrived (a class deck's image or sound), after checking the file is
	 * the one its document describes; a missing or different file is refused and named.
	 */
	async function applyMedia(doc: MediaDoc): Promise<string | undefined> {
		let bytes: ArrayBuffer;
		try {
			const file = await local.getAttachment(doc._id, 'file');
			// A copy as a plain ArrayBuffer (Node's Buffer may be a view of a larger, shared one).
			bytes = file instanceof Blob ? await file.arrayBuffer() : new Uint8Array(file).buffer;
		} catch {
			return 'file: missing';
		}
		if (bytes.byteLength !== doc.size || (await sha256Hex(bytes)) !== doc.sha256)
			return 'file: does not match its size and SHA-256';
		const blob = new Blob([bytes], { type: doc.contentType });
		await putDeckMedia(db, doc.deckId, [{ name: doc.name, type: doc.contentType, blob }]);
		return undefined;
	}

	const refuse = (id: string, errors: string[]) => {
		status.refused = [...status.refused.filter((r) => r.id !== id), { id, errors }];
	};

	/** Rebuilds the cards pulled logs changed, each once (see `replayPending`). */
	const replay = async () => {
		if ((await pendingReplays(db)) > 0) await replayPending(db, await scheduler());
	};

	/**
	 * Applies what replication brought in since the cursor: logs, actions, settings, decks and
	 * media. Cards whose logs changed are listed, and rebuilt by `replay` when replication settles
	 * (or when the list grows very long): a first sync brings each card's history in many batches.
	 */
	async function applyChanges(): Promise<void> {
		const cursor = await readCursor();
		let waiting = 0;
		for (;;) {
			const batch = await local.changes({
				since: cursor.appliedSeq,
				include_docs: true,
				limit: 100
			});
			if (batch.results.length === 0) break;
			const days: RemoteDay[] = [];
			let settingsChanged = false;
			for (const change of batch.results) {
				if (change.deleted || !change.doc || change.doc._deleted) continue;
				const raw = change.doc;
				if ((raw.type === 'day' || raw.type === 'settings') && raw.device === device) continue;
				const checked = checkDoc(raw);
				if (!checked.ok) {
					refuse(checked.id, checked.errors);
					continue;
				}
				const doc = checked.doc;
				if (doc.type === 'day')
					days.push({
						device: doc.device,
						logs: doc.logs,
						undone: doc.undone,
						actions: doc.actions ?? []
					});
				else if (doc.type === 'settings') settingsChanged = true;
				else if (doc.type === 'media') {
					const problem = await applyMedia(doc);
					if (problem) refuse(doc._id, [problem]);
				} else await applyDeck(doc);
			}
			if (settingsChanged) await applySettings(cursor);
			if (days.length > 0) waiting = (await applyRemoteDays(db, days)).waiting;
			cursor.appliedSeq = batch.last_seq;
			await saveCursor(cursor);
			if (waiting > REPLAY_AT_MOST) {
				await replay();
				waiting = 0;
			}
		}
		// Cards wait for their rebuild: not "synced" until it is done.
		if (waiting > 0 && status.state === 'synced') emit({ state: 'syncing' });
		if (status.refused.length > 0) emit({});
	}

	/** Applies what replication brought in and rebuilds the cards it changed. */
	const pull = () =>
		serial(async () => {
			await applyChanges();
			await replay();
		});

	/** Replication caught up (or went offline): the cards pulled logs changed are rebuilt now. */
	const settle = (online: boolean) => {
		const at = now().getTime();
		// In turn with push and pull: a save beside a pull's could put back an older cursor
		// (and the next pull would apply the same documents again).
		return inBackground(async () => {
			await replay();
			if (online) await saveCursor({ ...(await readCursor()), lastSyncAt: at });
		}).then(
			() => {
				if (online && !stopped)
					emit({ state: 'synced', waiting: 0, lastSyncAt: at, error: undefined });
			},
			(error: unknown) => fail(error)
		);
	};

	function watch(feed: PouchEmitter) {
		feeds.push(feed);
		completions.push(
			new Promise<void>((resolve) => {
				feed.on('complete', () => resolve());
			})
		);
		feed
			// A sync's own pushes come back as changes too: only what was pulled needs applying.
			.on('change', (info: { direction?: string }) => {
				if (info?.direction !== 'push') void inBackground(applyChanges).catch(fail);
			})
			.on('active', () => emit({ state: 'syncing', error: undefined }))
			.on('paused', (error: unknown) => {
				if (error) emit({ state: 'offline', error: describeError(error) });
				void settle(!error);
			})
			.on('denied', (error: unknown) => emit({ state: 'error', error: describeError(error) }))
			.on('error', (error: unknown) => fail(error));
	}

	/**
	 * Brings the server's revisions of this device's own documents into the replica, once, before
	 * anything is written: a replica made anew (signed out and in again) then extends them instead
	 * of writing a first revision beside the server's, a conflict. The live pull leaves them out
	 * (see `start`). Offline, or with no answer within a few seconds, the start goes on without.
	 */
	async function fetchOwn(): Promise<void> {
		const feed = local.replicate.from(remote, { selector: ownDocsSelector(device) });
		let timer: ReturnType<typeof setTimeout> | undefined;
		const done = new Promise<void>((resolve) => {
			feed.on('complete', () => resolve()).on('error', () => resolve());
		});
		completions.push(done);
		await Promise.race([done, new Promise<void>((r) => (timer = setTimeout(r, OWN_WAIT_MS)))]);
		clearTimeout(timer);
		feed.cancel();
	}

	function fail(error: unknown) {
		if (!stopped) emit({ state: 'error', error: describeError(error) });
	}

	return {
		status,
		push,
		pull,
		async start() {
			const cursor = await readCursor();
			emit({ lastSyncAt: cursor.lastSyncAt });
			await fetchOwn();
			if (stopped) return;
			await push();
			await pull();
			// Stopped while it pushed and pulled (a reconnect or sign-out): no replication begins.
			if (stopped) return;
			const live = {
				live: true,
				retry: true,
				...(options.backOff ? { back_off_function: options.backOff } : {})
			};
			// This device's own documents stay out of the pull: each push would otherwise come back
			// through the changes feed, with the checkpoints written again, some four requests more
			// per answer and the work of applying nothing (the server filters by the selector).
			watch(local.sync(remote, { ...live, pull: { selector: othersDocsSelector(device) } }));
			// A class's design documents are the server's rules (who may publish), not decks: they
			// stay there (the learner's own database would refuse them anyway).
			for (const c of options.classes ?? [])
				watch(
					local.replicate.from(c, { ...live, filter: (doc) => !doc._id.startsWith('_design/') })
				);
		},
		stop() {
			stopped = true;
			for (const f of feeds.splice(0)) f.cancel();
		},
		async stopped() {
			const waiting = completions.splice(0);
			let timer: ReturnType<typeof setTimeout> | undefined;
			await Promise.race([
				Promise.all(waiting),
				new Promise<void>((resolve) => (timer = setTimeout(resolve, 5000)))
			]);
			clearTimeout(timer);
			// The pull under way ends, and the cards it changed are rebuilt: sync stopping (sign-out,
			// a tab closing its replication) leaves no card behind its logs.
			await serial(replay).catch(() => undefined);
		}
	};
}
