/**
 * The server's own pages on a phone (390×844): the login page and, signed in as admin, the
 * administration page, the overview and the import page fit the screen; the header with the person's
 * name keeps the "☰ Menu" button, which opens the pages. Screenshots for the README on request.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD } from '../../../playwright.server.config';

const SHOTS = process.env.DOCS_SCREENSHOTS
	? 'docs/screenshots/phone'
	: 'test-results/server/screenshots/phone';
mkdirSync(SHOTS, { recursive: true });

const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE, isMobile: true, hasTouch: true, timezoneId: 'Asia/Ho_Chi_Minh' });

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function settle(page: Page) {
	await page.evaluate(() => document.fonts.ready);
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

test('login, the overview, import and administration fit a phone; the menu opens the pages', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.goto('/login');
	const user = page.getByTestId('login-user');
	await expect(user).toBeVisible();
	await settle(page);
	expect(await pageWidth(page), '/login').toBeLessThanOrEqual(PHONE.width);
	for (const id of ['login-user', 'login-password', 'login-submit']) {
		expect((await page.getByTestId(id).boundingBox())!.height, id).toBeGreaterThanOrEqual(44);
	}
	await page.screenshot({ path: `${SHOTS}/login.png` });

	await user.fill('admin');
	await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
	await page.getByTestId('login-submit').click();
	await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
	await expect(page.getByTestId('me')).toHaveAttribute('data-role', 'admin');

	// Signed in, the overview: it fits, and the person's name, the admin link and "log out" stay in
	// the header with the menu button.
	await expect(page.getByTestId('loading')).toHaveCount(0, { timeout: 60_000 });
	await expect(page.getByTestId('chart').first()).toHaveAttribute('data-state', 'ready');
	await settle(page);
	expect(await pageWidth(page), '/').toBeLessThanOrEqual(PHONE.width);
	await page.screenshot({ path: `${SHOTS}/overview-signed-in.png` });
	expect((await page.locator('header.top').boundingBox())!.height).toBeLessThan(140);

	// The menu takes the person to the import page, as a tap would.
	const toggle = page.getByTestId('menu-toggle');
	const nav = page.getByTestId('site-nav');
	await toggle.click();
	await expect(toggle).toHaveAttribute('aria-expanded', 'true');
	await nav.getByRole('link', { name: 'Nhập dữ liệu' }).click();
	await expect(page).toHaveURL(/\/import$/);
	await expect(nav).toBeHidden();
	await expect(page.getByTestId('file-input')).toBeAttached();
	await settle(page);
	expect(await pageWidth(page), '/import').toBeLessThanOrEqual(PHONE.width);

	await page.getByTestId('admin-link').click();
	await expect(page).toHaveURL(/\/admin$/);
	await expect(page.getByTestId('admin-people').locator('[data-login="admin"]')).toBeVisible();
	await expect(page.getByTestId('audit-entry').first()).toBeVisible();
	await settle(page);
	expect(await pageWidth(page), '/admin').toBeLessThanOrEqual(PHONE.width);
	await page.screenshot({ path: `${SHOTS}/admin.png` });
});
