/**
 * The Content-Security-Policy of the server build, in one place: svelte.config.js gives it to
 * SvelteKit (pages, with the hash of the inline bootstrap script) and scripts/serve.js sends it with
 * every other file (a Worker's script takes its policy from its own response).
 */
export const CSP_DIRECTIVES = {
	'default-src': ['self'],
	// DuckDB-wasm compiles WebAssembly; nothing else is evaluated.
	'script-src': ['self', 'wasm-unsafe-eval'],
	// data: and blob: never leave the machine: Vite inlines small bundled files (units.csv) as data: URLs
	// and the app reads them with fetch.
	'connect-src': ['self', 'data:', 'blob:'],
	'worker-src': ['self', 'blob:'],
	'img-src': ['self', 'data:', 'blob:'],
	'font-src': ['self', 'data:'],
	// ECharts and Svelte transitions set inline styles.
	'style-src': ['self', 'unsafe-inline'],
	'object-src': ['none'],
	'base-uri': ['none'],
	'form-action': ['self'],
	'frame-ancestors': ['none']
};

const KEYWORDS = new Set(['self', 'none', 'unsafe-inline', 'wasm-unsafe-eval', 'unsafe-eval']);

/** The directives as a header value. */
export function cspHeader(directives = CSP_DIRECTIVES) {
	return Object.entries(directives)
		.map(([k, v]) => `${k} ${v.map((s) => (KEYWORDS.has(s) ? `'${s}'` : s)).join(' ')}`)
		.join('; ');
}
