/**
 * The leaders' views, walked as a leader would: every page, its choices in the URL (back/forward), the
 * 2025 switch, and the figures shown checked against the bundled data (data/observations.csv) —
 * including the report's 95,2 %. Screenshots for the README tour go to docs/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { chartsReady, expect, test } from './fixtures';

/** README screenshots are rewritten only on request (`DOCS_SCREENSHOTS=1`); other runs keep them in test-results. */
const SHOTS = process.env.DOCS_SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

type Obs = { unit: string; period: string; indicator: string; value: string; qualifier: string };
const OBS = Papa.parse<Obs>(readFileSync('data/observations.csv', 'utf8'), {
	header: true,
	skipEmptyLines: true
}).data;
const value = (unit: string, period: string, indicator: string) => {
	const row = OBS.find((o) => o.unit === unit && o.period === period && o.indicator === indicator);
	return row ? Number(row.value) : undefined;
};
const pct = (x: number) =>
	new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x) + ' %';

/** The town's petition handling rate of a year: Σ handled / Σ received over units that report all three inputs. */
function townHandlingRate(period: string) {
	let num = 0;
	let den = 0;
	for (const unit of new Set(OBS.map((o) => o.unit))) {
		const a = value(unit, period, 'land_disputes_mediated');
		const b = value(unit, period, 'feedback_cases_resolved');
		const c = value(unit, period, 'petition_cases_received');
		if (a === undefined || b === undefined || c === undefined) continue;
		num += a + b;
		den += c;
	}
	return { num, den, text: pct((100 * num) / den) };
}

const NN = encodeURIComponent('Nguyễn Nghiêm');

