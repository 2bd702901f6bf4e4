/**
 * The shared workspace in two browsers (issue #14): a staff member saves an import, a leader's open
 * page follows without reloading (the notice and the new figure), the leader cannot save (the button is
 * not there, the API answers 403), and the staff member's undo reaches the leader too.
 */
import { expect, request, test, type APIRequestContext, type Page } from '@playwright/test';
import { loggedIn } from './session';
import { ADMIN_PASSWORD } from '../../../playwright.server.config';

const STAFF = { login: 'linh', password: 'staff-password-1', role: 'staff' };
const LEADER = { login: 'hung', password: 'leader-password-1', role: 'leader' };
const FILE = 'pho-an-2024.csv';
const CSV = 'unit,period,indicator,value\nPhổ An,2024,petition_cases_received,987\n';

/** The admin's API session, with the staff member and the leader created (once for the file). */
async function adminWithUsers(baseURL: string): Promise<APIRequestContext> {
	const admin = await request.newContext({ baseURL });
	expect((await admin.post('/api/login', { data: { login: 'admin', password: ADMIN_PASSWORD } })).ok()).toBe(
		true
	);
	for (const user of [STAFF, LEADER])
		expect([201, 409]).toContain((await admin.post('/api/users', { data: user })).status());
	return admin;
}

/** The overview's trend chart, drawn, with its data table open; the row of one unit. */
async function trendRow(page: Page, unit: string) {
	const chart = page.getByTestId('chart').first();
	await expect(chart).toHaveAttribute('data-state', 'ready');
	const figure = chart.locator('xpath=..');
	const table = figure.locator('table').first();
	if (!(await table.isVisible())) await figure.getByText('Bảng số liệu').first().click();
	return figure.locator('tr', { has: page.getByRole('cell', { name: unit, exact: true }) }).first();
}

test('a staff member saves, the leader sees it without reloading, cannot save, and sees the undo', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const admin = await request.newContext({ baseURL });
	expect((await admin.post('/api/login', { data: { login: 'admin', password: ADMIN_PASSWORD } })).ok()).toBe(
		true
	);
	for (const user of [STAFF, LEADER])
		expect((await admin.post('/api/users', { data: user })).status()).toBe(201);

	const leader = await loggedIn(browser, baseURL!, LEADER);
	await expect(leader.getByTestId('me')).toContainText('hung');
	const before = await trendRow(leader, 'Phổ An');
	await expect(before).not.toContainText('987');

	const staff = await loggedIn(browser, baseURL!, STAFF);
	await staff.getByRole('link', { name: 'Nhập dữ liệu' }).click();
	await staff
		.getByTestId('file-input')
		.setInputFiles({ name: FILE, mimeType: 'text/csv', buffer: Buffer.from(CSV) });
	await expect(staff.getByTestId('import-report')).toBeVisible();
	await staff.getByTestId('import-commit').click();
	await expect(staff.getByTestId('import-saved')).toBeVisible();
	await expect(staff.getByTestId('import-history')).toContainText(FILE);
	await expect(staff.getByTestId('import-user').first()).toHaveText('linh');

	// The leader's page, never reloaded: the quiet notice names who and what, and the figure is new.
	const notice = leader.getByTestId('data-notice');
	await expect(notice).toContainText(`linh: ${FILE}`, { timeout: 10_000 });
	await expect(notice).toContainText(/Dữ liệu mới lúc \d\d\/\d\d\/\d{4}\s\d\d:\d\d/);
	await expect(await trendRow(leader, 'Phổ An')).toContainText('987');
	await leader.evaluate(() => window.scrollTo(0, 0));
	await leader.screenshot({ path: 'test-results/server/workspace-notice-1366.png' });
	await leader.setViewportSize({ width: 390, height: 844 });
	await leader.screenshot({ path: 'test-results/server/workspace-notice-390.png' });
	await leader.setViewportSize({ width: 1366, height: 768 });

	// The leader cannot save: no Save button, and the server refuses a direct call.
	await leader.getByRole('link', { name: 'Nhập dữ liệu' }).click();
	await leader
		.getByTestId('file-input')
		.setInputFiles({ name: FILE, mimeType: 'text/csv', buffer: Buffer.from(CSV) });
	await expect(leader.getByTestId('import-report')).toBeVisible();
	await expect(leader.getByTestId('save-hidden')).toBeVisible();
	await expect(leader.getByTestId('import-commit')).toHaveCount(0);
	const status = await leader.evaluate(async () => {
		const res = await fetch('/api/imports', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				baseVersion: 1,
				files: [
					{
						name: 'x.csv',
						hash: '0'.repeat(64),
						rows: [
							{
								unit: 'Phổ An',
								period: '2024',
								indicator: 'petition_cases_received',
								value: 1,
								qualifier: ''
							}
						]
					}
				]
			})
		});
		return res.status;
	});
	expect(status).toBe(403);

	// The staff member undoes; the leader's history and notice follow.
	await staff.getByTestId('undo-import').first().click();
	await expect(staff.getByTestId('undo-counts')).toContainText('trả lại giá trị cũ cho 1 ô');
	await staff.getByTestId('undo-confirm').click();
	await expect(staff.getByTestId('undo-result')).toBeVisible();
	await expect(staff.getByTestId('import-history')).toContainText('Đã hoàn tác');
	await expect(leader.getByTestId('data-notice')).toContainText('hoàn tác', { timeout: 10_000 });
	await expect(leader.getByTestId('import-history')).toContainText('Đã hoàn tác');
	await admin.dispose();
});

