/**
 * The overview's first screen — the key figures and their sparklines — needs no chart library: the
 * test holds back every script that carries ECharts, and the figures show; the charts further down
 * the page wait for it (it is asked for as soon as the figures are painted) and draw once it comes.
 */
import type { Page } from '@playwright/test';
import { chartsReady, expect, test } from './fixtures';

/** Holds back every script of the chart library until `release()`; `held` lists what was asked. */
async function holdChartLibrary(page: Page) {
	let release!: () => void;
	const gate = new Promise<void>((r) => (release = r));
	const held: string[] = [];
	await page.context().route('**/_app/immutable/**/*.js', async (route) => {
		const response = await route.fetch();
		const body = await response.text();
		if (body.includes('zrender')) {
			held.push(route.request().url());
			await gate;
		}
		await route.fulfill({ response, body });
	});
	return { release, held };
}

for (const [width, height] of [
	[1366, 768],
	[390, 844]
]) {
	test(`the key figures show before the chart library, at ${width}×${height}`, async ({ page }) => {
		await page.setViewportSize({ width, height });
		const library = await holdChartLibrary(page);
		await page.goto('/');

		const first = page.getByTestId('tile').first();
		await expect(first.getByTestId('tile-value')).toHaveText(/\d/);
		await expect(first).toBeInViewport();
		const sparkline = first.getByTestId('sparkline');
		await expect(sparkline).toHaveAttribute('data-state', 'ready');
		expect(await sparkline.locator('path').count()).toBeGreaterThan(0);
		await expect(sparkline.locator('circle')).toHaveCount(1);

		// The library is on its way (asked for after the figures), and the charts wait for it.
		await expect.poll(() => library.held.length).toBeGreaterThan(0);
		const charts = page.getByTestId('chart');
		await expect(charts).toHaveCount(2);
		for (const chart of await charts.all()) {
			await expect(chart).toHaveAttribute('data-state', 'drawing');
			await expect(chart).not.toBeInViewport();
		}

		library.release();
		await chartsReady(page, 2);
		// The page goes on loading (its idle warm-up): let those requests through untouched.
		await page.context().unrouteAll({ behavior: 'ignoreErrors' });
	});
}
