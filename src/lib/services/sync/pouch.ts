/**
 * The part of PouchDB's API the sync engine uses. Written out here (PouchDB ships no types), so the
 * engine runs on pouchdb-browser in the app and on pouchdb-core's memory adapter in Node tests.
 */
export interface PouchDoc {
	_id: string;
	_rev?: string;
	_deleted?: boolean;
	[key: string]: unknown;
}

export interface PouchChange {
	id: string;
	seq: number | string;
	deleted?: boolean;
	doc?: PouchDoc;
}

export interface PouchEmitter {
	on(event: string, listener: (...args: never[]) => void): PouchEmitter;
	cancel(): void;
}

export interface ReplicationOptions {
	live?: boolean;
	retry?: boolean;
	back_off_function?: (delay: number) => number;
	/** Which documents to replicate (PouchDB runs it on this side). */
	filter?: (doc: PouchDoc) => boolean;
	/** Which documents to replicate, as a Mango selector the source applies (the server's
	 * `_changes?filter=_selector` when it is the source). */
	selector?: Record<string, unknown>;
	/** `sync` only: options for one direction. */
	push?: Omit<ReplicationOptions, 'push' | 'pull'>;
	pull?: Omit<ReplicationOptions, 'push' | 'pull'>;
}

export interface Pouch {
	name: string;
	allDocs(options: {
		keys?: string[];
		startkey?: string;
		endkey?: string;
		include_docs?: boolean;
	}): Promise<{ rows: { id: string; value?: { rev: string }; doc?: PouchDoc | null }[] }>;
	bulkDocs(docs: PouchDoc[]): Promise<({ ok?: boolean; id?: string; error?: string } | object)[]>;
	changes(options: {
		since: number | string;
		include_docs?: boolean;
		limit?: number;
	}): Promise<{ results: PouchChange[]; last_seq: number | string }>;
	get(id: string): Promise<PouchDoc>;
	/** An attachment's bytes: a Blob in the browser, a Buffer (a Uint8Array) in Node. */
	getAttachment(docId: string, name: string): Promise<Blob | Uint8Array>;
	put(doc: PouchDoc): Promise<{ ok: boolean; rev: string }>;
	info(): Promise<{ doc_count: number; update_seq: number | string }>;
	destroy(): Promise<unknown>;
	close(): Promise<unknown>;
	sync(remote: Pouch, options: ReplicationOptions): PouchEmitter;
	replicate: {
		from(remote: Pouch, options: ReplicationOptions): PouchEmitter;
	};
}

/** Opens a database by name (local) or URL (remote), PouchDB's constructor. */
export type PouchFactory = (nameOrUrl: string, options?: Record<string, unknown>) => Pouch;
