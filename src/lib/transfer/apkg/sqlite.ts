import type { SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | undefined;

/**
 * Loads sql.js once, on demand: only an Anki import needs it. In the browser its wasm comes from
 * the app's own origin (`wasmUrl`, precached), never from elsewhere.
 */
export function loadSqlJs(wasmUrl?: string): Promise<SqlJsStatic> {
	loading ??= import('sql.js').then(({ default: init }) =>
		init(wasmUrl ? { locateFile: () => wasmUrl } : {})
	);
	// A failed load (offline before the wasm was cached) may be tried again.
	loading.catch(() => (loading = undefined));
	return loading;
}
