// Turns sync on and off and keeps one replication per device: the tab holding the Web Lock
// `recall-sync` runs it; other tabs show its status, sent over a BroadcastChannel.
import { syncView } from '$lib/state/sync.svelte';
import { appDb } from '../database';
import { setSetting } from '$lib/storage/settings';
import { newDeviceId, readSyncConfig, writeSyncConfig, type SyncConfig } from './config';
import type { SyncStatus } from './engine';
import { serverAddress, signIn, signOut } from './session';
import { classAddress } from './class';
import type { RunningSync } from './client';

const LOCK = 'recall-sync';
let running: RunningSync | undefined;
let releaseLock: (() => void) | undefined;
let channel: BroadcastChannel | undefined;
/** Moves on at every stop: a start still waiting for the lock or the sync code then stands down. */
let generation = 0;
/** A start is waiting for the lock (another tab, or a start a moment ago). */
let pending = false;

function show(status: SyncStatus) {
	syncView.state = status.state;
	syncView.waiting = status.waiting;
	syncView.lastSyncAt = status.lastSyncAt;
	syncView.error = status.error;
	syncView.refused = status.refused;
}

function listen() {
	if (channel || typeof BroadcastChannel === 'undefined') return;
	channel = new BroadcastChannel(LOCK);
	channel.onmessage = (event: MessageEvent<SyncStatus>) => {
		if (!running) show(event.data);
	};
}

async function run(config: SyncConfig, mine: number) {
	const { runSync } = await import('./client');
	if (mine !== generation) return;
	syncView.state = 'starting';
	const sync = await runSync(config, (status) => {
		show(status);
		channel?.postMessage(status);
	});
	// Stopped while it started (joining a class right after signing in restarts it): not this one.
	if (mine !== generation) sync.stop();
	else running = sync;
}

/**
 * Starts sync when it is on: in this tab if no other tab runs it, otherwise shows that tab's
 * status. Called once the page has loaded; costs one settings read when sync is off.
 */
export async function startSyncIfOn(): Promise<void> {
	const config = await readSyncConfig();
	syncView.server = config?.server;
	syncView.user = config?.user;
	syncView.classes = config?.classes ?? [];
	if (!config || running || releaseLock || pending) return;
	listen();
	const mine = generation;
	if (typeof navigator === 'undefined' || !navigator.locks) return run(config, mine);
	syncView.state = 'elsewhere';
	pending = true;
	void navigator.locks.request(LOCK, () => {
		// Stopped while waiting: give the lock to the start that came after.
		if (mine !== generation) return Promise.resolve();
		pending = false;
		return new Promise<void>((resolve) => {
			releaseLock = resolve;
			void run(config, mine).catch((error: unknown) => {
				syncView.state = 'error';
				syncView.error = error instanceof Error ? error.message : String(error);
			});
		});
	});
}

/** Stops sync in this tab (signing out, or the page going away). */
function stop() {
	generation++;
	pending = false;
	running?.stop();
	running = undefined;
	releaseLock?.();
	releaseLock = undefined;
}

/**
 * Signs in and turns sync on. A wrong password or an unknown server changes nothing and comes
 * back as the sentence to show.
 */
export async function turnSyncOn(
	serverText: string,
	user: string,
	password: string
): Promise<string | undefined> {
	const server = serverAddress(serverText);
	if (!server) return 'The server address must start with https:// (or http:// on this machine).';
	if (!user.trim()) return 'Enter your user name.';
	const result = await signIn(server, user.trim(), password);
	if (!result.ok) return result.error;
	const previous = await readSyncConfig();
	await writeSyncConfig({
		server,
		user: user.trim(),
		device: previous?.device ?? newDeviceId(),
		classes: previous?.classes ?? [],
		...(previous?.publishTo ? { publishTo: previous.publishTo } : {})
	});
	await startSyncIfOn();
	return undefined;
}

/**
 * Signs out: sync stops, the session ends, this device's replica is deleted and its checkpoints
 * forgotten (a later sign-in sends everything again, which changes nothing). Study data stays.
 */
export async function turnSyncOff(): Promise<void> {
	const config = await readSyncConfig();
	stop();
	if (!config) return;
	await signOut(config.server);
	const { dropReplica } = await import('./client');
	await dropReplica(config.user).catch(() => undefined);
	await setSetting(appDb(), 'syncCursor', null);
	await writeSyncConfig(undefined);
	Object.assign(syncView, {
		state: 'off',
		waiting: 0,
		lastSyncAt: null,
		error: undefined,
		refused: [],
		server: undefined,
		user: undefined,
		classes: []
	});
}

/**
 * Joins a class: its decks (and their new versions) arrive with the next sync. `text` is the class
 * link an instructor shared, the class's name on the learner's server, or its database address.
 */
export async function joinClass(text: string): Promise<string | undefined> {
	const config = await readSyncConfig();
	if (!config) return 'Sign in to a sync server first.';
	const address = classAddress(text, config.server);
	if (!address)
		return 'A class is its link, its name on your sync server (such as class-bio), or its address.';
	if (config.classes.includes(address)) return undefined;
	await writeSyncConfig({ ...config, classes: [...config.classes, address] });
	stop();
	await startSyncIfOn();
	return undefined;
}
