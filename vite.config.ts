import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// Which workspace the browser talks to (src/lib/workspace): the server's unless this is the static build.
	define: { __CHISO_SERVER__: JSON.stringify(!process.env.CHISO_STATIC) },
	// duckdb-wasm ships its own worker and wasm, loaded through `?url`; do not pre-bundle it.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	worker: { format: 'es' },
	build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
	server: { fs: { allow: ['data'] } },
	test: {
		include: ['src/**/*.spec.ts', 'tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
		environment: 'node',
		// English's catalogue loads on demand in the app (src/lib/i18n/english.svelte.ts); tests have it.
		setupFiles: ['tests/unit/setup-english.ts'],
		testTimeout: 60_000,
		hookTimeout: 60_000
	}
});
