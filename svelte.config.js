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
			fallback: 'index.html',
			precompress: process.env.PRECOMPRESS !== 'false',
			strict: true
		}),
		alias: { $data: 'data' }
	}
};

export default config;
