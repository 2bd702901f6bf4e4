/**
 * The office's app offline (issue #15): after one visit signed in, the service worker keeps the app
 * shell and its files, and the browser keeps the last copy of the data (IndexedDB); with the network
 * cut, the overview, an indicator page and a deck presented open from them, with the offline badge.
 * Nothing the server answers under /api is ever kept by the worker.
 */
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD } from '../../../playwright.server.config';
import { controlled, engineKept, networkGone } from '../../e2e/offline-helpers';

test.use({ serviceWorkers: 'allow' });

const INDICATOR = '/indicators/petition_resolution_rate';

const charts = async (page: Page) => {
	const all = page.getByTestId('chart');
	await expect(all.first()).toBeVisible();
	for (let i = 0; i < (await all.count()); i++)
		await expect(all.nth(i)).toHaveAttribute('data-state', 'ready');
};

/** The workspace copy this browser keeps (src/lib/state/persist.ts) is written. */
const copyKept = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<boolean>((resolve) => {
				const req = indexedDB.open('chi-so');
				req.onsuccess = () => {
					const db = req.result;
					if (!db.objectStoreNames.contains('snapshots')) return resolve(false);
					const get = db.transaction('snapshots').objectStore('snapshots').get('server');
					get.onsuccess = () => resolve(!!get.result);
					get.onerror = () => resolve(false);
				};
				req.onerror = () => resolve(false);
			})
	);

test('signed in once, the app opens offline from its kept shell and data; /api is never cached', async ({
	page,
	context
}) => {
	test.setTimeout(180_000);
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(String(e)));

	await page.goto('/login');
	await page.getByTestId('login-user').fill('admin');
	await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
	await page.getByTestId('login-submit').click();
	await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
	await charts(page);
	await controlled(page);
	await engineKept(page);
	await expect.poll(() => copyKept(page)).toBe(true);

	await page.goto(INDICATOR);
	await charts(page);
	await page.getByTestId('pin-button').first().click();
	await page.getByTestId('pin-confirm').click();
	await expect(page.getByTestId('pin-button').first()).toContainText('Đã ghim');

	// Everything the worker keeps is the app itself: no answer of the API, in any cache.
	const keptUrls = await page.evaluate(async () => {
		const urls: string[] = [];
		for (const name of await caches.keys())
			for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
		return urls;
	});
	expect(keptUrls.length).toBeGreaterThan(10);
	expect(keptUrls.filter((u) => u.startsWith('/api'))).toEqual([]);

	await context.setOffline(true);
	await networkGone(page, []);

	const home = await page.goto('/');
	expect(home?.fromServiceWorker()).toBe(true);
	await charts(page);
	await expect(page.getByTestId('offline-badge')).toHaveText('Ngoại tuyến · Offline');

	await page.goto(INDICATOR);
	await charts(page);
	await expect(page.getByTestId('offline-badge')).toBeVisible();

	await page.goto('/deck');
	await expect(page.getByTestId('deck-slide')).toHaveCount(1);
	await page.getByTestId('deck-present').click();
	await expect(page).toHaveURL(/\/present\?deck=[^&]+&s=1$/);
	await expect(page.getByTestId('presenter').getByTestId('chart')).toHaveAttribute('data-state', 'ready');

	await context.setOffline(false);
	expect(errors).toEqual([]);
});
