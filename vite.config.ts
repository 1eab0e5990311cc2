import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			// A new version waits for the learner (never reloads in the middle of a review).
			registerType: 'prompt',
			injectRegister: false,
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
				shortcuts: [{ name: 'Start review', short_name: 'Review', url: '/review' }]
			},
			workbox: {
				globPatterns: [
					'client/**/*.{js,css,ico,png,svg,webp,webmanifest}',
					'prerendered/**/*.{html,json}'
				],
				// Screenshots are for the install dialog, not for studying offline.
				globIgnores: ['**/screenshots/**'],
				navigateFallback: null,
				// Pages read their query (?deck=…) in the browser: /review?deck=x is the /review page.
				ignoreURLParametersMatching: [/.*/],
				cleanupOutdatedCaches: true
			},
			kit: { trailingSlash: 'never', includeVersionFile: true }
		})
	],
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true }
	}
});
