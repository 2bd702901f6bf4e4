import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A static single-page app: every route falls back to index.html and runs in the browser.
		// Pre-compressed .gz/.br copies for the web server; `PRECOMPRESS=false` skips them (tests: brotli
		// on the 34 MB wasm alone takes over a minute).
		adapter: adapter({
			pages: process.env.BUILD_DIR ?? 'build',
			assets: process.env.BUILD_DIR ?? 'build',
			fallback: 'index.html',
			precompress: process.env.PRECOMPRESS !== 'false',
			strict: true
		}),
		// A separate KIT_OUT_DIR (with BUILD_DIR) lets the benchmark build beside a running test build.
		outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
		alias: { $data: 'data' },
		// The bench page (bench/, built only by `npm run bench`) is type-checked with the app.
		typescript: {
			config: (tsconfig) => ({ ...tsconfig, include: [...tsconfig.include, '../bench/**/*.ts'] })
		}
	}
};

export default config;
