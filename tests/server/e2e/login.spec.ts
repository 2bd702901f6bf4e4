import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD } from '../../../playwright.server.config';

/** Every request the page makes, so a test can assert that none left 127.0.0.1. */
function recordRequests(page: Page): string[] {
	const urls: string[] = [];
	page.on('request', (r) => urls.push(r.url()));
	return urls;
}

test('a page without a session goes to /login, which has the three test hooks', async ({ page }) => {
	await page.goto('/data');
	await expect(page).toHaveURL(/\/login\?next=%2Fdata$/);
	await expect(page.getByTestId('login-user')).toBeVisible();
	await expect(page.getByTestId('login-password')).toBeVisible();
	await expect(page.getByTestId('login-submit')).toBeVisible();
});

test('a wrong password shows an error, in Vietnamese and, after the toggle, in English', async ({ page }) => {
	await page.goto('/login');
	await page.getByTestId('login-user').fill('admin');
	await page.getByTestId('login-password').fill('not-the-password');
	await page.getByTestId('login-submit').click();
	const error = page.getByTestId('login-error');
	await expect(error).toBeVisible();
	await expect(error).toHaveText('Sai tên đăng nhập hoặc mật khẩu.');
	await page.getByTestId('lang-toggle').click();
	await expect(error).toHaveText('Wrong login or password.');
	await expect(page.getByTestId('login-submit')).toHaveText('Log in');
	await expect(page).toHaveURL(/\/login/);
});

test('the right password reaches the page asked for; the CSP keeps requests at home', async ({ page }) => {
	const requests = recordRequests(page);
	await page.goto('/');
	await expect(page).toHaveURL(/\/login\?next=%2F$/);
	await page.getByTestId('login-user').fill('admin');
	await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
	await page.getByTestId('login-submit').click();
	await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
	await expect(page.locator('header .brand')).toBeVisible();

	// A fetch to another host is refused by the policy itself (a violation event), not by the network.
	const outcome = await page.evaluate(async () => {
		const blocked: string[] = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			blocked.push(`${e.violatedDirective} ${e.blockedURI}`)
		);
		let fetched = 'sent';
		try {
			await fetch('https://example.com/x.csv');
		} catch {
			fetched = 'failed';
		}
		await new Promise((r) => setTimeout(r, 100));
		return { fetched, blocked };
	});
	expect(outcome.fetched).toBe('failed');
	expect(outcome.blocked.join()).toContain('connect-src https://example.com');
	expect(requests.filter((u) => !u.startsWith('http://127.0.0.1:'))).toEqual([]);

	const me = await page.evaluate(async () => (await fetch('/api/me')).json());
	expect(me.user).toEqual({ login: 'admin', role: 'admin' });
});
