/**
 * What the offline tests ask the page about its service worker (src/service-worker.ts): whether it
 * serves the page, whether the database engine is kept, and whether the network is really gone.
 */
import { expect, type Page } from '@playwright/test';

/** The worker answers this page's requests. */
export async function controlled(page: Page) {
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null), { timeout: 60_000 })
		.toBe('activated');
}

/** The names of the files kept in one of the worker's caches. */
export function kept(page: Page, cache: string): Promise<string[]> {
	return page.evaluate(async (name) => {
		if (!(await caches.has(name))) return [];
		const keys = await (await caches.open(name)).keys();
		return keys.map((r) => new URL(r.url).pathname);
	}, cache);
}

/** The database engine the app used is kept, once (wait for it: it is kept after the app opened). */
export async function engineKept(page: Page) {
	await expect
		.poll(async () => (await kept(page, 'chiso-immutable')).filter((p) => p.endsWith('.wasm')).length, {
			timeout: 60_000
		})
		.toBe(1);
}

/** The versions of the app shell kept (one per version of the app). */
export async function shells(page: Page): Promise<string[]> {
	return (await page.evaluate(() => caches.keys())).filter((k) => k.startsWith('chiso-shell-')).sort();
}

/**
 * A file that was never kept cannot be had: the worker itself is offline (a path under /_app/immutable/
 * is fetched by the worker, not by the page). The browser logs the failed load as a console error; it
 * is taken back out of `errors`.
 */
export async function networkGone(page: Page, errors: string[]) {
	const before = errors.length;
	const outcome = await page.evaluate(() =>
		fetch(`/_app/immutable/never-kept-${Date.now()}.js`).then(
			(r) => `answered ${r.status}`,
			() => 'failed'
		)
	);
	expect(outcome).toBe('failed');
	await page.waitForTimeout(100);
	const added = errors.splice(before);
	for (const e of added) expect(e).toMatch(/Failed to load resource|ERR_INTERNET_DISCONNECTED/);
}
