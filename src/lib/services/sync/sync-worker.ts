// Sync in a Web Worker: PouchDB's replication, the engine that applies what it brings in, and the
// pushes of new answers run here, so the page's thread does none of it between answers (issue 17).
// The page (`client.ts`) starts one per running sync, passes on its `online` and `offline` events,
// and ends it once it has answered `stopped`. Loaded only when sync is on.
import PouchDB from 'pouchdb-browser';
import { StudyDb } from '$lib/storage/db';
import { idleMoment } from '../idle';
import type { Pouch, PouchFactory } from './pouch';
import { createSyncHost } from './sync-host';
import type { SyncReply, SyncRequest } from './sync-job';

const open: PouchFactory = (name, options) => new PouchDB(name, options) as Pouch;

const host = createSyncHost({
	db: new StudyDb(),
	open,
	post: (reply: SyncReply) => self.postMessage(reply),
	idle: idleMoment
});

self.onmessage = (event: MessageEvent<SyncRequest>) => void host.receive(event.data);
