// Turns sync on and off. One replication per device: the tab holding the Web Lock runs it, in a
// worker of its own (see `client.ts`), the others show its status (see `leader.ts`).
import { syncView } from '$lib/state/sync.svelte';
import { appDb } from '../database';
import { setSetting } from '$lib/storage/settings';
import { newDeviceId, readSyncConfig, writeSyncConfig, type SyncConfig } from './config';
import type { SyncStatus } from './engine';
import { serverAddress, signIn, signOut } from './session';
import { classAddress } from './class';
import { createSyncLeader, SYNC_LOCK, type ChannelLike, type SyncLeader } from './leader';
import { signOutDevice } from './sign-out';

function show(status: SyncStatus) {
	syncView.state = status.state;
	syncView.waiting = status.waiting;
	syncView.lastSyncAt = status.lastSyncAt;
	syncView.error = status.error;
	syncView.refused = status.refused;
}

function showOff() {
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

let leader: SyncLeader | undefined;

/** This tab's part in the device's one replication, made on first use. */
function tab(): SyncLeader {
	leader ??= createSyncLeader<SyncConfig>({
		locks: typeof navigator !== 'undefined' ? navigator.locks : undefined,
		channel:
			typeof BroadcastChannel !== 'undefined'
				? (new BroadcastChannel(`${SYNC_LOCK}-tabs`) as unknown as ChannelLike)
				: undefined,
		config: readSyncConfig,
		async run(config, onStatus) {
			const { runSync } = await import('./client');
			return runSync(config, onStatus);
		},
		show,
		starting: () => (syncView.state = 'starting'),
		elsewhere: () => (syncView.state = 'elsewhere'),
		off: showOff,
		failed(message) {
			syncView.state = 'error';
			syncView.error = message;
			// Offline before the sync code was loaded (the app not installed yet): try again when
			// the network is back.
			if (typeof navigator !== 'undefined' && !navigator.onLine)
				addEventListener('online', () => void startSyncIfOn(), { once: true });
		},
		changed() {
			// Signed in, out, or joined a class in another tab: run what the settings say now.
			if (leader?.leading) leader.stop();
			void startSyncIfOn();
		}
	});
	return leader;
}

/**
 * Starts sync when it is on: in this tab if no other tab runs it, otherwise shows that tab's
 * status. Called once the page has loaded; costs one settings read when sync is off.
 */
export async function startSyncIfOn(): Promise<void> {
	const config = await readSyncConfig();
	if (!config) {
		leader?.stop();
		return showOff();
	}
	syncView.server = config.server;
	syncView.user = config.user;
	syncView.classes = config.classes;
	tab().start();
}

/** Stops sync in this tab and tells the other tabs the settings changed. */
function restart() {
	tab().stop();
	tab().announce();
	return startSyncIfOn();
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
	await restart();
	return undefined;
}

/**
 * Signs out: sync stops, the session ends, this device's replica is deleted and its checkpoints
 * forgotten (a later sign-in sends everything again, which changes nothing). Study data stays.
 * The replica goes only once no tab replicates into it: the tab running sync (this one or
 * another) is told to stop, and the deletion waits for the sync lock it holds until its
 * replication has wound down, at most `SIGN_OUT_WAIT_MS`; after that nothing is deleted, sync
 * goes on, and the sentence to show comes back.
 */
export async function turnSyncOff(): Promise<string | undefined> {
	const problem = await signOutDevice({
		leader: tab(),
		readConfig: readSyncConfig,
		writeConfig: writeSyncConfig,
		endSession: signOut,
		forget: forgetReplica
	});
	if (problem) await startSyncIfOn();
	else showOff();
	return problem;
}

/** Deletes the replica and the checkpoints into it. */
async function forgetReplica(user: string): Promise<void> {
	const { dropReplica } = await import('./client');
	await dropReplica(user).catch(() => undefined);
	await setSetting(appDb(), 'syncCursor', null);
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
	await restart();
	return undefined;
}
