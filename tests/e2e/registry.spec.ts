/**
 * The unit registry in the app: a unit's page says where it went on 1 July 2025 and under which
 * clause, and offers the other unit of the same code; old links with the local DP2025 codes open the
 * official units.
 */
import { mkdirSync } from 'node:fs';
import { chartsReady, expect, test } from './fixtures';

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

test('the old 21439 and the new 21439 are two units, each with its clause', async ({ page }) => {
	await page.goto('/units/21439');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Nguyễn Nghiêm');
	const origin = page.getByTestId('unit-origin');
	await expect(origin.getByTestId('origin-line')).toHaveCount(1);
	await expect(origin.getByTestId('origin-line')).toHaveText(
		'Toàn bộ nhập vào Đức Phổ — Theo Nghị quyết 1677/NQ-UBTVQH15, khoản 86'
	);
	await expect(origin.getByTestId('origin-clause')).toHaveText('Theo Nghị quyết 1677/NQ-UBTVQH15, khoản 86');
	const other = page.getByTestId('same-code').getByRole('link', { name: 'Đức Phổ' });
	await expect(other).toHaveAttribute('href', '/units/21439@2025-07-01');
	await chartsReady(page, 1);
	await page.screenshot({ path: `${SHOTS}/registry-unit-1366.png` });

	await other.click();
	await expect(page).toHaveURL(/\/units\/21439@2025-07-01$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Đức Phổ');
	await expect(page.getByTestId('origin-line')).toHaveCount(5);
	await expect(page.getByTestId('origin-line').first()).toContainText('Hình thành từ');
	await expect(page.getByTestId('same-code')).toContainText('Nguyễn Nghiêm');
});

test('first use asks which units the office follows: keep Đức Phổ, or choose on the unit page', async ({
	page
}) => {
	await page.goto('/');
	const prompt = page.getByTestId('scope-prompt');
	await expect(prompt).toContainText('Cơ quan của bạn theo dõi đơn vị nào?');
	await prompt.getByTestId('scope-prompt-choose').click();
	await expect(page).toHaveURL(/\/units#scope$/);
	await expect(page.getByTestId('scope')).toHaveAttribute('open', '');
	await expect(page.getByTestId('scope-province')).toHaveValue('51');
	await page.goto('/');
	await page.getByTestId('scope-prompt-keep').click();
	await expect(prompt).toHaveCount(0);
	await page.reload();
	await expect(page.getByTestId('chart').first()).toBeVisible();
	await expect(prompt).toHaveCount(0);
});

test('links with the local DP2025 codes open the official units', async ({ page }) => {
	await page.goto('/units/DP2025-03');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Xã Nguyễn Nghiêm');
	await expect(page.getByTestId('origin-line')).toHaveCount(2);
	await expect(page.getByTestId('origin-clause').first()).toHaveText(
		'Theo Nghị quyết 1677/NQ-UBTVQH15, khoản 3'
	);
});

test('choosing Quảng Ngãi as the scope: 96 units of 2025, the merged view says so', async ({ page }) => {
	await page.goto('/units');
	await expect(page.getByTestId('units-after').locator('h2')).toContainText('(5)');
	await page.getByTestId('scope').locator('summary').click();
	await expect(page.getByTestId('scope-province')).toHaveValue('51');
	const ducPho = page.getByTestId('scope-districts').getByRole('checkbox', { name: /Thị xã Đức Phổ/ });
	await expect(ducPho).toBeChecked();
	await ducPho.uncheck();
	await page.getByTestId('scope-apply').click();
	await expect(page.getByTestId('units-after').locator('h2')).toContainText('(96)');
	await expect(page.getByTestId('units-before').locator('h2')).toContainText('(273)');
	// The sample's figures keep their units: Nguyễn Nghiêm of Đức Phổ keeps its name.
	await page.getByTestId('units-search').fill('nguyen nghiem');
	await expect(page.getByTestId('units-table-before').locator('tbody tr')).toHaveCount(2);
	await expect(page.getByTestId('units-table-before')).toContainText('Nguyễn Nghiêm (Quảng Ngãi)');
	// The choice is remembered; the other Nguyễn Nghiêm has its page and its clause.
	await page.reload();
	await page.getByTestId('scope').locator('summary').click();
	await expect(
		page.getByTestId('scope-districts').getByRole('checkbox', { name: /Thị xã Đức Phổ/ })
	).not.toBeChecked();
	await expect(page.getByTestId('units-after').locator('h2')).toContainText('(96)');
	await page.goto('/units/21025');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Nguyễn Nghiêm (Quảng Ngãi)');
	await expect(page.getByTestId('origin-line')).toHaveText(
		'Toàn bộ nhập vào Cẩm Thành — Theo Nghị quyết 1677/NQ-UBTVQH15, khoản 83'
	);

	await page.goto('/indicators/petition_resolution_rate?v=2025');
	await chartsReady(page, 3);
	await expect(page.getByTestId('merge-note')).toContainText('gộp vào đơn vị kế thừa');
	await expect(page.getByTestId('merge-note')).toContainText('Đức Phổ 2024 (4/5)');
	// Xã Trà Bùi was split between two new communes: shown apart, added to neither.
	await expect(page.getByTestId('merge-note')).toContainText(
		'Đơn vị bị chia cho nhiều đơn vị mới được hiển thị riêng, không cộng vào đơn vị nào: Trà Bùi.'
	);
	await page.screenshot({ path: `${SHOTS}/registry-scope-2025-1366.png`, fullPage: false });
	const picker = page.getByTestId('unit-picker').first();
	await picker.getByRole('button', { name: /Đơn vị/ }).click();
	await page.screenshot({ path: `${SHOTS}/registry-picker-96-1366.png` });
	await page.getByTestId('unit-search').fill('tra cau');
	await page.screenshot({ path: `${SHOTS}/registry-picker-search-1366.png` });

	// Before July 2025: 273 units, under their former districts.
	await page.goto('/indicators/petition_resolution_rate');
	await chartsReady(page, 3);
	await page
		.getByTestId('unit-picker')
		.first()
		.getByRole('button', { name: /Đơn vị/ })
		.click();
	await expect(page.getByTestId('unit-group')).toHaveCount(23);
	await page.getByTestId('unit-search').fill('nguyen nghiem');
	await expect(page.getByTestId('unit-group')).toHaveText(['Thành phố Quảng Ngãi', 'Thị xã Đức Phổ']);
	await page.screenshot({ path: `${SHOTS}/registry-picker-before-1366.png` });
	// By keyboard, among 273 units: the search box has the focus, Enter takes the first match, the
	// arrows walk the list, Space ticks.
	const search = page.getByTestId('unit-search');
	await search.fill('');
	await expect(search).toBeFocused();
	await page.keyboard.type('pho an');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('list', { name: 'Đơn vị đã chọn' })).toContainText('Phổ An');
	await expect(search).toHaveValue('');
	await page.keyboard.type('pho vinh');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Space');
	const chips = page.getByRole('list', { name: 'Đơn vị đã chọn' }).getByRole('listitem');
	await expect(chips).toHaveCount(2);
	await page.keyboard.press('ArrowUp');
	await expect(search).toBeFocused();
	await expect(chips.nth(1)).toContainText('Phổ Vinh');
});
