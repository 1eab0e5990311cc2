// PouchDB's packages ship no types. The app types the part it uses in services/sync/pouch.ts; the
// test server only passes these modules to each other.
declare module 'pouchdb-core' {
	const PouchDB: any; // eslint-disable-line @typescript-eslint/no-explicit-any
	export default PouchDB;
}
declare module 'pouchdb-adapter-memory';
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-mapreduce';
declare module 'pouchdb-replication';
declare module 'express-pouchdb' {
	const expressPouchDB: any; // eslint-disable-line @typescript-eslint/no-explicit-any
	export default expressPouchDB;
}
declare module 'pouchdb-browser' {
	const PouchDB: any; // eslint-disable-line @typescript-eslint/no-explicit-any
	export default PouchDB;
}
