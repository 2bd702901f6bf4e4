/**
 * The bench page (bench/index.html), built only by `npm run bench`: a plain Vite build, not a SvelteKit
 * route, so that nothing of it is in the app's build. It is written into the app's bench build folder
 * (BUILD_DIR, after the app's own build: `bench/index.html`, `bench/assets/`) and `vite preview` with
 * this config serves that folder — the app at `/` (the static build's index.html for every other path)
 * and the bench page at `/bench/`.
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
	root,
	publicDir: false,
	// The app's modules, under the aliases SvelteKit gives them (svelte.config.js).
	resolve: { alias: { $lib: `${root}src/lib`, $data: `${root}data` } },
	plugins: [svelte()],
	// As the app's build (vite.config.ts); the bench measures the local workspace (the static build).
	define: { __CHISO_SERVER__: 'false' },
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	worker: { format: 'es' },
	build: {
		target: 'es2022',
		chunkSizeWarningLimit: 1500,
		outDir: process.env.BUILD_DIR ?? 'build-bench',
		emptyOutDir: false,
		assetsDir: 'bench/assets',
		rollupOptions: {
			input: `${root}bench/index.html`,
			output: {
				// DuckDB's wasm and worker at the URLs the app's build gives the same files (SvelteKit's
				// `_app/immutable/assets/[name].[hash]`): the bench page, opened after the app, finds them in
				// the browser's caches (compiled wasm included) as a page of the app would.
				assetFileNames: ({ names }) =>
					names.some((n) => n.startsWith('duckdb'))
						? '_app/immutable/assets/[name].[hash][extname]'
						: 'bench/assets/[name]-[hash][extname]'
			}
		}
	}
});
