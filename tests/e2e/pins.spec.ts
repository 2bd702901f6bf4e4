/**
 * Every chart of the pages can be pinned to a meeting deck: pin the trend and the ranking of an
 * indicator, then find both as slides of the deck.
 */
import { test, expect, chartsReady } from './fixtures';

test('pins the trend and the ranking of an indicator into a meeting deck', async ({ page }) => {
	test.setTimeout(90_000);
	await page.goto('/indicators/petition_resolution_rate');
	await chartsReady(page, 3);

	const pins = page.getByTestId('pin-button');
	await expect(pins).toHaveCount(3);
	// Each chart also offers its own PNG and SVG download.
	await expect(page.getByTestId('chart-actions').first().getByTestId('export-png')).toBeVisible();
	await expect(page.getByTestId('chart-actions').first().getByTestId('export-svg')).toBeVisible();

	// The trend first (no deck yet: the pin makes one), then the ranking into the same deck.
	for (const n of [0, 1]) {
		const pin = pins.nth(n);
		await expect(pin).toContainText('Ghim vào buổi họp');
		await pin.click();
		await page.getByTestId('pin-confirm').click();
		await expect(pin).toContainText('Đã ghim');
	}
	await expect(pins.nth(2)).toContainText('Ghim vào buổi họp');

	await page.goto('/deck');
	await expect(page.getByTestId('deck-slide')).toHaveCount(2);
});
