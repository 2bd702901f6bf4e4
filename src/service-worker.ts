/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The app offline (src/lib/offline/plan.ts says what goes where). Two caches:
 * - `chiso-shell-<version>`: the app shell (the one HTML page every route opens) and the files of
 *   static/ (icons, manifest); one per version of the app, the older ones dropped when a new one takes over;
 * - `chiso-immutable`: the content-hashed files of the app (code, styles, fonts, bundled data, and the
 *   database engine once used); a file the new version still has is not downloaded again.
 * A new version waits until the person chooses to reload (the page sends SKIP_WAITING); it never takes
 * over by itself. Nothing from /api is ever cached.
 */
import { build, files, version } from '$service-worker';
import {
	engineFiles,
	isShell,
	MESSAGE,
	PAGE_TIMEOUT_MS,
	precacheBuild,
	precacheStatic,
	stale,
	strategyFor
} from '$lib/offline/plan';

const sw = self as unknown as ServiceWorkerGlobalScope;
const SHELL = `chiso-shell-${version}`;
const IMMUTABLE = 'chiso-immutable';
/** The key of the app shell in the shell cache. */
const SHELL_KEY = '/';
const STATIC = new Set(precacheStatic(files));

/** Keep a copy of the shell, without the redirect it may have followed (a kept redirect cannot answer a page). */
async function keepShell(cache: Cache, res: Response): Promise<void> {
	const body = await res.blob();
	await cache.put(SHELL_KEY, new Response(body, { status: 200, headers: res.headers }));
}

/** Fetch the files not yet kept, a few at a time. */
async function keepMissing(cache: Cache, paths: readonly string[]): Promise<void> {
	const kept = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
	const queue = paths.filter((p) => !kept.has(p));
	const worker = async () => {
		for (let p = queue.shift(); p; p = queue.shift()) {
			const res = await fetch(p);
			if (!res.ok) throw new Error(`${p}: HTTP ${res.status}`);
			await cache.put(p, res);
		}
	};
	await Promise.all([worker(), worker(), worker(), worker()]);
}

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const shell = await caches.open(SHELL);
			await shell.addAll([...STATIC]);
			await keepMissing(await caches.open(IMMUTABLE), precacheBuild(build));
			// The shell as this server gives it now (with its Content-Security-Policy).
			const res = await fetch(SHELL_KEY, { credentials: 'same-origin', cache: 'no-cache' }).catch(() => null);
			if (res && isShell(res)) await keepShell(shell, res);
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys())
				if (key.startsWith('chiso-shell-') && key !== SHELL) await caches.delete(key);
			const immutable = await caches.open(IMMUTABLE);
			const kept = (await immutable.keys()).map((r) => new URL(r.url).pathname);
			for (const p of stale(kept, build)) await immutable.delete(p);
			// The first version takes the page it was installed from (there is no older one to displace).
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	const type = (event.data as { type?: unknown } | null)?.type;
	if (type === MESSAGE.skipWaiting) void sw.skipWaiting();
	// The app has opened its database: keep the engine it used for the next time (the first page was
	// not yet served by this worker, so it did not pass through here).
	else if (type === MESSAGE.keepEngine)
		event.waitUntil(caches.open(IMMUTABLE).then((c) => keepMissing(c, engineFiles(build))));
});

async function immutableFile(request: Request): Promise<Response> {
	const cache = await caches.open(IMMUTABLE);
	const hit = await cache.match(request);
	if (hit) return hit;
	const res = await fetch(request);
	if (res.ok && res.status === 200) await cache.put(request, res.clone());
	return res;
}

async function staticFile(request: Request): Promise<Response> {
	const hit = await (await caches.open(SHELL)).match(request, { ignoreSearch: true });
	return hit ?? fetch(request);
}

/** A page: the network for a few seconds (its answer kept as the shell), else the kept shell. */
async function page(event: FetchEvent): Promise<Response> {
	const cache = await caches.open(SHELL);
	const network = fetch(event.request).then(async (res) => {
		if (isShell(res)) event.waitUntil(keepShell(cache, res.clone()));
		return res;
	});
	let timer: ReturnType<typeof setTimeout> | undefined;
	const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), PAGE_TIMEOUT_MS)));
	const first = await Promise.race([network.catch(() => null), late]);
	clearTimeout(timer);
	if (first) return first;
	const kept = await cache.match(SHELL_KEY);
	if (kept) {
		event.waitUntil(network.catch(() => undefined));
		return kept;
	}
	return network;
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	const strategy = strategyFor(
		{
			url: new URL(request.url),
			method: request.method,
			mode: request.mode,
			ranged: request.headers.has('range')
		},
		sw.location.origin,
		STATIC
	);
	if (strategy === 'page') event.respondWith(page(event));
	else if (strategy === 'immutable') event.respondWith(immutableFile(request));
	else if (strategy === 'static') event.respondWith(staticFile(request));
	// 'network': not answered here; the browser fetches it as if there were no worker.
});
