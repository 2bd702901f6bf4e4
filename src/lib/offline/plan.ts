/**
 * What the service worker does with each request, and what it keeps ahead of time — pure rules, so
 * that they are tested without a browser (src/service-worker.ts applies them).
 *
 * - The office's data never goes into a cache: `/api/**` always goes to the network (the app keeps its
 *   own copy of the data in IndexedDB, see src/lib/state/persist.ts).
 * - A page (a navigation) tries the network first for a few seconds, then the kept app shell: every
 *   page of the app is the same shell (no page is rendered on the server), so one copy opens them all.
 * - Files under `/_app/immutable/` never change (their name carries their content's hash): from the
 *   cache when there, else from the network and kept. They survive an update of the app when unchanged.
 * - The database engine (`.wasm`, 34 MB) is not fetched ahead: it is kept once the app has used it.
 */

/** Where a request is answered from. */
export type Strategy = 'network' | 'page' | 'immutable' | 'static';

export interface RequestFacts {
	url: URL;
	method: string;
	mode: string;
	/** The request asks for part of a file (a Range header): never answered from or put into a cache. */
	ranged: boolean;
}

export const IMMUTABLE_PREFIX = '/_app/immutable/';

/** How long a page waits for the network before the kept shell opens instead. */
export const PAGE_TIMEOUT_MS = 3000;

/** Files too big to fetch at install; kept at first use instead. */
export const isEngineFile = (path: string): boolean => /\.wasm$/i.test(path);

export function strategyFor(req: RequestFacts, origin: string, staticFiles: ReadonlySet<string>): Strategy {
	const { url } = req;
	if (req.method !== 'GET' || url.origin !== origin || req.ranged) return 'network';
	const path = url.pathname;
	if (path === '/api' || path.startsWith('/api/')) return 'network';
	if (req.mode === 'navigate') return 'page';
	if (path.startsWith(IMMUTABLE_PREFIX)) return 'immutable';
	if (staticFiles.has(path)) return 'static';
	return 'network';
}

/**
 * The built files fetched at install: all of the app's code, styles, fonts and bundled data, but not the
 * engine, nor the older `.woff` copies of the fonts (every browser with a service worker reads `.woff2`).
 */
export const precacheBuild = (build: readonly string[]): string[] =>
	build.filter((p) => p.startsWith(IMMUTABLE_PREFIX) && !isEngineFile(p) && !/\.woff$/i.test(p));

/** The engine files (kept after the app has used them). */
export const engineFiles = (build: readonly string[]): string[] => build.filter(isEngineFile);

/** The files of static/ worth keeping: the icon, the manifest and the app's icons (not test or robots files). */
export const precacheStatic = (files: readonly string[]): string[] =>
	files.filter((p) => /\.(?:svg|png|ico|webmanifest|woff2?)$/i.test(p));

/** The kept files of an older version that the current one no longer has. */
export const stale = (kept: readonly string[], current: readonly string[]): string[] => {
	const now = new Set(current);
	return kept.filter((p) => !now.has(p));
};

/** A page answer that can serve as the app shell: a whole, successful HTML page from this origin. */
export function isShell(res: { ok: boolean; status: number; type: string; headers: Headers }): boolean {
	return (
		res.ok &&
		res.status === 200 &&
		res.type === 'basic' &&
		(res.headers.get('content-type') ?? '').toLowerCase().startsWith('text/html')
	);
}

/** The messages the page sends to the worker. */
export const MESSAGE = { skipWaiting: 'SKIP_WAITING', keepEngine: 'KEEP_ENGINE' } as const;
