// Everything runs in the browser: DuckDB-wasm, the data and the charts. The static build serves
// one index.html for every route.
import { browser } from '$app/environment';
import { i18nReady } from '$lib/i18n/index.svelte';

export const ssr = false;
export const prerender = false;

// DuckDB's worker and wasm start at the app's first line, in parallel with everything else (the
// pages' code, the kept answers); the data session takes the same engine when it opens. The login
// page needs no data.
if (browser && location.pathname !== '/login') {
	void import('$lib/db/engine-browser').then((m) => m.startBrowserEngine()).catch(() => undefined);
	void import('$lib/db').catch(() => undefined);
}

/** English, when this browser chose it, is loaded before the first page is drawn (no Vietnamese flash). */
export async function load() {
	if (browser) await i18nReady();
}
