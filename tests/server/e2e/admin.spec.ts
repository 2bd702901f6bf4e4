import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD } from '../../../playwright.server.config';

async function logIn(page: Page, login: string, password: string) {
	await page.goto('/login');
	await page.getByTestId('login-user').fill(login);
	await page.getByTestId('login-password').fill(password);
	await page.getByTestId('login-submit').click();
	await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
}

test('an admin adds a staff member and changes a role on /admin; the audit log names who did it', async ({
	browser
}) => {
	const admin = await browser.newPage({ timezoneId: 'Asia/Ho_Chi_Minh' });
	await logIn(admin, 'admin', ADMIN_PASSWORD);
	await admin.getByTestId('admin-link').click();
	await expect(admin).toHaveURL(/\/admin$/);
	const people = admin.getByTestId('admin-people');
	await expect(people.locator('[data-login="admin"]')).toBeVisible();

	const form = admin.getByTestId('admin-add');
	await form.locator('input[name="login"]').fill('thu-admin-e2e');
	await form.locator('select[name="role"]').selectOption('staff');
	await form.locator('input[name="password"]').fill('mat-khau-dai-du');
	await form.getByRole('button').click();
	const row = people.locator('[data-login="thu-admin-e2e"]');
	await expect(row).toBeVisible();
	await expect(row.locator('select')).toHaveValue('staff');

	// The same login again: the server's message, in Vietnamese, and nothing added.
	await form.locator('input[name="login"]').fill('thu-admin-e2e');
	await form.locator('input[name="password"]').fill('mat-khau-dai-du');
	await form.getByRole('button').click();
	await expect(admin.getByTestId('admin-error')).toBeVisible();
	await expect(people.locator('[data-login="thu-admin-e2e"]')).toHaveCount(1);

	await row.locator('select').selectOption('leader');
	await expect(admin.getByTestId('audit-entry').first()).toContainText('user.update');
	await expect(admin.getByTestId('admin-audit')).toContainText('user.create');
	await expect(admin.getByTestId('audit-entry').first()).toContainText('admin');

	// The new person, now a leader, logs in elsewhere: /admin says it is for admins; the API refuses.
	const context = await browser.newContext();
	const leader = await context.newPage();
	await logIn(leader, 'thu-admin-e2e', 'mat-khau-dai-du');
	await expect(leader.getByTestId('me')).toHaveAttribute('data-role', 'leader');
	await expect(leader.getByTestId('admin-link')).toHaveCount(0);
	await leader.goto('/admin');
	await expect(leader.getByTestId('admin-problem')).toContainText('Chỉ quản trị viên');
	const status = await leader.evaluate(async () => (await fetch('/api/users')).status);
	expect(status).toBe(403);
	await context.close();
	await admin.close();
});
