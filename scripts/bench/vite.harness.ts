// Bundles the benchmark harness: the app's own storage and scheduler code, exposed to the page.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
	resolve: { alias: { $lib: fileURLToPath(new URL('../../src/lib', import.meta.url)) } },
	build: {
		lib: {
			entry: fileURLToPath(new URL('./harness.ts', import.meta.url)),
			formats: ['es'],
			fileName: () => 'bench-harness.js'
		},
		// Where `vite preview` of the SvelteKit app serves static client files from.
		outDir: '.svelte-kit/output/client',
		emptyOutDir: false,
		minify: true
	}
});
