/**
 * The language switch on the pages converted to the message catalogue: the unit profile, the
 * comparison and the meeting decks say everything in English after one click — headings, pickers,
 * notes, chart series, dates — with none of their Vietnamese words left, and come back.
 */
import type { Locator, Page } from '@playwright/test';
import { chartsReady, expect, test } from './fixtures';

async function toggle(page: Page, to: 'en' | 'vi') {
	await page.getByTestId('lang-toggle').click();
	await expect(page.locator('html')).toHaveAttribute('lang', to);
}

/** None of `words` is shown in `where` (the app's own words, not data such as unit names). */
async function without(where: Locator, words: string[]) {
	for (const w of words) await expect(where, w).not.toContainText(w);
}

test('the unit profile switches to English and back', async ({ page }) => {
	await page.goto('/units/21439');
	await chartsReady(page, 1);
	const main = page.locator('main');
	const vietnamese = [
		'Điểm mạnh',
		'Điểm yếu',
		'Độ đầy đủ số liệu',
		'Năm xếp hạng',
		'Chỉ tiêu chính so với trung vị'
	];
	await expect(main).toContainText('Điểm mạnh');

	await toggle(page, 'en');
	await expect(page.getByTestId('strengths')).toContainText('Strengths, 2023');
	await expect(page.getByTestId('weaknesses')).toContainText('Weaknesses, 2023');
	await expect(page.getByTestId('completeness')).toContainText('Data completeness');
	await expect(page.getByTestId('validity-badge')).toHaveText('until 30 Jun 2025');
	await expect(main).toContainText('Year of ranks');
	await expect(main).toContainText('Key indicators against the median of the units');
	await expect(page.getByTestId('profile-table-petitions').locator('thead')).toContainText('Indicator');
	await without(main, vietnamese);
	// The chart is drawn again, its median line named in English.
	await chartsReady(page, 1);
	await expect(page.getByTestId('chart')).toHaveAttribute('data-series', 'Nguyễn Nghiêm|Median of the units');

	await toggle(page, 'vi');
	await expect(page.getByTestId('strengths')).toContainText('Điểm mạnh, 2023');
	await expect(page.getByTestId('validity-badge')).toHaveText('đến 30/6/2025');
	await expect(page.getByTestId('chart')).toHaveAttribute('data-series', 'Nguyễn Nghiêm|Trung vị các đơn vị');
});

test('the comparison switches to English and back', async ({ page }) => {
	await page.goto('/compare');
	await chartsReady(page, 1);
	const main = page.locator('main');
	const vietnamese = [
		'So sánh đơn vị',
		'Diễn biến theo năm',
		'Cạnh nhau, năm gần nhất',
		'Đang hiện 3 đơn vị'
	];
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('So sánh đơn vị');

	await toggle(page, 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare units');
	await expect(page.getByTestId('suggested')).toHaveText(
		'Showing the first 3 units — choose 2–6 units to compare.'
	);
	await expect(main).toContainText('Over the years');
	await expect(main).toContainText('Side by side, latest year');
	await expect(page.getByTestId('unit-picker')).toContainText('Units: 3/6');
	await expect(page.getByTestId('year-range')).toContainText('Years');
	await expect(page.getByTestId('compare-table').locator('thead')).toContainText('Year');
	await without(main, vietnamese);
	await chartsReady(page, 1);

	await toggle(page, 'vi');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('So sánh đơn vị');
	await expect(page.getByTestId('unit-picker')).toContainText('Đơn vị: 3/6');
});

test('the meeting decks switch to English and back', async ({ page }) => {
	await page.goto('/deck');
	await chartsReady(page, 1);
	const main = page.locator('main');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Buổi họp');

	await toggle(page, 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meeting decks');
	await expect(main).toContainText('No decks yet.');
	await expect(page.getByTestId('compose-toggle')).toHaveText('＋ Add a chart');
	await expect(main).toContainText('Chart type');
	await expect(page.getByTestId('compose-kind-trend').locator('xpath=..')).toHaveText('Trend');
	// A deck with one chart: the editor and the pinned chart's words in English too.
	await page.getByTestId('deck-new-name').fill('Q4 review');
	await page.getByTestId('deck-create').click();
	await page.getByTestId('pin-button').click();
	await page.getByTestId('pin-confirm').click();
	await expect(page.getByTestId('deck-slide')).toHaveCount(1);
	await expect(page.getByTestId('deck-slide')).toContainText('Speaker note');
	await expect(page.getByTestId('slide-present-from')).toHaveText('Present from here');
	await expect(main).toContainText('1 chart · created');
	await expect(main).toContainText('Unit: %');
	await without(main, [
		'Các buổi họp',
		'Thêm biểu đồ',
		'Loại biểu đồ',
		'Ghi chú người trình bày',
		'Chiếu từ đây',
		'Đơn vị tính'
	]);

	await toggle(page, 'vi');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Buổi họp');
	await expect(page.getByTestId('deck-slide')).toContainText('Ghi chú người trình bày');
	await expect(main).toContainText('Đơn vị tính: %');
});
