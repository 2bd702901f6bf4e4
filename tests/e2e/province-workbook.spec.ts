/**
 * An office of the new Quảng Ngãi province (issue: any province, any workbook): it chooses the
 * province as its scope, imports an Excel workbook of three sheets (2022–2024) that names old wards —
 * one of them, `P. Nguyễn Nghiêm`, two wards of the province bore in those years, which the import asks
 * about instead of guessing — and sees the 2025-units view with the note on merged and split units.
 */
import { chartsReady, expect, test } from './fixtures';

test('choose Quảng Ngãi, import a three-sheet workbook naming old wards, see the 2025 units with their note', async ({
	page
}) => {
	test.setTimeout(180_000);
	await page.goto('/units');
	await page.getByTestId('scope').locator('summary').click();
	await expect(page.getByTestId('scope-province')).toHaveValue('51');
	await page
		.getByTestId('scope-districts')
		.getByRole('checkbox', { name: /Thị xã Đức Phổ/ })
		.uncheck();
	await page.getByTestId('scope-apply').click();
	await expect(page.getByTestId('units-after').locator('h2')).toContainText('(96)');
	await page.goto('/');
	await expect(page.getByTestId('overview-subtitle')).toHaveText(
		'Tỉnh Quảng Ngãi — 96 xã, phường từ 01/7/2025 (273 đơn vị trước đó)'
	);

	await page.goto('/import');
	await page.getByTestId('file-input').setInputFiles('tests/fixtures/xlsx/three-years.xlsx');
	const report = page.getByTestId('import-report');
	await expect(report).toBeVisible();
	// Two wards of the province were called Nguyễn Nghiêm until 2025: a finding with both, never a guess.
	const ambiguous = report.locator('tr[data-code="ambiguous_unit"]').first();
	await expect(ambiguous).toContainText('P. Nguyễn Nghiêm');
	await ambiguous.getByRole('button', { name: 'Nguyễn Nghiêm', exact: true }).click();
	await expect(report.locator('tr[data-code="ambiguous_unit"]')).toHaveCount(0);
	await expect(page.getByTestId('import-valid')).toHaveText('18');
	await page.getByTestId('import-commit').click();
	await expect(page.getByTestId('import-saved')).toBeVisible();

	await page.goto('/indicators/petition_cases_received?v=2025');
	await chartsReady(page, 3);
	const note = page.getByTestId('merge-note');
	await expect(note).toContainText('gộp vào đơn vị kế thừa');
	await expect(note).toContainText('không cộng vào đơn vị nào: Trà Bùi');
	// The whole-area line is the province's part the office follows, not the sample's town.
	await page.getByTestId('reference').selectOption('total');
	await expect(page.getByTestId('reference').locator('option:checked')).toHaveText('Tổng toàn địa bàn');
	await page.goto('/?v=2025');
	await expect(page.getByTestId('merge-note')).toContainText('Trà Bùi');
	await expect(page.getByRole('heading', { name: /^Chỉ tiêu chính toàn địa bàn, \d{4}$/ })).toBeVisible();
	await expect(page.getByText('Toàn thị xã')).toHaveCount(0);
	// The tiles count the year's reports against the province's units of that year (273 before 2025).
	await expect(page.getByTestId('tile').first()).toContainText(/\d+\/273 đơn vị có số liệu/);
	await page.screenshot({ path: 'test-results/province-workbook-2025-1366.png' });
});
