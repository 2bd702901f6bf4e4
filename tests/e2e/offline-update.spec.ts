/**
 * A new version of the app announces itself and waits: the page keeps running until the person
 * presses "Tải lại", and the new version does not download again the files it shares with the old
 * one (the 34 MB database engine above all). The app is served by a plain web server of the test's
 * own (tests/e2e/static-server.ts), which can publish the next version.
 */
import { chartsReady, expect, test } from './fixtures';
import { controlled, engineKept, shells } from './offline-helpers';
import { staticServer, type StaticServer } from './static-server';

const PORT = Number(process.env.E2E_UPDATE_PORT ?? 4614);
let server: StaticServer;

test.use({ serviceWorkers: 'allow', baseURL: `http://127.0.0.1:${PORT}` });
test.beforeAll(async () => {
	server = await staticServer(process.env.BUILD_DIR ?? 'build', PORT);
});
test.afterAll(async () => {
	await server?.close();
});

test('a new version is announced, loads only when the person reloads, and keeps the engine', async ({
	page
}) => {
	test.setTimeout(180_000);
	await page.goto('/');
	await chartsReady(page, 2);
	await controlled(page);
	await engineKept(page);
	const [first] = await shells(page);
	await expect(page.getByTestId('update-banner')).toHaveCount(0);
	const engineLoads = server.requests.filter((p) => p.endsWith('.wasm')).length;

	// The office puts the next version on its server; the person opens the app again.
	const next = server.publishNextVersion();
	server.requests.length = 0;
	await page.reload();
	await chartsReady(page, 2);
	const banner = page.getByTestId('update-banner');
	await expect(banner).toContainText('Có phiên bản mới — tải lại');
	await page.screenshot({ path: 'test-results/offline/update-1366.png' });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: 'test-results/offline/update-390.png' });
	await page.setViewportSize({ width: 1366, height: 768 });
	// Nothing switched: the old version still serves the page; the new one waits beside it.
	expect(await shells(page)).toEqual([first, `chiso-shell-${next}`].sort());
	expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting))).toBe(
		true
	);
	// The files both versions share came from the cache, and nothing of the app was downloaded again.
	expect(server.requests.filter((p) => p.startsWith('/_app/immutable/'))).toEqual([]);
	expect(server.requests).toContain('/service-worker.js');

	// "Để sau · Later" hides it; reloading the page does not switch versions either: it is asked again.
	await banner.getByTestId('update-later').click();
	await expect(banner).toHaveCount(0);
	await page.reload();
	await chartsReady(page, 2);
	await expect(banner).toBeVisible();
	expect(await shells(page)).toContain(first);

	// The person chooses to reload: the new version takes over and the page loads again.
	await banner.getByTestId('update-reload').click();
	await page.waitForURL('**/');
	await expect(banner).toHaveCount(0);
	await chartsReady(page, 2);
	await expect.poll(() => shells(page)).toEqual([`chiso-shell-${next}`]);
	expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting))).toBe(
		false
	);
	// The engine: never again after the first visit. On that visit the page loads it before the worker
	// exists, then the worker fetches it once more to keep it — a browser's own disk cache usually answers
	// that second request (here the test's fresh profile keeps no 34 MB file in its memory cache).
	expect(server.requests.filter((p) => p.endsWith('.wasm'))).toEqual([]);
	expect(engineLoads).toBeGreaterThanOrEqual(1);
	expect(engineLoads).toBeLessThanOrEqual(2);
});
