// `npm run sync:server`: the test server on a fixed port, to try sync between two browsers on one
// machine. Data lives in memory and is gone when it stops.
import { startSyncServer } from './server';
import { createUser } from './users';

const port = Number(process.env.SYNC_PORT ?? 5984);
const server = await startSyncServer({ port });
const user = process.env.SYNC_USER ?? 'learner';
const password = process.env.SYNC_PASSWORD ?? 'learner';
await createUser(server, user, password);
console.log(`CouchDB-protocol server at ${server.url} (data in memory; Ctrl-C stops it)`);
console.log(`  admin: ${server.admin.name} / ${server.admin.password}`);
console.log(`  learner: ${user} / ${password}  (Settings -> Sync: address ${server.url})`);
