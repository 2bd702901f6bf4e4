import adapterNode from '@sveltejs/adapter-node';
import adapterStatic from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { CSP_DIRECTIVES } from './scripts/csp.js';

/**
 * Two builds. The default is the office's server (adapter-node): the app, its JSON API under /api, a
 * database. `CHISO_STATIC=1` (npm run build:static) is the static single-page app for one person:
 * every route falls back to index.html and runs in the browser; it has no server, so the API routes
 * are not emitted and src/hooks.server.ts passes every request through.
 */
const STATIC = !!process.env.CHISO_STATIC;
const out = process.env.BUILD_DIR ?? 'build';

/** The server's Content-Security-Policy for pages (SvelteKit adds the hash of its inline bootstrap). */
const csp = { mode: /** @type {'hash'} */ ('hash'), directives: CSP_DIRECTIVES };

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Static: pre-compressed .gz/.br copies for the web server; `PRECOMPRESS=false` skips them (tests:
		// brotli on the 34 MB wasm alone takes over a minute). The node build compresses nothing ahead.
		adapter: STATIC
			? adapterStatic({
					pages: out,
					assets: out,
					fallback: 'index.html',
					precompress: process.env.PRECOMPRESS !== 'false',
					strict: true
				})
			: adapterNode({ out, precompress: process.env.PRECOMPRESS === 'true' }),
		// A separate KIT_OUT_DIR (with BUILD_DIR) lets the benchmark build beside a running test build.
		outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
		alias: { $data: 'data' },
		// src/service-worker.ts is registered by the app (src/lib/offline/app-update.svelte.ts), which
		// then follows its updates; SvelteKit's own inline registration would not let it.
		serviceWorker: { register: false },
		// Pages name the app's files from the root (/_app/…), not relative to their own depth: every page is
		// then the same shell, and the one the service worker keeps opens any of them offline.
		paths: { relative: false },
		// The bench page (bench/, built only by `npm run bench`) is type-checked with the app.
		typescript: {
			config: (tsconfig) => ({ ...tsconfig, include: [...tsconfig.include, '../bench/**/*.ts'] })
		},
		// The server's API takes JSON only (a cross-site form cannot send it) and src/hooks.server.ts
		// refuses a write from another Origin with a JSON 403; SvelteKit's own check would answer in text.
		...(STATIC ? {} : { csp, csrf: { trustedOrigins: ['*'] } })
	}
};

export default config;
