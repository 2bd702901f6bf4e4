/**
 * Times are shown on the office's clock (Asia/Ho_Chi_Minh): the import history and the chart
 * footnotes show an import at the clock time it happened in Vietnam, and the data export is dated
 * with the office's day. The browser runs in Vietnam's zone, where a time read in the wrong zone is
 * seven hours off.
 */
import type { Page } from '@playwright/test';
import { chartsReady, expect, test } from './fixtures';

test.use({ timezoneId: 'Asia/Ho_Chi_Minh' });

const CLOCK = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Asia/Ho_Chi_Minh',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/** `dd/mm/yyyy hh:mm` on Vietnam's clock, as the app writes it. */
function vietnamClock(ms: number): string {
	const parts = CLOCK.formatToParts(new Date(ms));
	const p = (type: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === type)!.value;
	return `${p('day')}/${p('month')}/${p('year')} ${p('hour')}:${p('minute')}`;
}

/** Every clock time from a minute before `from` to a minute after `to` (the import happened in between). */
function clockTimes(from: number, to: number): string[] {
	const times = new Set<string>();
	for (let t = from - 60_000; t <= to + 60_000; t += 30_000) times.add(vietnamClock(t));
	return [...times];
}

/** A text's date and time with any kind of space between them (the app holds them with a no-break space). */
const spaced = (text: string) => text.replace(/\u00A0/g, ' ');

const DECK = {
	kind: 'chi-so/deck',
	version: 1,
	current: 'tz',
	decks: [
		{
			id: 'tz',
			name: 'Giờ Việt Nam',
			created: '2026-12-04T18:30:00.000Z',
			slides: [
				{
					id: 'trend',
					title: '',
					note: '',
					spec: {
						version: 1,
						kind: 'trend',
						indicator: 'petition_cases_received',
						units: ['Phổ An'],
						from: '2021',
						to: '2024',
						grouping: 'unit',
						reference: 'median'
					}
				}
			]
		}
	]
};

async function importOneValue(page: Page): Promise<{ before: number; after: number }> {
	await page.goto('/import');
	await page.getByTestId('file-input').setInputFiles({
		name: 'gio-viet-nam.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('unit,period,indicator,value\nPhổ An,2024,petition_cases_received,99\n')
	});
	await expect(page.getByTestId('import-valid')).toHaveText('1');
	await expect(page.getByTestId('import-commit')).toBeEnabled();
	const before = Date.now();
	await page.getByTestId('import-commit').click();
	await expect(page.getByTestId('import-saved')).toBeVisible();
	return { before, after: Date.now() };
}

test('shows an import at the clock time it happened in Vietnam, in the history and in the chart footnote', async ({
	page
}) => {
	test.setTimeout(180_000);
	await page.goto('/deck');
	await page.getByTestId('deck-import').setInputFiles({
		name: 'gio-viet-nam.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(DECK))
	});
	await expect(page.getByTestId('deck-slide')).toHaveCount(1);
	// Created at 18:30 UTC on 4 December: 5 December in Vietnam.
	await expect(page.getByText('tạo ngày 5/12/2026')).toBeVisible();

	const { before, after } = await importOneValue(page);
	const expected = clockTimes(before, after);

	const row = page.getByTestId('import-history').locator('tbody tr', { hasText: 'gio-viet-nam.csv' });
	await expect(row).toHaveCount(1);
	const shown = spaced((await row.locator('td').nth(2).textContent()) ?? '').trim();
	expect(expected, `history shows ${shown}`).toContain(shown);

	// The data export is named with Vietnam's day.
	const download = page.waitForEvent('download');
	await page.getByTestId('export-csv').click();
	const day = vietnamClock(after).slice(0, 10).split('/').reverse().join('-');
	const named = (await download).suggestedFilename();
	expect([day, vietnamClock(before).slice(0, 10).split('/').reverse().join('-')]).toContain(
		named.replace(/^chi-so-du-lieu-(.+)\.csv$/, '$1')
	);

	await page.goto('/present?deck=tz&s=1');
	await chartsReady(page, 1);
	const source = spaced((await page.getByTestId('slide-source').textContent()) ?? '');
	const footnote = source.match(/Số liệu đến: (\d\d\/\d\d\/\d{4} \d\d:\d\d)/)?.[1];
	expect(footnote, source).toBe(shown);
});
