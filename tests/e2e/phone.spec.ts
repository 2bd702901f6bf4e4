/**
 * The app on a phone (390×844, as a leader holds it): no page is wider than the screen, the pages are
 * behind a "☰ Menu" button that opens, closes (Escape, a tap outside) and navigates, the pickers are
 * big enough for a finger, and a deck presents on the phone held sideways (844×390). The desktop keeps
 * its row of pages. Screenshots for the README go to docs/screenshots/phone/ on request.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { chartsReady, expect, test } from './fixtures';
import { importDeck, SLIDES } from './sample-deck';

/** README screenshots are rewritten only on request (`DOCS_SCREENSHOTS=1`); other runs keep them in test-results. */
const SHOTS = process.env.DOCS_SCREENSHOTS ? 'docs/screenshots/phone' : 'test-results/screenshots/phone';
mkdirSync(SHOTS, { recursive: true });

const PHONE = { width: 390, height: 844 };
const SIDEWAYS = { width: 844, height: 390 };

/** The sample deck's trend and ranking. */
const seedDeck = (page: Page) => importDeck(page, [SLIDES.trend, SLIDES.ranking]);

/** Every page of the static app, with what shows it is drawn. */
const PAGES: { name: string; path: string; ready: (page: Page) => Promise<void> }[] = [
	{ name: 'overview', path: '/', ready: (p) => chartsReady(p, 2) },
	{ name: 'indicators', path: '/indicators', ready: (p) => expect(p.locator('h1')).toBeVisible() },
	{ name: 'indicator', path: '/indicators/petition_resolution_rate', ready: (p) => chartsReady(p, 3) },
	{ name: 'units', path: '/units', ready: (p) => expect(p.locator('h1')).toBeVisible() },
	{ name: 'unit', path: '/units/21439', ready: (p) => chartsReady(p, 1) },
	{ name: 'compare', path: '/compare', ready: (p) => chartsReady(p, 1) },
	{ name: 'data', path: '/data', ready: (p) => expect(p.getByTestId('observations-table')).toBeVisible() },
	{ name: 'import', path: '/import', ready: (p) => expect(p.getByTestId('file-input')).toBeAttached() },
	{ name: 'deck', path: '/deck', ready: (p) => expect(p.getByTestId('deck-slide')).toHaveCount(2) },
	{ name: 'deck-print', path: '/deck/print', ready: (p) => chartsReady(p, 2) },
	{ name: 'present', path: '/present?deck=q4&s=1', ready: (p) => chartsReady(p, 1) }
];

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function settle(page: Page) {
	await page.evaluate(() => document.fonts.ready);
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

test.describe('on a phone', () => {
	test.use({ viewport: PHONE, isMobile: true, hasTouch: true, timezoneId: 'Asia/Ho_Chi_Minh' });

	test('no page is wider than the screen', async ({ page }) => {
		test.setTimeout(180_000);
		await seedDeck(page);
		const wide: string[] = [];
		for (const { name, path, ready } of PAGES) {
			await page.goto(path);
			await ready(page);
			await expect(page.getByTestId('loading')).toHaveCount(0);
			await settle(page);
			const width = await pageWidth(page);
			if (width > PHONE.width) wide.push(`${path}: ${width} px`);
			await page.screenshot({ path: `${SHOTS}/${name}.png` });
		}
		expect(wide, 'pages wider than 390 px').toEqual([]);
	});

	test('the menu button opens the pages, closes on Escape and on a tap outside, and navigates', async ({
		page
	}) => {
		await page.goto('/');
		await chartsReady(page, 2);
		const toggle = page.getByTestId('menu-toggle');
		const nav = page.getByTestId('site-nav');
		await expect(toggle).toBeVisible();
		await expect(toggle).toHaveAttribute('aria-expanded', 'false');
		await expect(nav).toBeHidden();
		// The header is one line: the brand, the button and the language switch.
		expect((await page.locator('header.top').boundingBox())!.height).toBeLessThan(70);

		await toggle.click();
		await expect(toggle).toHaveAttribute('aria-expanded', 'true');
		await expect(nav.getByRole('link')).toHaveCount(7);
		for (const link of await nav.getByRole('link').all()) {
			const box = (await link.boundingBox())!;
			expect(box.height).toBeGreaterThanOrEqual(44);
			expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
		}
		await expect(nav.getByRole('link', { name: 'Tổng quan' })).toHaveAttribute('aria-current', 'page');
		await page.screenshot({ path: `${SHOTS}/menu.png` });

		await page.keyboard.press('Escape');
		await expect(nav).toBeHidden();
		await expect(toggle).toHaveAttribute('aria-expanded', 'false');
		await expect(toggle).toBeFocused();

		await toggle.click();
		await expect(nav).toBeVisible();
		// A tap on the page below the open list closes it.
		await page.touchscreen.tap(PHONE.width / 2, PHONE.height - 40);
		await expect(nav).toBeHidden();

		// Keyboard: Enter opens it, Tab goes into the list.
		await toggle.focus();
		await page.keyboard.press('Enter');
		await expect(nav).toBeVisible();
		await page.keyboard.press('Tab');
		await expect(nav.getByRole('link', { name: 'Tổng quan' })).toBeFocused();

		await nav.getByRole('link', { name: 'So sánh' }).click();
		await expect(page).toHaveURL(/\/compare$/);
		await expect(nav).toBeHidden();
		await expect(toggle).toHaveAttribute('aria-expanded', 'false');
		await chartsReady(page, 1);
	});

	test('pickers are big enough for a finger and charts fit their card', async ({ page }) => {
		await page.goto('/compare');
		await chartsReady(page, 1);
		const controls = page.locator('main').locator('button:visible, select:visible');
		const count = await controls.count();
		expect(count).toBeGreaterThan(4);
		for (let i = 0; i < count; i++) {
			const box = (await controls.nth(i).boundingBox())!;
			expect(
				box.height,
				await controls.nth(i).evaluate((e) => e.outerHTML.slice(0, 80))
			).toBeGreaterThanOrEqual(44);
		}
		// The small multiples stack in one column: the chart is taller than it is wide, within the screen.
		const chart = (await page.getByTestId('chart').boundingBox())!;
		expect(chart.x + chart.width).toBeLessThanOrEqual(PHONE.width);
		expect(chart.height).toBeGreaterThan(chart.width * 2);
	});
});

test.describe('a phone held sideways', () => {
	test.use({ viewport: SIDEWAYS, isMobile: true, hasTouch: true, timezoneId: 'Asia/Ho_Chi_Minh' });

	test('presents a deck: title, chart and source all on the screen', async ({ page }) => {
		await seedDeck(page);
		await page.goto('/present?deck=q4&s=1');
		await chartsReady(page, 1);
		await settle(page);
		expect(await pageWidth(page)).toBeLessThanOrEqual(SIDEWAYS.width);
		const title = page.getByTestId('slide-title');
		const fontSize = await title.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
		expect(fontSize).toBeLessThanOrEqual(24);
		expect(fontSize).toBeGreaterThanOrEqual(17);
		const titleBox = (await title.boundingBox())!;
		expect(titleBox.height).toBeLessThan(40);
		const chart = (await page.getByTestId('chart').boundingBox())!;
		expect(chart.height).toBeGreaterThanOrEqual(200);
		const source = (await page.getByTestId('slide-source').boundingBox())!;
		expect(source.y + source.height).toBeLessThanOrEqual(SIDEWAYS.height);
		await expect(page.getByTestId('slide-number')).toHaveText('1 / 2');
		await page.keyboard.press('ArrowRight');
		await expect(page.getByTestId('slide-number')).toHaveText('2 / 2');
		await chartsReady(page, 1);
		await settle(page);
		await page.screenshot({ path: `${SHOTS}/present-landscape.png` });
	});
});

test('the desktop keeps its row of pages and no menu button', async ({ page }) => {
	await page.goto('/');
	await chartsReady(page, 2);
	await expect(page.getByTestId('menu-toggle')).toBeHidden();
	const nav = page.getByTestId('site-nav');
	await expect(nav).toBeVisible();
	const links = await nav.getByRole('link').all();
	expect(links).toHaveLength(7);
	const tops = await Promise.all(links.map(async (l) => Math.round((await l.boundingBox())!.y)));
	expect(new Set(tops).size).toBe(1);
});
