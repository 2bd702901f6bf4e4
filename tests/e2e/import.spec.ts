import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { chartsReady, expect, test } from './fixtures';

const MESSY = 'tests/fixtures/e2e/bao-cao-don-thu-2024.csv';

/** The trend chart's data table row of one unit on the overview. */
async function trendRow(page: Page, unit: string) {
	await page.goto('/');
	await chartsReady(page, await page.getByTestId('chart').count());
	const figure = page.getByTestId('chart').first().locator('xpath=..');
	await figure.getByText('Bảng số liệu').first().click();
	return figure.locator('tr', { has: page.getByRole('cell', { name: unit, exact: true }) }).first();
}

async function openImport(page: Page) {
	await page.goto('/import');
	await expect(page.getByTestId('file-input')).toBeAttached();
}

test('upload a messy sheet, fix it, commit, reload, undo, export and re-import', async ({ page }) => {
	test.setTimeout(300_000); // the whole life of an import in one story
	await expect(await trendRow(page, 'Phổ An')).not.toContainText('99');

	await openImport(page);
	await page.getByTestId('file-input').setInputFiles(MESSY);
	const report = page.getByTestId('import-report');
	await expect(report).toBeVisible();
	// The unknown ward is named with its row and column, and the closest known name is offered.
	const unknown = report.locator('tr[data-code="unknown_unit"]');
	await expect(unknown).toContainText('P. Phổ Thạnhh');
	await expect(unknown).toContainText('6');
	await expect(report.locator('tr[data-code="total_row_skipped"]')).toHaveCount(1);
	await expect(page.getByTestId('import-shape')).toContainText('Mỗi chỉ tiêu một cột');
	await page.screenshot({ path: 'test-results/import-messy.png', fullPage: true });

	await unknown.getByRole('button', { name: 'Phổ Thạnh' }).click();
	await expect(report.locator('tr[data-code="unknown_unit"]')).toHaveCount(0);
	await expect(page.getByTestId('import-valid')).toHaveText('2');
	await expect(page.getByTestId('import-diff')).toContainText('2 thay đổi');

	await page.getByTestId('import-commit').click();
	await expect(page.getByTestId('import-saved')).toContainText('2 thay đổi');
	await expect(await trendRow(page, 'Phổ An')).toContainText('99');

	// Committed data survives a reload (IndexedDB snapshot).
	await page.reload();
	await expect(await trendRow(page, 'Phổ An')).toContainText('99');

	// Undo restores the overwritten values exactly.
	await openImport(page);
	await expect(page.getByTestId('import-history')).toContainText('bao-cao-don-thu-2024.csv');
	await page.getByTestId('undo-import').first().click();
	await expect(page.getByTestId('import-history')).toContainText('Đã hoàn tác');
	await expect(await trendRow(page, 'Phổ An')).not.toContainText('99');

	// Export everything, then import the export: nothing new, nothing changed.
	await openImport(page);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('export-csv').click()
	]);
	expect(download.suggestedFilename()).toMatch(/^chi-so-du-lieu-\d{4}-\d{2}-\d{2}\.csv$/);
	const path = await download.path();
	const text = readFileSync(path, 'utf8');
	expect(text.startsWith('\uFEFFunit,period,indicator,value,qualifier,note')).toBe(true);
	await page
		.getByTestId('file-input')
		.setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: readFileSync(path) });
	await expect(page.getByTestId('import-diff')).toHaveAttribute('data-added', '0');
	await expect(page.getByTestId('import-diff')).toHaveAttribute('data-changed', '0');
});

test('a hostile file runs no script, stores text verbatim and exports it neutralised', async ({ page }) => {
	page.on('dialog', (d) => {
		throw new Error(`unexpected dialog: ${d.message()}`);
	});
	await openImport(page);
	await page.getByTestId('file-input').setInputFiles('tests/fixtures/import/hostile.csv');
	const report = page.getByTestId('import-report');
	await expect(report).toContainText('<img src=x onerror=alert(1)>');
	await expect(page.locator('img[src="x"]')).toHaveCount(0);
	await page.getByTestId('import-commit').click();
	await expect(page.getByTestId('import-saved')).toBeVisible();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('export-csv').click()
	]);
	const text = readFileSync(await download.path(), 'utf8');
	expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
	expect(text).toContain("'; DROP TABLE observations; --");
	expect(await page.evaluate(() => (window as unknown as { alerted?: boolean }).alerted)).toBeUndefined();
});

test('bad files get one clear message and change nothing', async ({ page }) => {
	await openImport(page);
	for (const [file, code] of [
		['tests/fixtures/import/workbook.xlsx', 'excel_workbook'],
		['tests/fixtures/import/empty.csv', 'empty_file'],
		['tests/fixtures/import/random.bin', 'binary_file'],
		['tests/fixtures/import/unterminated-quote.csv', 'unterminated_quote']
	] as const) {
		await page.getByTestId('file-input').setInputFiles(file);
		const card = page.getByTestId('import-file').last();
		await expect(card.locator(`tr[data-code="${code}"]`)).toBeVisible();
	}
	await expect(page.getByTestId('import-commit')).toBeDisabled();
	await expect(page.getByTestId('import-file').first()).toContainText('CSV UTF-8');
});

test('reset to sample data asks first', async ({ page }) => {
	await openImport(page);
	await page.getByTestId('file-input').setInputFiles(MESSY);
	await page
		.getByTestId('import-report')
		.locator('tr[data-code="unknown_unit"]')
		.getByRole('button', { name: 'Phổ Thạnh' })
		.click();
	await page.getByTestId('import-commit').click();
	await expect(page.getByTestId('import-saved')).toBeVisible();
	page.once('dialog', (d) => d.dismiss());
	await page.getByTestId('reset-sample').click();
	await expect(page.getByTestId('import-history')).toContainText('bao-cao-don-thu-2024.csv');
	page.once('dialog', (d) => d.accept());
	await page.getByTestId('reset-sample').click();
	await expect(page.getByTestId('import-history')).not.toContainText('bao-cao-don-thu-2024.csv');
	await expect(await trendRow(page, 'Phổ An')).not.toContainText('99');
});

test('the language switch turns the UI to English and is remembered', async ({ page }) => {
	await openImport(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhập dữ liệu');
	await page.getByTestId('lang-toggle').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import data');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByTestId('file-input').setInputFiles(MESSY);
	await expect(page.getByTestId('import-report').locator('tr[data-code="unknown_unit"]')).toContainText(
		'Unknown unit'
	);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import data');
	await expect(page.getByRole('navigation')).toContainText('Overview');
	await page.getByTestId('lang-toggle').click();
	await expect(page.getByRole('navigation')).toContainText('Tổng quan');
});
