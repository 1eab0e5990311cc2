// What the page and the sync worker (`sync-worker.ts`) tell each other. Types only: the page's side
// (`client.ts`) loads none of the worker's code.
import type { SyncStatus } from './engine';

/** What a running sync needs, worked out on the page from the sync settings. */
export interface SyncJob {
	/** This device's replica (a PouchDB database in IndexedDB). */
	replica: string;
	/** The learner's database on the server. */
	remote: string;
	/** Class databases to receive decks from. */
	classes: string[];
	device: string;
	/** The page's `navigator.onLine` when it started the worker. */
	online: boolean;
}

/**
 * The page asks: start a sync; the network came back or went (the page's own `online` and
 * `offline` events, which a worker may not get); stop; or, with no sync running, delete a replica.
 */
export type SyncRequest =
	| { kind: 'start'; job: SyncJob }
	| { kind: 'online' }
	| { kind: 'offline' }
	| { kind: 'stop' }
	| { kind: 'drop'; replica: string };

/**
 * The worker answers: each status of the engine; the sync started (its first push and pull done,
 * live replication under way); it stopped and its replications wound down; the replica is
 * deleted; or what went wrong, in words.
 */
export type SyncReply =
	| { kind: 'status'; status: SyncStatus }
	| { kind: 'started' }
	| { kind: 'stopped' }
	| { kind: 'dropped' }
	| { kind: 'failed'; error: string };
