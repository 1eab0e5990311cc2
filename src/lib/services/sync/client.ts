// The heavy part of sync: PouchDB (pouchdb-browser, about 43 KB gzipped). Only `manager.ts` imports
// this module, dynamically, when sync is on: the first screen never loads it.
import PouchDB from 'pouchdb-browser';
import { watchRevision } from '$lib/storage/revision';
import { appDb } from '../database';
import type { SyncConfig } from './config';
import { userDbUrl } from './config';
import { createSyncEngine, type SyncStatus } from './engine';
import { createEngineSlot } from './engine-slot';
import { createPushPacer } from './push-pacer';
import { idleMoment } from '../idle';
import type { Pouch, PouchFactory } from './pouch';

const open: PouchFactory = (name, options) => new PouchDB(name, options) as Pouch;

/** The name of this device's replica of a user's database (one per user). */
const replicaName = (user: string) => `recall-sync-${user}`;

export interface RunningSync {
	push(): Promise<number>;
	/** Stops sync; settles once its replications and its last rebuild have ended. */
	stop(): Promise<void>;
}

/** Retries come quickly at first, then at most every 30 s (PouchDB's default grows to 10 min). */
const backOff = (delay: number) => (delay === 0 ? 1000 : Math.min(delay * 2, 30_000));

/**
 * Starts live sync of this device with the user's database and the joined classes: pushes answers
 * as they are written (the revision counter), reconnects at once when the browser is back online.
 */
export async function runSync(
	config: SyncConfig,
	onStatus: (status: SyncStatus) => void
): Promise<RunningSync> {
	const db = appDb();
	const local = open(replicaName(config.user));
	const remoteOptions = { skip_setup: true };
	const slot = createEngineSlot(() =>
		createSyncEngine({
			db,
			local,
			remote: open(userDbUrl(config.server, config.user), remoteOptions),
			classes: config.classes.map((url) => open(url, remoteOptions)),
			device: config.device,
			now: () => new Date(),
			backOff,
			idle: idleMoment,
			onStatus: (status) => onStatus(navigator.onLine ? status : { ...status, state: 'offline' })
		})
	);
	// The revision moves with every answer, after the next card is on screen: the push follows
	// once answers are quiet, at an idle moment (see `push-pacer.ts`).
	const pacer = createPushPacer(() => slot.push(), idleMoment);
	const stopWatching = watchRevision(db, () => pacer.changed());
	const offline = () => onStatus({ ...slot.current.status, state: 'offline' });
	// Replication waits out its back-off; coming online is a reason to try at once, with a new
	// engine once the old one has wound down.
	const online = () => void slot.reconnect().catch(() => undefined);
	addEventListener('offline', offline);
	addEventListener('online', online);
	await slot.start();
	if (!navigator.onLine) offline();
	return {
		push: () => slot.push(),
		stop() {
			pacer.stop();
			stopWatching();
			removeEventListener('offline', offline);
			removeEventListener('online', online);
			return slot.stop();
		}
	};
}

/** Deletes this device's replica of a user's database (sign out): the study data stays. */
export async function dropReplica(user: string): Promise<void> {
	await open(replicaName(user)).destroy();
}
