import { getSetting, setSetting } from '$lib/storage/settings';
import { appDb } from '../database';

/** What this device keeps about sync (device-local: never in a backup, never synced). */
export interface SyncConfig {
	/** The server's address, for example `https://couch.example.org`. */
	server: string;
	user: string;
	/** This device's id: its day documents are named after it. */
	device: string;
	/** Class databases joined (full URLs). */
	classes: string[];
	/** The class each deck was last published to from this device's studio (deck id -> name). */
	publishTo?: Record<string, string>;
}

const KEY = 'sync';

/** The sync configuration, or undefined when sync is off. Small: the first screen may read it. */
export async function readSyncConfig(): Promise<SyncConfig | undefined> {
	const value = await getSetting<SyncConfig | null>(appDb(), KEY, null);
	return value ?? undefined;
}

export async function writeSyncConfig(config: SyncConfig | undefined): Promise<void> {
	await setSetting(appDb(), KEY, config ?? null);
}

/** A new device id: lowercase letters, digits and dashes, as the documents' checks expect. */
export const newDeviceId = () => crypto.randomUUID();

/** The database CouchDB's couch_peruser gives a user: `userdb-` and the name's UTF-8 bytes in hex. */
export function userDbUrl(server: string, user: string): string {
	const hex = [...new TextEncoder().encode(user)].map((b) => b.toString(16).padStart(2, '0'));
	return `${server.replace(/\/+$/, '')}/userdb-${hex.join('')}`;
}
