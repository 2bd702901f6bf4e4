/**
 * Saving and undoing on the server, as a staff member sees it (issue #14): rows the server refuses on
 * its own check come back as findings naming the file and row, nothing stored; undoing an import whose
 * cell a later import changed says so before it is done, and afterwards lists the cell it left.
 */
import { expect, request, test, type Page } from '@playwright/test';
import { loggedIn } from './session';
import { ADMIN_PASSWORD } from '../../../playwright.server.config';

const STAFF = { login: 'nga', password: 'staff-password-3', role: 'staff' };

async function importFile(page: Page, name: string, csv: string) {
	await page
		.getByTestId('file-input')
		.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await expect(page.getByTestId('import-report')).toBeVisible();
}

test('the server’s own check refuses a row with findings; undo says which cells a later import keeps', async ({
	browser,
	baseURL
}) => {
	const admin = await request.newContext({ baseURL });
	expect((await admin.post('/api/login', { data: { login: 'admin', password: ADMIN_PASSWORD } })).ok()).toBe(
		true
	);
	expect([201, 409]).toContain((await admin.post('/api/users', { data: STAFF })).status());
	const page = await loggedIn(browser, baseURL!, STAFF);
	await page.getByRole('link', { name: 'Nhập dữ liệu' }).click();
	const before = await (await admin.get('/api/health')).json();

	// A browser that sends what its check would not (here: a tampered request) meets the server's check.
	await page.route('**/api/imports', async (route) => {
		if (route.request().method() !== 'POST') return route.continue();
		const body = route.request().postDataJSON();
		body.files[0].rows[0].unit = 'Phường Không Có';
		await route.continue({ postData: JSON.stringify(body) });
	});
	await importFile(page, 'sai.csv', 'unit,period,indicator,value\nPhổ An,2019,petition_cases_received,5\n');
	await page.getByTestId('import-commit').click();
	const refused = page.getByTestId('save-refused');
	await expect(refused).toBeVisible();
	await expect(refused).toContainText('sai.csv · 1');
	await expect(refused).toContainText('Phường Không Có');
	await expect(page.getByTestId('import-saved')).toHaveCount(0);
	expect((await (await admin.get('/api/health')).json()).version).toBe(before.version);
	await page.unroute('**/api/imports');
	await page.reload();

	// Two imports write the same cell; the first is undone.
	await importFile(
		page,
		'dot-1.csv',
		'unit,period,indicator,value\nPhổ An,2019,petition_cases_received,5\nPhổ Châu,2019,petition_cases_received,6\n'
	);
	await page.getByTestId('import-commit').click();
	await expect(page.getByTestId('import-saved')).toBeVisible();
	// Reloaded (a 304 this time): the page opens again, the policy of its first answer kept.
	await page.reload();
	await importFile(
		page,
		'dot-2.csv',
		'unit,period,indicator,value\nPhổ Châu,2019,petition_cases_received,66\n'
	);
	await page.getByTestId('import-commit').click();
	await expect(page.getByTestId('import-saved')).toBeVisible();
	await expect(page.getByTestId('import-history')).toContainText('dot-2.csv');

	const row = page.getByTestId('import-history').locator('tr', { hasText: 'dot-1.csv' });
	await row.getByTestId('undo-import').click();
	const preview = page.getByTestId('undo-preview');
	await expect(preview).toContainText('Hoàn tác lần nhập');
	await expect(page.getByTestId('undo-counts')).toHaveText(
		'Sẽ bỏ 1 ô do lần nhập này thêm vào và trả lại giá trị cũ cho 0 ô nó đã thay.'
	);
	await expect(page.getByTestId('undo-kept-preview')).toContainText('1 ô');
	await expect(preview).toContainText('Phổ Châu · 2019 · petition_cases_received: 66');
	// Cancelling changes nothing.
	await page.getByTestId('undo-cancel').click();
	await expect(preview).toHaveCount(0);
	await expect(row).toHaveAttribute('data-status', 'committed');

	await row.getByTestId('undo-import').click();
	await page.getByTestId('undo-confirm').click();
	const result = page.getByTestId('undo-result');
	await expect(result).toContainText('1 ô đã được một lần nhập sau thay đổi');
	await expect(result).toContainText('Phổ Châu · 2019 · petition_cases_received: 66');
	const csv = await (await admin.get('/api/workspace?format=csv')).text();
	expect(csv).toContain('Phổ Châu,2019,petition_cases_received,66');
	expect(csv).not.toContain('Phổ An,2019,');
	await admin.dispose();
	await page.context().close();
});
