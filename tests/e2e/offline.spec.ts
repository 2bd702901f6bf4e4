/**
 * The app offline (issue #15): after one visit the service worker keeps the app and the database
 * engine; with the network cut, the overview, an indicator page and a deck presented full screen all
 * open and draw their charts, with the offline badge.
 */
import { chartsReady, expect, test } from './fixtures';
import { controlled, engineKept, kept, networkGone } from './offline-helpers';

test.use({ serviceWorkers: 'allow' });

const INDICATOR = '/indicators/petition_resolution_rate';

test('after one visit the app opens offline: the overview, an indicator and a deck presented', async ({
	page,
	context,
	watch
}) => {
	test.setTimeout(180_000);
	await page.goto('/');
	await chartsReady(page, 2);
	await expect(page.getByTestId('offline-badge')).toHaveCount(0);
	// The first version takes this page over, and keeps the engine the app just used — once.
	await controlled(page);
	await engineKept(page);
	const files = await kept(page, 'chiso-immutable');
	expect(files.some((p) => p.endsWith('.js'))).toBe(true);
	expect(files.some((p) => p.endsWith('.csv'))).toBe(true);

	// A chart pinned into a deck (the deck lives in this browser).
	await page.goto(INDICATOR);
	await chartsReady(page, 3);
	await page.getByTestId('pin-button').first().click();
	await page.getByTestId('pin-confirm').click();
	await expect(page.getByTestId('pin-button').first()).toContainText('Đã ghim');

	await context.setOffline(true);
	await networkGone(page, watch.consoleErrors);

	const home = await page.goto('/');
	expect(home?.fromServiceWorker()).toBe(true);
	await chartsReady(page, 2);
	await expect(page.getByTestId('offline-badge')).toHaveText('Ngoại tuyến · Offline');
	await page.screenshot({ path: 'test-results/offline/offline-1366.png' });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: 'test-results/offline/offline-390.png' });
	await page.setViewportSize({ width: 1366, height: 768 });

	await page.goto(INDICATOR);
	await chartsReady(page, 3);
	await expect(page.getByTestId('offline-badge')).toBeVisible();

	await page.goto('/deck');
	await expect(page.getByTestId('deck-slide')).toHaveCount(1);
	await page.getByTestId('deck-present').click();
	await expect(page).toHaveURL(/\/present\?deck=[^&]+&s=1$/);
	await expect(page.getByTestId('presenter').getByTestId('chart')).toHaveAttribute('data-state', 'ready');

	// A reload of the presented slide, still offline, comes back to it.
	await page.reload();
	await expect(page.getByTestId('presenter').getByTestId('chart')).toHaveAttribute('data-state', 'ready');

	// The network back: the badge goes.
	await context.setOffline(false);
	await page.goto('/');
	await chartsReady(page, 2);
	await expect(page.getByTestId('offline-badge')).toHaveCount(0);
});
