import adapter from '@sveltejs/adapter-static';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// The one inline script of src/app.html (the theme, applied before the first paint) is allowed by
// its hash, so the policy can still refuse every other inline script.
const themeScript =
	/<script>([^<]*)<\/script>/.exec(readFileSync('src/app.html', 'utf8'))?.[1] ?? '';
const themeHash = `sha256-${createHash('sha256').update(themeScript).digest('base64')}`;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', strict: true }),
		// The PWA plugin registers its own worker (see src/lib/components/UpdatePrompt.svelte).
		serviceWorker: { register: false },
		// Every stylesheet is small (the largest about 5 KB): inlined, the first paint waits for no
		// request after the page itself. The policy below allows inline styles ('unsafe-inline'), so
		// SvelteKit adds no style hashes (a hash would make browsers ignore 'unsafe-inline').
		inlineStyleThreshold: 8 * 1024,
		// Card text comes from decks that may be imported from strangers: only our own scripts run.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// wasm-unsafe-eval: the Anki package reader compiles SQLite's wasm (served from here).
				'script-src': ['self', themeHash, 'wasm-unsafe-eval'],
				'style-src': ['self', 'unsafe-inline'],
				// blob: pictures and sounds of imported decks, from IndexedDB through object URLs.
				'img-src': ['self', 'data:', 'blob:'],
				'media-src': ['self', 'blob:'],
				// Decks can be imported from a link on any https host; scripts still only from us. A
				// sync server is https too, or on this machine (`npm run sync:server`, the tests).
				'connect-src': ['self', 'https:', 'http://localhost:*', 'http://127.0.0.1:*'],
				'object-src': ['none'],
				'base-uri': ['self']
			}
		},
		prerender: {
			// The media of bundled decks (/decks/media/…) is a route with one file per picture or
			// sound; when no bundled deck has any, it has nothing to prerender, and that is fine.
			// Any other route left out still stops the build.
			handleUnseenRoutes: ({ routes, message }) => {
				if (routes.some((id) => id !== '/decks/media/[deck]/[file]')) throw new Error(message);
			}
		},
		typescript: {
			// Type-check the scripts, tests and tool configs too, not only src/.
			config: (config) => {
				config.include.push('../scripts/**/*.ts', '../playwright.config.ts', '../decks/**/*.ts');
			}
		}
	}
};

export default config;
