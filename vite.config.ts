import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { chunkGroups } from './scripts/chunk-groups.ts';
import { MEDIA_EXTENSIONS } from './src/lib/deck/media.ts';

/** Unit tests that need a module graph of their own: they use the app's database singleton. */
const ISOLATED = [
	// Loads the module afresh for each test (its foreground jobs are module state): in the shared
	// worker that would give the files after it second copies of the modules they share.
	'tests/unit/services/idle.test.ts',
	'tests/unit/services/studio-media.test.ts',
	'tests/unit/storage/snapshots.test.ts',
	'tests/unit/storage/transfer.test.ts'
];

export default defineConfig({
	resolve: {
		alias: {
			// PouchDB (sync) extends Node's EventEmitter: in the browser, the `events` package.
			events: fileURLToPath(new URL('node_modules/events/events.js', import.meta.url))
		}
	},
	plugins: [
		sveltekit(),
		chunkGroups(),
		SvelteKitPWA({
			// A new version waits for the learner (never reloads in the middle of a review).
			registerType: 'prompt',
			injectRegister: false,
			// SvelteKit builds with relative paths, so the plugin would register `./sw.js` from the page's
			// own folder (a first visit to /library/cards/ asked for /library/sw.js). One worker at the
			// root controls every page.
			base: '/',
			scope: '/',
			manifestFilename: 'manifest.webmanifest',
			manifest: {
				id: '/',
				name: 'Recall',
				short_name: 'Recall',
				description: 'Spaced-repetition study and quizzes that work offline.',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				orientation: 'portrait',
				theme_color: '#1f4e8c',
				background_color: '#f5f7fa',
				categories: ['education'],
				icons: [
					{ src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
					{ src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
					{
						src: '/icon-maskable-512.png',
						sizes: '512x512',
						type: 'image/png',
						purpose: 'maskable'
					}
				],
				screenshots: [
					{
						src: '/screenshots/review.png',
						sizes: '390x844',
						type: 'image/png',
						form_factor: 'narrow',
						label: 'Reviewing a card'
					}
				],
				shortcuts: [{ name: 'Start review', short_name: 'Review', url: '/review/' }]
			},
			workbox: {
				globPatterns: [
					// wasm: the Anki package reader's SQLite and the schedule optimizer, so both work offline.
					'client/**/*.{js,css,ico,png,svg,webp,webmanifest,wasm}',
					'prerendered/**/*.{html,json}',
					// Bundled decks' pictures and sounds (src/routes/decks/media), installed from here offline.
					`prerendered/**/decks/media/**/*.{${MEDIA_EXTENSIONS.join(',')}}`
				],
				// Workbox leaves out files over 2 MB without failing; a bundled deck's picture may have
				// 8 MB and a sound 16 MB (the build refuses larger ones), and each must work offline.
				maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
				// Screenshots are for the install dialog, not for studying offline.
				globIgnores: ['**/screenshots/**'],
				navigateFallback: null,
				// Pages are folders (review/index.html, precached as `review/`), which any static host
				// serves. Pages read their query (?deck=…) in the browser: /review/?deck=x is the
				// /review/ page.
				ignoreURLParametersMatching: [/.*/],
				cleanupOutdatedCaches: true,
				runtimeCaching: [
					{
						// A page asked for without its slash (a typed or old link, /review?deck=x) goes
						// where a file server would send it, also offline: the worker answers with the
						// redirect, and the precache serves the page it points to. Serialised into sw.js,
						// so it must stand alone.
						urlPattern: ({ request, url, sameOrigin }) =>
							sameOrigin &&
							request.mode === 'navigate' &&
							// Not a folder already, nor a file (decks/index.json): its last part has no dot.
							/\/[^/.]+$/.test(url.pathname),
						handler: async ({ url }) =>
							Response.redirect(`${url.origin}${url.pathname}/${url.search}`, 301)
					}
				]
			},
			kit: { trailingSlash: 'always', includeVersionFile: true }
		})
	],
	test: {
		environment: 'node',
		// The fuzz suites run 1,000 cases each: seconds on a quiet machine, several times that on a
		// shared 2-core CI machine under load, where vitest's 5 s default timed them out.
		testTimeout: 60_000,
		expect: { requireAssertions: true },
		projects: [
			{
				// Each test file makes its own database (tests/fixtures/db.ts), so the files need not
				// each get a fresh module graph: sharing one per worker halved the suite's time.
				extends: true,
				test: {
					name: 'shared',
					include: ['tests/unit/**/*.test.ts'],
					exclude: ISOLATED,
					isolate: false
				}
			},
			{
				// Files that use the app's own database (the global fake IndexedDB) and the build.
				extends: true,
				test: {
					name: 'isolated',
					include: [...ISOLATED, 'tests/build/**/*.test.ts'],
					isolate: true
				}
			}
		]
	}
});
