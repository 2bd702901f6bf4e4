/** Signing in as a person would, for the server's browser tests: a fresh browser context on `/login`. */
import { expect, type Browser, type Page } from '@playwright/test';

export async function loggedIn(
	browser: Browser,
	baseURL: string,
	who: { login: string; password: string }
): Promise<Page> {
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await page.goto('/login');
	// The login page does not wait for DuckDB: it never opens the data.
	await expect(page.getByTestId('login-user')).toBeVisible();
	await expect(page.getByTestId('loading')).toHaveCount(0);
	await page.getByTestId('login-user').fill(who.login);
	await page.getByTestId('login-password').fill(who.password);
	await page.getByTestId('login-submit').click();
	await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
	return page;
}