test('offline, the last copy opens read-only with a badge; the notice and badge fit a phone', async ({
	browser,
	baseURL
}) => {
	const page = await loggedIn(browser, baseURL!, LEADER);
	await expect(page.getByTestId('chart').first()).toHaveAttribute('data-state', 'ready');
	// Wait until the copy is kept in IndexedDB (it is written right after the first load).
	await expect
		.poll(() =>
			page.evaluate(
				() =>
					new Promise<boolean>((resolve) => {
						const req = indexedDB.open('chi-so', 1);
						req.onsuccess = () => {
							const get = req.result.transaction('snapshots').objectStore('snapshots').get('server');
							get.onsuccess = () => resolve(!!get.result);
							get.onerror = () => resolve(false);
						};
						req.onerror = () => resolve(false);
					})
			)
		)
		.toBe(true);
	// The server stops answering (the page's own files still load).
	await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
	await page.reload();
	await expect(page.getByTestId('offline-badge')).toHaveText('Ngoại tuyến · Offline');
	await expect(page.getByTestId('chart').first()).toHaveAttribute('data-state', 'ready');
	await page.screenshot({ path: 'test-results/server/workspace-offline-1366.png' });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: 'test-results/server/workspace-offline-390.png' });
	await page.context().close();
});

test('a save made on an old version is refused (409): the page shows the differences again, then saves', async ({
	browser,
	baseURL
}) => {
	const admin = await adminWithUsers(baseURL!);
	const staff = await loggedIn(browser, baseURL!, STAFF);
	await staff.getByRole('link', { name: 'Nhập dữ liệu' }).click();
	const mine = 'unit,period,indicator,value\nPhổ Châu,2024,petition_cases_received,555\n';
	await staff
		.getByTestId('file-input')
		.setInputFiles({ name: 'chau.csv', mimeType: 'text/csv', buffer: Buffer.from(mine) });
	await expect(staff.getByTestId('import-diff')).toHaveAttribute('data-changed', '1');

	// Meanwhile someone else saves the same cell.
	const { version } = await (await admin.get('/api/health')).json();
	const other = await admin.post('/api/imports', {
		data: {
			baseVersion: version,
			files: [
				{
					name: 'other.csv',
					hash: 'a'.repeat(64),
					rows: [
						{
							unit: 'Phổ Châu',
							period: '2024',
							indicator: 'petition_cases_received',
							value: 444,
							qualifier: ''
						}
					]
				}
			]
		}
	});
	expect(other.status()).toBe(200);

	await staff.getByTestId('import-commit').click();
	await expect(staff.getByTestId('save-conflict')).toBeVisible();
	await expect(staff.getByTestId('import-saved')).toHaveCount(0);
	// The differences are computed again against the new figures (444 → 555), then saved on purpose.
	await expect(staff.getByTestId('import-diff')).toHaveAttribute('data-changed', '1');
	await staff.getByText('Xem các giá trị thay đổi').first().click();
	await expect(staff.locator('table.changes')).toContainText('444');
	await staff.getByTestId('import-commit').click();
	await expect(staff.getByTestId('import-saved')).toBeVisible();
	const csv = await (await admin.get('/api/workspace?format=csv')).text();
	expect(csv).toContain('Phổ Châu,2024,petition_cases_received,555');
	await admin.dispose();
	await staff.context().close();
});

test("the data page's SQL console cannot reach another host: DuckDB refuses, no request leaves", async ({
	browser,
	baseURL
}) => {
	await adminWithUsers(baseURL!).then((a) => a.dispose());
	const page = await loggedIn(browser, baseURL!, LEADER);
	const requests: string[] = [];
	page.on('request', (r) => requests.push(r.url()));
	await page.getByRole('link', { name: 'Dữ liệu', exact: true }).click();
	await page.getByTestId('sql-input').fill("SELECT * FROM read_csv('https://example.com/x.csv')");
	await page.getByTestId('sql-run').click();
	const error = page.getByTestId('sql-error');
	await expect(error).toBeVisible();
	await expect(error).toContainText('file system operations are disabled by configuration');
	await page.getByTestId('sql-input').fill('SELECT count(*) AS n FROM observations');
	await page.getByTestId('sql-run').click();
	await expect(page.getByTestId('sql-summary')).toBeVisible();
	expect(requests.filter((u) => !u.startsWith('http://127.0.0.1:'))).toEqual([]);
	await page.context().close();
});