async function settle(page: Page) {
	await page.evaluate(() => document.fonts.ready);
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function shoot(page: Page, name: string) {
	await settle(page);
	await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

function rowOf(page: Page, table: string, text: string) {
	return page.getByTestId(table).locator('tbody tr', { hasText: text });
}

test.describe('indicator page', () => {
	test("shows the report's petition handling rates exactly, with trend, ranking, heatmap, table and definition", async ({
		page
	}) => {
		await page.goto('/indicators/petition_resolution_rate');
		await chartsReady(page, 3);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Tỷ lệ xử lý đơn (theo vụ việc)');
		const nn = rowOf(page, 'values-table', 'Nguyễn Nghiêm');
		await expect(nn).toContainText('19/19 · 100,0 %');
		await expect(nn).toContainText('20/21 · 95,2 %');
		// Missing is not zero: no 2024 figure for Nguyễn Nghiêm.
		await expect(nn.locator('td').nth(3)).toHaveText('—');
		// The town row is Σ numerators / Σ denominators of the bundled data.
		const town = townHandlingRate('2023');
		await expect(page.getByTestId('values-table').locator('tfoot')).toContainText(
			`${town.num}/${town.den} · ${town.text}`
		);
		// Definition card: formula with links to its inputs, and where the values come from.
		const def = page.getByTestId('definition');
		await expect(
			def.getByTestId('formula').getByRole('link', { name: 'Tổng số vụ việc tiếp nhận' })
		).toBeVisible();
		await expect(def.getByTestId('sources')).toContainText('Báo cáo sơ kết 03 năm');
		// Heatmap and ranking carry the unit names for the legend/tests.
		const series = await page.getByTestId('chart').nth(1).getAttribute('data-series');
		expect(series!.split('|')).toHaveLength(14);
		// The note for users, in the chosen language.
		await expect(def).toContainText('Tính theo vụ việc, như báo cáo');
		await page.getByTestId('lang-toggle').click();
		await expect(def).toContainText('Computed by case, as the report does');
		await expect(def).not.toContainText('Tính theo vụ việc');
	});

	test('prints small-sample rates with their counts and a mark', async ({ page }) => {
		await page.goto('/indicators/land_dispute_mediation_success_rate');
		await chartsReady(page, 3);
		const nn = rowOf(page, 'values-table', 'Nguyễn Nghiêm');
		await expect(nn).toContainText('4/6 · 66,7 %*');
		await expect(nn).toContainText('5/8 · 62,5 %*');
		await page.goto('/indicators/feedback_resolution_rate');
		await chartsReady(page, 3);
		await expect(rowOf(page, 'values-table', 'Nguyễn Nghiêm')).toContainText('12/13 · 92,3 %');
	});

	test('keeps qualified values qualified and multi-year totals as such', async ({ page }) => {
		await page.goto('/indicators/legal_education_attendees');
		// Only a 2021–2023 total: no yearly trend or heatmap, a ranking of the total.
		await chartsReady(page, 1);
		await expect(page.getByTestId('rank-period')).toHaveValue('2021-2023');
		await expect(rowOf(page, 'values-table', 'Nguyễn Nghiêm')).toContainText('> 570');
	});

	test('puts every choice in the URL; back and forward restore them', async ({ page }) => {
		await page.goto('/indicators/petition_resolution_rate');
		await chartsReady(page, 3);
		expect(new URL(page.url()).search).toBe('');
		await page.getByTestId('rank-period').selectOption('2023');
		await expect(page).toHaveURL(/\?y=2023$/);
		await expect(page.getByRole('heading', { name: /Xếp hạng 2023/ })).toBeVisible();
		await page.getByTestId('reference').selectOption('none');
		await expect(page).toHaveURL(/ref=none/);
		// Units: diacritics-insensitive search, Vietnamese order.
		await page
			.getByTestId('unit-picker')
			.getByRole('button', { name: /Đơn vị/ })
			.click();
		await page.getByTestId('unit-search').fill('pho an');
		await page.getByRole('checkbox', { name: 'Phổ An' }).check();
		await expect(page).toHaveURL(/u=Ph%E1%BB%95\+An/);
		await page.keyboard.press('Escape');
		await chartsReady(page, 3);
		expect(await page.getByTestId('chart').first().getAttribute('data-series')).toBe('Phổ An');
		// Sorting the table goes into the URL too.
		await page.getByTestId('values-table').getByRole('button', { name: /^2022/ }).click();
		await expect(page).toHaveURL(/sort=2022/);
		await page.goBack();
		await expect(page).not.toHaveURL(/sort=/);
		await page.goBack();
		await expect(page).not.toHaveURL(/u=/);
		await page.goBack();
		await expect(page).toHaveURL(/\?y=2023$/);
		await expect(page.getByTestId('reference')).toHaveValue('total');
		await page.goForward();
		await expect(page.getByTestId('reference')).toHaveValue('none');
		// A shared link opens the same view.
		await page.goto(`/indicators/petition_resolution_rate?u=${NN}&y=2022`);
		await chartsReady(page, 3);
		expect(await page.getByTestId('chart').first().getAttribute('data-series')).toBe('Nguyễn Nghiêm');
		await expect(page.getByTestId('rank-period')).toHaveValue('2022');
	});

	test('the 2025 switch merges units into their successors and says so', async ({ page }) => {
		await page.goto('/indicators/petition_resolution_rate');
		await chartsReady(page, 3);
		await page.getByTestId('mode-2025').getByRole('switch').check();
		await expect(page).toHaveURL(/v=2025/);
		await chartsReady(page, 3);
		await expect(page.getByTestId('merge-note')).toContainText('gộp vào đơn vị kế thừa');
		const ranking = (await page.getByTestId('chart').nth(1).getAttribute('data-series'))!.split('|');
		expect(ranking.sort()).toEqual(
			['Khánh Cường', 'Sa Huỳnh', 'Trà Câu', 'Xã Nguyễn Nghiêm', 'Đức Phổ'].sort()
		);
		// Đức Phổ 2023 = Σ handled / Σ received over its five predecessors.
		const members = ['Nguyễn Nghiêm', 'Phổ Hòa', 'Phổ Minh', 'Phổ Ninh', 'Phổ Vinh'];
		let num = 0;
		let den = 0;
		for (const u of members) {
			num += value(u, '2023', 'land_disputes_mediated')! + value(u, '2023', 'feedback_cases_resolved')!;
			den += value(u, '2023', 'petition_cases_received')!;
		}
		await expect(rowOf(page, 'values-table', 'Đức Phổ')).toContainText(
			`${num}/${den} · ${pct((100 * num) / den)}`
		);
		// 2024 lacks Nguyễn Nghiêm: the merged figure says it covers 4 of 5.
		await expect(page.getByTestId('merge-note')).toContainText('Đức Phổ 2024 (4/5)');
		await shoot(page, 'indicator-2025-1366');
	});

	test('a rating is shown as a distribution, never a mean', async ({ page }) => {
		await page.goto('/indicators/dan_van_rating');
		await chartsReady(page, 3);
		const dist = page.getByTestId('rating-distribution');
		await expect(dist).toContainText('Hoàn thành tốt nhiệm vụ');
		const units2022 = new Set(
			OBS.filter((o) => o.indicator === 'dan_van_rating' && o.period === '2022').map((o) => o.unit)
		);
		await expect(dist.locator('tr', { hasText: '2022' })).toContainText(String(units2022.size));
	});

	test('an unknown code says so', async ({ page }) => {
		await page.goto('/indicators/no_such_code');
		await expect(page.getByTestId('not-found')).toContainText('Không tìm thấy chỉ tiêu');
	});
});

test('the indicator list groups indicators and searches without diacritics', async ({ page }) => {
	await page.goto('/indicators');
	await expect(page.getByTestId('indicator-group')).toHaveCount(5);
	await expect(page.getByTestId('indicator-group').first()).toContainText('Đơn thư, hòa giải');
	await page.getByTestId('indicator-search').fill('ty le hoa giai');
	await expect(page).toHaveURL(/q=ty\+le\+hoa\+giai/);
	await expect(page.getByRole('link', { name: 'Tỷ lệ hòa giải thành' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Dân số' })).toHaveCount(0);
	await page.getByRole('link', { name: 'Tỷ lệ hòa giải thành' }).click();
	await expect(page).toHaveURL(/\/indicators\/land_dispute_mediation_success_rate$/);
	await chartsReady(page, 3);
	// Typing replaced the history entry: back goes to the list as it was last typed.
	await page.goBack();
	await expect(page.getByTestId('indicator-search')).toHaveValue('ty le hoa giai');
});

test.describe('overview', () => {
	test('tiles show town figures with the change, best and weakest units, and missing data', async ({
		page
	}) => {
		await page.goto('/');
		await chartsReady(page, 2);
		// The sample's whole area is its town, as the report names it.
		await expect(page.getByRole('heading', { name: 'Chỉ tiêu chính toàn thị xã, 2024' })).toBeVisible();
		const tiles = page.getByTestId('tile');
		await expect(tiles).toHaveCount(7);
		const rate = tiles.and(page.locator('[data-code="petition_resolution_rate"]'));
		const y24 = townHandlingRate('2024');
		const y23 = townHandlingRate('2023');
		await expect(rate.getByTestId('tile-value')).toHaveText(y24.text);
		await expect(rate).toContainText(`${y24.num}/${y24.den}`);
		const delta =
			Number(((100 * y24.num) / y24.den).toFixed(1)) - Number(((100 * y23.num) / y23.den).toFixed(1));
		expect(Math.abs(delta)).toBeLessThan(50);
		await expect(rate.getByTestId('tile-change')).toHaveAttribute('data-kind', 'value');
		await expect(rate.getByTestId('tile-change')).toContainText('điểm % so với 2023');
		// A total over 14 units in 2024 against 15 in 2023 is not compared.
		const cases = tiles.and(page.locator('[data-code="petition_cases_received"]'));
		await expect(cases.getByTestId('tile-change')).toHaveAttribute('data-kind', 'different-units');
		await expect(cases).toContainText('14/15 đơn vị có số liệu');
		await expect(page.getByTestId('sparkline')).not.toHaveCount(0);
		await expect(page.getByTestId('best-weakest-table')).toContainText('Tỷ lệ xử lý đơn (theo vụ việc)');
		await expect(rowOf(page, 'gaps-table', 'Nguyễn Nghiêm')).toContainText('thiếu');
		await expect(page.getByTestId('missing-units')).toContainText('Nguyễn Nghiêm');
	});

	test('the year and the 2025 switch live in the URL', async ({ page }) => {
		await page.goto('/');
		await chartsReady(page, 2);
		await page.getByTestId('overview-year').selectOption('2023');
		await expect(page).toHaveURL(/\?y=2023$/);
		const rate = page.getByTestId('tile').and(page.locator('[data-code="petition_resolution_rate"]'));
		await expect(rate.getByTestId('tile-value')).toHaveText(townHandlingRate('2023').text);
		await page.getByTestId('mode-2025').getByRole('switch').check();
		await expect(page).toHaveURL(/y=2023&v=2025/);
		await chartsReady(page, 2);
		expect((await page.getByTestId('chart').nth(0).getAttribute('data-series'))!.split('|')).toHaveLength(5);
		await expect(page.getByTestId('merge-note')).toBeVisible();
		// The view mode goes along to the other views; the year is this page's own.
		await expect(page.getByRole('navigation').getByRole('link', { name: 'Đơn vị' })).toHaveAttribute(
			'href',
			'/units?v=2025'
		);
		await expect(page.getByRole('navigation').getByRole('link', { name: 'Nhập dữ liệu' })).toHaveAttribute(
			'href',
			'/import'
		);
		await page.goBack();
		await chartsReady(page, 2);
		expect((await page.getByTestId('chart').nth(0).getAttribute('data-series'))!.split('|')).toHaveLength(15);
		await expect(page.getByRole('navigation').getByRole('link', { name: 'Đơn vị' })).toHaveAttribute(
			'href',
			'/units'
		);
	});
});

test.describe('units', () => {
	test('the list shows units before and after 1 July 2025 and searches without diacritics', async ({
		page
	}) => {
		await page.goto('/units');
		await expect(page.getByTestId('units-table-before').locator('tbody tr')).toHaveCount(15);
		await expect(page.getByTestId('units-table-after').locator('tbody tr')).toHaveCount(5);
		const nn = page.getByTestId('units-table-before').getByRole('row', { name: /^Nguyễn Nghiêm/ });
		await expect(nn).toContainText('đến 30/6/2025');
		await expect(nn).toContainText('→ Đức Phổ');
		await page.getByTestId('units-search').fill('duc pho');
		await expect(page.getByTestId('units-table-after').locator('tbody tr')).toHaveCount(1);
		await expect(page).toHaveURL(/q=duc\+pho/);
	});

	test("a unit's profile: every indicator against the median, rank, strengths, weaknesses, completeness", async ({
		page
	}) => {
		await page.goto('/units/21439');
		await chartsReady(page, 1);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Nguyễn Nghiêm');
		await expect(page.getByTestId('validity-badge')).toContainText('đến 30/6/2025');
		await expect(page.getByTestId('profile-year')).toHaveValue('2023');
		const petitions = page.getByTestId('profile-table-petitions');
		const rate = petitions.locator('tr', { hasText: 'Tỷ lệ xử lý đơn (theo vụ việc)' });
		await expect(rate).toContainText('19/19 · 100,0 %');
		await expect(rate).toContainText('20/21 · 95,2 %');
		await expect(rate).toContainText('/15');
		await expect(petitions.locator('tr', { hasText: 'Tỷ lệ hòa giải thành' })).toContainText('5/8 · 62,5 %*');
		await expect(page.getByTestId('strengths')).toBeVisible();
		await expect(page.getByTestId('weaknesses')).toBeVisible();
		await expect(page.getByTestId('completeness')).toContainText('2024');
		// In the 2025 view the ward is seen as the unit it was merged into.
		await page.getByTestId('mode-2025').getByRole('switch').check();
		await expect(page).toHaveURL(/\/units\/21439\?v=2025$/);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Đức Phổ');
		await expect(page.getByTestId('merge-note')).toContainText('Nguyễn Nghiêm');
		await chartsReady(page, 1);
	});
});

test.describe('compare', () => {
	test('2–6 units side by side, small multiples over the chosen indicators', async ({ page }) => {
		const units = ['Nguyễn Nghiêm', 'Phổ An', 'Phổ Ninh', 'Phổ Thạnh'];
		await page.goto(`/compare?${units.map((u) => `u=${encodeURIComponent(u)}`).join('&')}`);
		await chartsReady(page, 1);
		expect(await page.getByTestId('chart').getAttribute('data-series')).toBe(units.join('|'));
		const table = page.getByTestId('compare-table');
		for (const u of units) await expect(table.locator('thead')).toContainText(u);
		const phoAn = value('Phổ An', '2024', 'petition_cases_received')!;
		await expect(table.locator('tr', { hasText: 'Tổng số vụ việc tiếp nhận' })).toContainText(String(phoAn));
		// Each panel can be pinned on its own: one pin per drawn indicator.
		await page.getByText('Ghim từng chỉ tiêu vào buổi họp').click();
		const pins = page.locator('.pin-list li');
		await expect(pins.first()).toContainText('Tỷ lệ xử lý đơn (theo vụ việc)');
		expect(await pins.count()).toBe(await table.locator('tbody tr').count());
		// Add a fifth unit through the picker; the sixth is the most.
		await page
			.getByTestId('unit-picker')
			.getByRole('button', { name: /Đơn vị/ })
			.click();
		await page.getByTestId('unit-search').fill('chau');
		await page.getByRole('checkbox', { name: 'Phổ Châu' }).check();
		await expect(page).toHaveURL(/u=Ph%E1%BB%95\+Ch%C3%A2u/);
		await page.keyboard.press('Escape');
		await chartsReady(page, 1);
		expect((await page.getByTestId('chart').getAttribute('data-series'))!.split('|')).toHaveLength(5);
		await page.goBack();
		await chartsReady(page, 1);
		expect((await page.getByTestId('chart').getAttribute('data-series'))!.split('|')).toHaveLength(4);
	});

	test('without a choice it suggests three units and writes nothing to the URL', async ({ page }) => {
		await page.goto('/compare');
		await chartsReady(page, 1);
		await expect(page.getByTestId('suggested')).toBeVisible();
		expect(new URL(page.url()).search).toBe('');
	});
});

test.describe('data', () => {
	test('filters, sorts and exports the current filter as canonical CSV', async ({ page }) => {
		await page.goto('/data');
		await expect(page.getByTestId('row-count')).toContainText(
			`${new Intl.NumberFormat('vi-VN').format(OBS.length)} dòng`
		);
		await page.goto(`/data?u=${NN}`);
		const nnRows = OBS.filter((o) => o.unit === 'Nguyễn Nghiêm').length;
		await expect(page.getByTestId('row-count')).toContainText(`${nnRows} dòng khớp bộ lọc`);
		await expect(page.getByTestId('observations-table')).toContainText('> 570');
		await page
			.getByTestId('observations-table')
			.getByRole('button', { name: /^Giá trị/ })
			.click();
		await expect(page).toHaveURL(/sort=value&dir=desc/);
		await expect(page.getByTestId('observations-table').locator('tbody tr').first()).toContainText('~11.000');
		const download = page.waitForEvent('download');
		await page.getByTestId('export-csv').click();
		const file = await download;
		expect(file.suggestedFilename()).toMatch(/^chi-so-du-lieu-\d{4}-\d{2}-\d{2}\.csv$/);
		const text = readFileSync(await file.path(), 'utf8');
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const lines = text.slice(1).trim().split('\r\n');
		expect(lines[0]).toBe('unit,period,indicator,value,qualifier,note');
		expect(lines).toHaveLength(nnRows + 1);
		expect(lines).toContain('Nguyễn Nghiêm,2021-2023,legal_education_attendees,570,>,Mục II.2.1');
	});

	test('the SQL console runs one read-only query and refuses anything else', async ({ page }) => {
		await page.goto('/data');
		const input = page.getByTestId('sql-input');
		await input.fill(
			"SELECT unit, value FROM observations WHERE indicator = 'petition_cases_received' AND period = '2023' ORDER BY value DESC"
		);
		await page.getByTestId('sql-run').click();
		await expect(page).toHaveURL(/sql=SELECT/);
		await expect(page.getByTestId('sql-summary')).toContainText('15 dòng');
		await expect(page.getByTestId('sql-result').locator('tr', { hasText: 'Nguyễn Nghiêm' })).toContainText(
			'21'
		);
		for (const sql of ['DELETE FROM observations', 'SELECT 1; DROP TABLE observations']) {
			await input.fill(sql);
			await input.press('Control+Enter');
			await expect(page.getByTestId('sql-error')).toBeVisible();
		}
		await expect(page.getByTestId('sql-error')).toContainText('Chỉ chạy được một câu lệnh');
		await expect(page.getByTestId('sql-error')).not.toContainText('Only one statement');
		await input.fill('WITH x AS (SELECT 1) DELETE FROM observations');
		await page.getByTestId('sql-run').click();
		await expect(page.getByTestId('sql-error')).toContainText('DuckDB');
		// Nothing changed.
		await input.fill('SELECT count(*) AS n FROM observations');
		await page.getByTestId('sql-run').click();
		await expect(page.getByTestId('sql-result')).toContainText(
			new Intl.NumberFormat('vi-VN').format(OBS.length)
		);
		await expect(page.getByTestId('row-count')).toContainText(
			new Intl.NumberFormat('vi-VN').format(OBS.length)
		);
		// Back brings the previous query back.
		await page.goBack();
		await expect(input).toHaveValue('WITH x AS (SELECT 1) DELETE FROM observations');
	});
});

test('every page is readable at 1920×1080 and at 1366×768', async ({ page }) => {
	test.setTimeout(240_000);
	const pages: [string, string, number, string][] = [
		['/', 'overview', 2, 'tile'],
		['/indicators', 'indicators', 0, 'indicator-group'],
		['/indicators/petition_resolution_rate', 'indicator', 3, 'values-table'],
		['/units', 'units', 0, 'units-table-after'],
		[`/units/21439`, 'unit', 1, 'profile-table-petitions'],
		['/compare', 'compare', 1, 'compare-table'],
		[
			`/data?u=${NN}&sql=${encodeURIComponent('SELECT period, count(*) AS rows FROM observations GROUP BY period ORDER BY period')}`,
			'data',
			0,
			'sql-result'
		]
	];
	for (const [width, height] of [
		[1920, 1080],
		[1366, 768]
	]) {
		await page.setViewportSize({ width, height });
		for (const [path, name, charts, ready] of pages) {
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expect(page.getByTestId(ready).first()).toBeVisible();
			if (charts) await chartsReady(page, charts);
			// Nothing wider than the window.
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			expect(overflow, `${path} at ${width}`).toBeLessThanOrEqual(0);
			await shoot(page, `${name}-${width}`);
		}
	}
});
