/**
 * A Vite plugin that puts the client's statically imported modules into a few large chunks instead
 * of rolldown's default: one chunk per set of *importers*, where every lazily imported module counts
 * as an importer of its own. The default split the app into some 90 chunks, 45 of them loaded before
 * the review screen could run, many under 1 KB: on a phone on a slow network each costs a round trip,
 * and on an HTTP/1.1 host six go at a time.
 *
 * The rule:
 * - `shell`: what the entry, the root layout, the error page and the home page (the start page)
 *   load statically. Every page loads the shell; the home page loads nothing else.
 * - `study`: what else the review screen (the other page people open first) loads statically.
 * - Every other statically loaded module: one chunk per exact set of pages that load it, so those
 *   pages load nothing they did not load before.
 * Modules that only lazy imports reach keep rolldown's own splitting, so the heavy parts (studio,
 * Anki reader, optimizer, sync) still load on demand. A page other than home loads the few KB of
 * home's own code with the shell, and a page that shares a module with the review screen loads the
 * `study` chunk: small costs for one round trip instead of a dozen.
 */
import type { Plugin } from 'vite';

const NODE = /[\\/]generated[\\/]client-optimized[\\/]nodes[\\/]\d+\.js$/;
const ENTRY =
	/[\\/]generated[\\/]client-optimized[\\/]app\.js$|@sveltejs[\\/]kit[\\/]src[\\/]runtime[\\/]client[\\/]entry\.js$/;
const ROUTES = /[\\/]src[\\/]routes[\\/](.*[\\/])?\+(page|layout)\.svelte$/;
const HOME = /[\\/]src[\\/]routes[\\/]\+(page|layout)\.svelte$/;
const REVIEW = /[\\/]src[\\/]routes[\\/]review[\\/]\+page\.svelte$/;

/** The plugin; its `name` function is given to the client build's `codeSplitting` groups. */
export function chunkGroups(): Plugin {
	const imports = new Map<string, readonly string[]>();
	const dynamic = new Map<string, readonly string[]>();
	let groups: Map<string, string> | undefined;

	/** Every module `from` reaches through static imports, itself included. */
	function reach(from: string): Set<string> {
		const seen = new Set<string>([from]);
		const stack = [from];
		while (stack.length > 0) {
			for (const next of imports.get(stack.pop()!) ?? []) {
				if (seen.has(next)) continue;
				seen.add(next);
				stack.push(next);
			}
		}
		return seen;
	}

	/** Each statically loaded module's group, by the rule above. */
	function assign(): Map<string, string> {
		const named = new Map<string, string>();
		const pages = new Map<string, string[]>();
		const nodes = [...imports.keys()].filter((id) => NODE.test(id));
		const routeOf = (node: string) => (imports.get(node) ?? []).find((m) => ROUTES.test(m));
		// A node that imports nothing under src/routes is SvelteKit's own error page.
		const shellEntries = [...imports.keys()].filter((id) => ENTRY.test(id));
		for (const node of nodes) {
			const route = routeOf(node);
			if (route === undefined || HOME.test(route)) shellEntries.push(node);
		}
		for (const entry of shellEntries) for (const m of reach(entry)) named.set(m, 'shell');
		for (const node of nodes) {
			const route = routeOf(node);
			if (route === undefined || HOME.test(route)) continue;
			for (const m of reach(node)) {
				if (named.get(m) === 'shell') continue;
				if (REVIEW.test(route)) named.set(m, 'study');
				pages.set(m, [...(pages.get(m) ?? []), node.replace(/^.*[\\/]|\.js$/g, '')]);
			}
		}
		// What the shell loads lazily (sync, the update prompt's worker registration) keeps its own
		// chunks: in a page's chunk, its import would bring that page along.
		const lazy = new Set<string>();
		for (const [m, group] of named)
			if (group === 'shell')
				for (const d of dynamic.get(m) ?? []) for (const r of reach(d)) lazy.add(r);
		for (const [m, on] of pages)
			if (!named.has(m) && !lazy.has(m)) named.set(m, `pages-${on.sort().join('-')}`);
		// Entries stay chunks of their own: SvelteKit asks for them by name.
		for (const m of named.keys()) if (NODE.test(m) || ENTRY.test(m)) named.delete(m);
		return named;
	}

	return {
		name: 'recall-chunk-groups',
		apply: 'build',
		applyToEnvironment: (environment) => environment.name === 'client',
		moduleParsed(info) {
			imports.set(info.id, info.importedIds);
			dynamic.set(info.id, info.dynamicallyImportedIds);
		},
		buildStart() {
			imports.clear();
			dynamic.clear();
			groups = undefined;
		},
		configEnvironment(name) {
			if (name !== 'client') return;
			return {
				build: {
					rolldownOptions: {
						// Rolldown asks this of groups that leave imports out (see below); entry chunks
						// (SvelteKit's nodes) may then export more than their own module, which the app
						// never reads.
						preserveEntrySignatures: 'allow-extension',
						output: {
							codeSplitting: {
								// A module's static imports are in its own group or in a group of more pages
								// (or the shell), never in a smaller one, so the chunks cannot import each
								// other in a circle, and no group may drag its imports into itself.
								includeDependenciesRecursively: false,
								groups: [
									{
										name: (id: string) => {
											groups ??= assign();
											return groups.get(id) ?? null;
										}
									}
								]
							}
						}
					}
				}
			};
		}
	};
}
