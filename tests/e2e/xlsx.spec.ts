import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openWorkbook } from '../../src/lib/import/xlsx';

const THREE_YEARS = 'tests/fixtures/xlsx/three-years.xlsx';

async function openImport(page: Page) {
	await page.goto('/import');
	await expect(page.getByTestId('file-input')).toBeAttached();
}

test('a workbook of three sheets (2022, 2023, 2024) goes through the import page to a commit', async ({
	page
}) => {
	await openImport(page);
	await page.getByTestId('file-input').setInputFiles(THREE_YEARS);
	const report = page.getByTestId('import-report');
	await expect(report).toBeVisible();
	// All three sheets agree: read together, each sheet giving its year.
	const sheet = page.getByTestId('import-sheet');
	await expect(sheet).toHaveValue('*');
	await expect(page.getByTestId('import-valid')).toHaveText('18');
	await expect(report.getByTestId('finding-cell').first()).toHaveText('Sheet "2022"!A3');

	// One sheet alone, then all of them again.
	await sheet.selectOption('2023');
	await expect(page.getByTestId('import-valid')).toHaveText('6');
	await sheet.selectOption('*');
	await expect(page.getByTestId('import-valid')).toHaveText('18');
	await expect(page.getByTestId('import-diff')).toBeVisible();

	// The findings for Excel: a workbook with the cells.
	const [findings] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('findings-xlsx').click()
	]);
	expect(findings.suggestedFilename()).toBe('three-years-phat-hien.xlsx');
	const book = openWorkbook(new Uint8Array(readFileSync(await findings.path())));
	const rows = book.read(book.sheets[0]).rows;
	expect(rows[0][1]).toBe('Ô');
	expect(rows.map((r) => r[1])).toContain('Sheet "2024"!A3');

	await page.getByTestId('import-commit').click();
	await expect(page.getByTestId('import-saved')).toBeVisible();

	// The data page shows a figure of the workbook and exports for Excel; the export imports back unchanged.
	await page.goto('/data');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('export-xlsx').click()
	]);
	expect(download.suggestedFilename()).toMatch(/^chi-so-du-lieu-\d{4}-\d{2}-\d{2}\.xlsx$/);
	const exported = new Uint8Array(readFileSync(await download.path()));
	const data = openWorkbook(exported);
	const grid = data.read(data.sheets[0]).rows;
	expect(grid[0]).toEqual([
		'Đơn vị',
		'Kỳ',
		'Mã chỉ tiêu',
		'Tên chỉ tiêu đầy đủ',
		'Giá trị',
		'Dấu so sánh',
		'Ghi chú',
		'Nguồn'
	]);
	expect(
		grid.some((r) => r[0] === 'Phổ An' && r[1] === '2022' && r[2] === 'petitions_received' && r[4] === '12')
	).toBe(true);
	await openImport(page);
	await page.getByTestId('file-input').setInputFiles({
		name: 'export.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: Buffer.from(exported)
	});
	await expect(page.getByTestId('import-diff')).toHaveAttribute('data-added', '0');
	await expect(page.getByTestId('import-diff')).toHaveAttribute('data-changed', '0');
});

test('an old .xls and a zip bomb get one clear message each and change nothing', async ({ page }) => {
	await openImport(page);
	for (const [file, code] of [
		['tests/fixtures/xlsx/old.xls', 'xlsx_is_xls'],
		['tests/fixtures/xlsx/zip-bomb.xlsx', 'xlsx_zip_bomb']
	] as const) {
		await page.getByTestId('file-input').setInputFiles(file);
		const card = page.getByTestId('import-file').last();
		await expect(card.locator(`tr[data-code="${code}"]`)).toBeVisible();
	}
	await expect(page.getByTestId('import-commit')).toBeDisabled();
});
