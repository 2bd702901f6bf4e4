import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { bigCsv } from '../fixtures/big-csv';
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
	// First what the undo will do: both figures it changed get their old value back, nothing else.
	await expect(page.getByTestId('undo-counts')).toHaveText(
		'Sẽ bỏ 0 ô do lần nhập này thêm vào và trả lại giá trị cũ cho 2 ô nó đã thay.'
	);
	await expect(page.getByTestId('undo-kept-preview')).toHaveCount(0);
	await page.getByTestId('undo-confirm').click();
	await expect(page.getByTestId('undo-preview')).toHaveCount(0);
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
		['tests/fixtures/import/workbook.xlsx', 'xlsx_not_zip'],
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

// ——— Large files: streaming parse with progress, and cancelling ———

/**
 * Records, in the page, every value the determinate progress bar shows (with the time it was first
 * seen) and every long main-thread task.
 */
async function watchProgress(page: Page) {
	await page.evaluate(() => {
		const w = window as unknown as { progressSeen: [number, number][]; longTasks: [number, number][] };
		w.progressSeen = [];
		w.longTasks = [];
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) w.longTasks.push([e.startTime, e.duration]);
		}).observe({ type: 'longtask' });
		const poll = () => {
			const bar = document.querySelector<HTMLProgressElement>('[data-testid="import-progress"]');
			if (bar && bar.hasAttribute('value') && w.progressSeen.at(-1)?.[1] !== bar.value)
				w.progressSeen.push([performance.now(), bar.value]);
			requestAnimationFrame(poll);
		};
		poll();
	});
}

const seen = (page: Page) =>
	page.evaluate(() => {
		const w = window as unknown as { progressSeen: [number, number][]; longTasks: [number, number][] };
		return { progressSeen: w.progressSeen, longTasks: w.longTasks };
	});

/** Runs a query in the SQL console of the data page; the summary says how many rows came back. */
async function sql(page: Page, query: string) {
	await page.goto(`/data?sql=${encodeURIComponent(query)}`);
	await expect(page.getByTestId('sql-summary')).toBeVisible();
	return { result: page.getByTestId('sql-result'), summary: page.getByTestId('sql-summary') };
}

/** One number from the SQL console. */
async function sqlNumber(page: Page, query: string): Promise<string> {
	const { result } = await sql(page, query);
	return (await result.locator('tbody tr').first().locator('th, td').first().innerText()).trim();
}

const shots = process.env.IMPORT_SHOTS;

