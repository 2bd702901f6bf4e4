/**
 * The overview's first screen — the key figures and their sparklines — needs no chart library: the
 * test holds back every script that carries ECharts, and the figures show; the charts further down
 * the page wait for it (it is asked for as soon as the figures are painted) and draw once it comes.
 * Without it (the network lost on the way) the charts say so, and draw when the network is back.
 */
import type { Page, Route } from '@playwright/test';
import { chartsReady, expect, test } from './fixtures';

const SCRIPTS = '**/_app/immutable/**/*.js';

/**
 * Routes the chart library's scripts through `handle` (each is told when it may go on); `done()`
 * lets every script through untouched again.
 */
async function routeChartLibrary(page: Page, handle: (route: Route, body: string) => Promise<void>) {
	const handler = async (route: Route) => {
		// A request still on its way when the test ends finds the page gone: nothing to deliver then.
		try {
			const response = await route.fetch();
			const body = await response.text();
			if (body.includes('zrender')) await handle(route, body);
			else await route.fulfill({ response, body });
		} catch {
			// the test is over
		}
	};
	await page.context().route(SCRIPTS, handler);
	// The page goes on loading (its idle warm-up): those requests go through untouched.
	return { done: () => page.context().unroute(SCRIPTS, handler) };
}

/** The key figures of the first tile are on the screen, with their sparkline. */
async function keyFiguresShown(page: Page) {
	const first = page.getByTestId('tile').first();
	await expect(first.getByTestId('tile-value')).toHaveText(/\d/);
	await expect(first).toBeInViewport();
	const sparkline = first.getByTestId('sparkline');
	await expect(sparkline).toHaveAttribute('data-state', 'ready');
	expect(await sparkline.locator('path').count()).toBeGreaterThan(0);
	await expect(sparkline.locator('circle')).toHaveCount(1);
}

for (const [width, height] of [
	[1366, 768],
	[390, 844]
]) {
	test(`the key figures show before the chart library, at ${width}×${height}`, async ({ page }) => {
		await page.setViewportSize({ width, height });
		let release!: () => void;
		const gate = new Promise<void>((r) => (release = r));
		const held: string[] = [];
		const library = await routeChartLibrary(page, async (route, body) => {
			held.push(route.request().url());
			await gate;
			await route.fulfill({ body, contentType: 'text/javascript' });
		});
		await page.goto('/');
		await keyFiguresShown(page);

		// The library is on its way (asked for after the figures), and the charts wait for it.
		await expect.poll(() => held.length).toBeGreaterThan(0);
		const charts = page.getByTestId('chart');
		await expect(charts).toHaveCount(2);
		for (const chart of await charts.all()) {
			await expect(chart).toHaveAttribute('data-state', 'drawing');
			await expect(chart).not.toBeInViewport();
		}

		release();
		await chartsReady(page, 2);
		await library.done();
	});
}

test('without the chart library the charts say so, and draw when the network is back', async ({
	page,
	watch
}) => {
	let failing = true;
	const library = await routeChartLibrary(page, async (route, body) => {
		if (failing) await route.abort('internetdisconnected');
		else await route.fulfill({ body, contentType: 'text/javascript' });
	});
	await page.goto('/');
	await keyFiguresShown(page);
	const charts = page.getByTestId('chart');
	await expect(charts).toHaveCount(2);
	for (const chart of await charts.all()) {
		await expect(chart).toHaveAttribute('data-state', 'error');
		await expect(chart).toContainText('Chưa tải được phần vẽ biểu đồ');
	}
	// The failed downloads are the browser's own errors in the console; nothing else may be there.
	const failedDownload = /ERR_INTERNET_DISCONNECTED/;
	watch.consoleErrors.splice(0, Infinity, ...watch.consoleErrors.filter((e) => !failedDownload.test(e)));

	failing = false;
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
	await chartsReady(page, 2);
	for (const chart of await charts.all()) await expect(chart).not.toContainText('Chưa tải được');
	await library.done();
});
