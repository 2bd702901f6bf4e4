/**
 * An admin replaces the indicator dictionary from the import page (issue #14); a leader's open page
 * follows without reloading and shows the new name.
 */
import { readFileSync } from 'node:fs';
import { expect, request, test } from '@playwright/test';
import { loggedIn } from './session';
import { ADMIN_PASSWORD } from '../../../playwright.server.config';

const LEADER = { login: 'tam', password: 'leader-password-4', role: 'leader' };
const RENAMED = readFileSync('data/indicators.csv', 'utf8').replace(
	'land_dispute_cases,Số vụ tranh chấp đất đai,',
	'land_dispute_cases,Số vụ tranh chấp đất đai (tên mới),'
);

test('an admin uploads a new dictionary; a leader’s open page shows the new name without reloading', async ({
	browser,
	baseURL
}) => {
	expect(RENAMED).toContain('(tên mới)');
	const api = await request.newContext({ baseURL });
	await api.post('/api/login', { data: { login: 'admin', password: ADMIN_PASSWORD } });
	expect([201, 409]).toContain((await api.post('/api/users', { data: LEADER })).status());

	const leader = await loggedIn(browser, baseURL!, LEADER);
	await leader.getByRole('link', { name: 'Chỉ tiêu', exact: true }).click();
	await expect(leader.getByRole('link', { name: 'Số vụ tranh chấp đất đai', exact: true })).toBeVisible();

	const admin = await loggedIn(browser, baseURL!, { login: 'admin', password: ADMIN_PASSWORD });
	await admin.getByRole('link', { name: 'Nhập dữ liệu' }).click();
	await admin
		.getByTestId('file-input')
		.setInputFiles({ name: 'chi-tieu-moi.csv', mimeType: 'text/csv', buffer: Buffer.from(RENAMED) });
	await expect(admin.getByTestId('import-report')).toBeVisible();
	await admin.getByTestId('import-commit').click();
	await expect(admin.getByTestId('import-saved')).toBeVisible();

	await expect(leader.getByRole('link', { name: 'Số vụ tranh chấp đất đai (tên mới)' })).toBeVisible({
		timeout: 10_000
	});
	const audit = await (await api.get('/api/audit')).text();
	expect(audit).toContain('chi-tieu-moi.csv');
	await api.dispose();
	await leader.context().close();
	await admin.context().close();
});