test('a file over 1 MB is read in the worker with a determinate progress bar that reaches 100 %', async ({
	page
}) => {
	test.setTimeout(240_000);
	await openImport(page);
	await watchProgress(page);
	const buffer = Buffer.from(bigCsv({ bytes: 3_000_000 }));
	expect(buffer.length).toBeGreaterThan(1_048_576);
	await page
		.getByTestId('file-input')
		.setInputFiles({ name: 'bao-cao-lon.csv', mimeType: 'text/csv', buffer });
	const bar = page.getByTestId('import-progress');
	await expect(bar).toHaveAttribute('max', '1');
	if (shots) await page.screenshot({ path: `${shots}/progress.png` });
	await expect(page.getByTestId('import-file')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
	await expect(page.getByTestId('import-valid')).toHaveText('5.040');
	await expect(page.getByTestId('import-commit')).toBeEnabled();

	const { progressSeen, longTasks } = await seen(page);
	const values = progressSeen.map(([, v]) => v);
	// Real steps in between, never backwards, ending at exactly 1.
	expect(values.length).toBeGreaterThanOrEqual(3);
	expect(values.some((v) => v > 0 && v < 1)).toBe(true);
	expect([...values].sort((a, b) => a - b)).toEqual(values);
	expect(values.at(-1)).toBe(1);
	// Parsing runs in the worker: while the bar moved, no main-thread task took 100 ms or more.
	const from = progressSeen.find(([, v]) => v > 0)![0];
	const to = progressSeen.find(([, v]) => v === 1)![0];
	const during = longTasks.filter(([start, duration]) => start + duration > from && start < to);
	expect(
		Math.max(0, ...during.map(([, d]) => d)),
		`long tasks while parsing: ${during.map(([, d]) => Math.round(d)).join(', ')} ms`
	).toBeLessThan(100);
});

test('cancelling a big file ends its worker, stages nothing and changes no stored data', async ({ page }) => {
	test.setTimeout(240_000); // an 8 MB upload through the test driver takes a while here
	const before = await sqlNumber(page, 'SELECT count(*) AS n FROM observations');
	await openImport(page);
	const history = await page.getByTestId('import-history').textContent();
	const workers = page.workers().length;

	// Row-heavy (43 000 rows, years back to 1991): the worker is busy long enough to be stopped midway.
	const buffer = Buffer.from(bigCsv({ bytes: 8_000_000, fromYear: 1991 }));
	await page.getByTestId('file-input').setInputFiles({ name: 'rat-lon.csv', mimeType: 'text/csv', buffer });
	const card = page.getByTestId('import-file');
	await expect(page.getByTestId('import-progress')).toHaveAttribute('value', /.+/);
	await expect.poll(() => page.workers().length).toBe(workers + 1);
	await page.getByTestId('import-cancel').click();

	await expect(card).toHaveAttribute('data-status', 'cancelled');
	await expect(card).toContainText('Đã hủy');
	await expect(page.getByTestId('import-progress')).toHaveCount(0);
	await expect(page.getByTestId('import-commit')).toBeDisabled();
	await expect.poll(() => page.workers().length).toBe(workers);
	// Whatever the worker would still have said arrives nowhere: the card stays cancelled.
	await page.waitForTimeout(1500);
	await expect(card).toHaveAttribute('data-status', 'cancelled');
	expect(await page.getByTestId('import-history').textContent()).toBe(history);

	expect(await sqlNumber(page, 'SELECT count(*) AS n FROM observations')).toBe(before);
});

test('an unknown indicator column is added as a new indicator and saved with its values', async ({
	page
}) => {
	test.setTimeout(240_000); // add twice, save, reload, undo
	page.on('dialog', (d) => {
		throw new Error(`unexpected dialog: ${d.message()}`);
	});
	const hostile = '<img src=x onerror="window.alerted=1">Đêm văn nghệ';
	const csv = [
		`Phường/Xã;Năm;Tổng số đơn tiếp nhận;Số buổi đối thoại với thanh niên;${hostile}`,
		'Phổ An;2023;19;4;',
		'Phổ Vinh;2023;12;3 buổi;2',
		'Phổ Châu;2023;9;-;1'
	].join('\r\n');
	await openImport(page);
	await page
		.getByTestId('file-input')
		.setInputFiles({ name: 'doi-thoai.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	const report = page.getByTestId('import-report');
	const unknown = report.locator('tr[data-code="unknown_indicator"]');
	await expect(unknown).toHaveCount(2);
	await expect(page.getByTestId('import-valid')).toHaveText('3');

	// The first: name prefilled from the column, a safe code, an English name added.
	await unknown.filter({ hasText: 'thanh niên' }).getByTestId('add-indicator').click();
	const form = page.getByTestId('new-indicator-form');
	await expect(form.getByLabel('Tên tiếng Việt')).toHaveValue('Số buổi đối thoại với thanh niên');
	await expect(form.getByTestId('new-indicator-code')).toHaveText('so_buoi_doi_thoai_voi_thanh_nien');
	await expect(form.getByLabel('Tên tiếng Việt')).toBeFocused();
	await form.getByLabel('Tên tiếng Anh').fill('Youth dialogue sessions');
	await expect(form.getByLabel('Đơn vị tính')).toHaveValue('count');
	if (shots) await page.screenshot({ path: `${shots}/add-indicator.png` });
	await form.getByTestId('new-indicator-submit').click();
	await expect(unknown).toHaveCount(1);
	await expect(page.getByTestId('import-valid')).toHaveText('5');

	// The hostile one: its name is text, its code plain ASCII.
	await unknown.getByTestId('add-indicator').click();
	await expect(form.getByTestId('new-indicator-code')).toHaveText(
		'img_src_x_onerror_window_alerted_1_dem_van_nghe'
	);
	await form.getByTestId('new-indicator-submit').click();
	await expect(unknown).toHaveCount(0);
	await expect(page.getByTestId('import-valid')).toHaveText('7');
	await expect(page.getByTestId('pending-indicators')).toContainText('Số buổi đối thoại với thanh niên');
	await expect(page.getByTestId('pending-indicators')).toContainText(hostile);

	await page.getByTestId('import-commit').click();
	await expect(page.getByTestId('import-saved')).toBeVisible();
	await expect(page.getByTestId('pending-indicators')).toHaveCount(0);

	// In the dictionary (and still after a reload), with its values stored.
	await page.goto('/indicators');
	await expect(page.getByRole('link', { name: 'Số buổi đối thoại với thanh niên' })).toBeVisible();
	await expect(page.getByText(hostile)).toBeVisible();
	await expect(page.locator('img[src="x"]')).toHaveCount(0);
	const values = () =>
		sql(
			page,
			"SELECT unit, value FROM observations WHERE indicator = 'so_buoi_doi_thoai_voi_thanh_nien' ORDER BY unit"
		);
	const stored = await values();
	await expect(stored.summary).toHaveText('2 dòng');
	await expect(stored.result).toContainText(/Phổ An\s*4/);
	await expect(stored.result).toContainText(/Phổ Vinh\s*3/);
	await page.reload();
	await page.goto('/indicators');
	await expect(page.getByRole('link', { name: 'Số buổi đối thoại với thanh niên' })).toBeVisible();

	// Undoing the import takes the values away; the indicator stays in the dictionary.
	await openImport(page);
	await page.getByTestId('undo-import').first().click();
	await page.getByTestId('undo-confirm').click();
	await expect(page.getByTestId('import-history')).toContainText('Đã hoàn tác');
	await expect((await values()).summary).toHaveText('0 dòng');
	await page.goto('/indicators');
	await expect(page.getByRole('link', { name: 'Số buổi đối thoại với thanh niên' })).toBeVisible();
	expect(await page.evaluate(() => (window as unknown as { alerted?: number }).alerted)).toBeUndefined();
});

/**
 * A canonical file over 256 KB (so DuckDB's bulk path reads it): eight wards × the years × four count
 * indicators, each row with a long note, then `extra` rows.
 */
function largeCanonicalFile(
	{
		years: [from, to],
		value,
		noteRepeats
	}: { years: [number, number]; value: (year: number) => number; noteRepeats: number },
	extra: string[]
): Buffer {
	const units = ['Phổ An', 'Phổ Văn', 'Phổ Châu', 'Phổ Thạnh', 'Phổ Minh', 'Phổ Vinh', 'Phổ Hòa', 'Phổ Ninh'];
	const codes = [
		'petitions_received',
		'petition_cases_received',
		'land_disputes_mediated',
		'feedback_cases_resolved'
	];
	const note = 'Ghi chú dài để tệp lớn hơn 256 KB — '.repeat(noteRepeats);
	const lines = ['unit,period,indicator,value,qualifier,note'];
	for (const unit of units)
		for (let year = from; year <= to; year++)
			for (const code of codes) lines.push(`${unit},${year},${code},${value(year)},,${note}`);
	const buffer = Buffer.from([...lines, ...extra].join('\n') + '\n');
	expect(buffer.length).toBeGreaterThan(256 * 1024);
	return buffer;
}

test('a large canonical file (DuckDB bulk path) is re-checked after a one-click fix and its rows import', async ({
	page
}) => {
	test.setTimeout(120_000);
	// Over 256 KB, canonical header, UTF-8: read by DuckDB's read_csv. One ward name has a typo.
	const buffer = largeCanonicalFile(
		{ years: [1990, 2020], value: (year) => (year % 7) + 3, noteRepeats: 5 },
		['Phổ Ann,2021,petitions_received,5,,']
	);
	await openImport(page);
	await page.getByTestId('file-input').setInputFiles({ name: 'lon.csv', mimeType: 'text/csv', buffer });
	const report = page.getByTestId('import-report');
	const unknown = report.locator('tr[data-code="unknown_unit"]');
	await expect(unknown).toContainText('Phổ Ann');
	await expect(page.getByTestId('import-valid')).toHaveText('992');

	// The fix re-reads the same bytes: all of them are still there.
	await unknown.getByRole('button', { name: 'Phổ An', exact: true }).click();
	await expect(report.locator('tr[data-code="unknown_unit"]')).toHaveCount(0);
	await expect(page.getByTestId('import-valid')).toHaveText('993');
	await page.getByTestId('import-commit').click();
	// 992 new figures (1990–2020); the fixed row replaces Phổ An's stored 2021 figure.
	await expect(page.getByTestId('import-saved')).toContainText('992 giá trị mới, 1 thay đổi');
});

test('a large file written as stored (an export) is kept as read until saved: findings, save, values, undo', async ({
	page
}) => {
	test.setTimeout(120_000);
	// Over 256 KB, canonical, and every text as stored: names, years, codes, plain numbers. Still one
	// row written twice (a warning) and one that breaks an order rule (an error: not stored).
	const buffer = largeCanonicalFile(
		{ years: [2020, 2024], value: (year) => (year % 7) + 300, noteRepeats: 45 },
		[
			`Phổ An,2020,petitions_received,${(2020 % 7) + 300},,`,
			'Phổ An,2020,land_disputes_mediated_success,999,,'
		]
	);
	await openImport(page);
	await page.getByTestId('file-input').setInputFiles({ name: 'xuat.csv', mimeType: 'text/csv', buffer });
	const report = page.getByTestId('import-report');
	await expect(report.locator('tr[data-code="duplicate_same"]')).toContainText('162');
	await expect(report.locator('tr[data-code="mediated_success_exceeds_mediated"]')).toContainText('163');
	await expect(page.getByTestId('import-valid')).toHaveText('160');
	await page.screenshot({ path: 'test-results/import-large.png', fullPage: true });
	const diff = page.getByTestId('import-diff');
	await expect(diff).toBeVisible();
	const added = Number(await diff.getAttribute('data-added'));
	const changed = Number(await diff.getAttribute('data-changed'));
	expect(added + changed).toBe(160);

	await page.getByTestId('import-commit').click();
	await expect(page.getByTestId('import-saved')).toContainText(`${added} giá trị mới, ${changed} thay đổi`);
	const stored = (where: string) =>
		sqlNumber(page, `SELECT count(*) FROM observations WHERE source = 'xuat.csv' ${where}`);
	expect(await stored('')).toBe('160');
	expect(
		await sqlNumber(
			page,
			"SELECT value FROM observations WHERE unit = 'Phổ Ninh' AND period = '2024' AND indicator = 'feedback_cases_resolved'"
		)
	).toBe('301');
	expect(await stored("AND indicator = 'land_disputes_mediated_success'")).toBe('0');

	// Undo takes every one of them back.
	await openImport(page);
	await page.getByTestId('undo-import').first().click();
	await page.getByTestId('undo-confirm').click();
	await expect(page.getByTestId('import-history')).toContainText('Đã hoàn tác');
	expect(await stored('')).toBe('0');
});

test('a checked file without any finding still has its report', async ({ page }) => {
	await openImport(page);
	await page.getByTestId('file-input').setInputFiles({
		name: 'sach.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('unit,period,indicator,value\nPhổ An,2024,petition_cases_received,99\n')
	});
	const report = page.getByTestId('import-report');
	await expect(report).toBeVisible();
	await expect(report).toHaveAttribute('data-findings', '0');
	await expect(report).toContainText('Không có lỗi hay cảnh báo.');
	await expect(page.getByTestId('import-commit')).toBeEnabled();
});
