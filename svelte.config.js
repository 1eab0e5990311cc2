import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

const buildDir = process.env.BUILD_DIR ?? 'build';
const kitOutDir = process.env.KIT_OUT_DIR ?? '.svelte-kit';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// BUILD_DIR and KIT_OUT_DIR let two builds run side by side (tests in parallel checkouts).
		adapter: adapter({ pages: buildDir, assets: buildDir, strict: true }),
		outDir: kitOutDir,
		// The PWA plugin registers its own worker (see src/lib/components/UpdatePrompt.svelte).
		serviceWorker: { register: false },
		// Card text comes from decks that may be imported from strangers: only our own scripts run.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				// Decks can be imported from a link on any https host; scripts still only from us.
				'connect-src': ['self', 'https:'],
				'object-src': ['none'],
				'base-uri': ['self']
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
