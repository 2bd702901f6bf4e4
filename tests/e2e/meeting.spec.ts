/**
 * Meeting mode end to end: pin charts into a deck, edit and reorder it, present it by keyboard at
 * 1920×1080, print it to a 3-page A4 PDF, and download PPTX, PNG and SVG files — checking the files.
 * Screenshots and PDF pages go to test-results/meeting/ (and docs/screenshots/ for the README).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { chartsReady, expect, test } from './fixtures';
import { DECK_NAME, importDeck } from './sample-deck';
import { zipEntries, zipRead, zipText } from '../unit/meeting-zip';

/** Files to look at (Playwright empties test-results/ at the start of every run). */
const OUT = process.env.MEETING_OUT ?? 'test-results/meeting';
/** README screenshots are rewritten only on request (`DOCS_SCREENSHOTS=1`); other runs keep them in test-results. */
const DOCS = process.env.DOCS_SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots';

test.beforeEach(() => {
	mkdirSync(OUT, { recursive: true });
	mkdirSync(DOCS, { recursive: true });
});

const slideTitles = (page: Page) =>
	page
		.getByTestId('slide-title-input')
		.evaluateAll((els) =>
			els.map((e) => (e as HTMLInputElement).value || (e as HTMLInputElement).placeholder)
		);

/** Share of pixels that are not (near) white in an image the browser decodes. */
async function inkShare(page: Page, mime: string, bytes: Buffer): Promise<number> {
	return page.evaluate(
		async ({ mime, b64 }) => {
			const img = new Image();
			img.src = `data:${mime};base64,${b64}`;
			await img.decode();
			const canvas = document.createElement('canvas');
			canvas.width = img.naturalWidth;
			canvas.height = img.naturalHeight;
			const ctx = canvas.getContext('2d')!;
			ctx.fillStyle = '#fff';
			ctx.fillRect(0, 0, canvas.width, canvas.height);
			ctx.drawImage(img, 0, 0);
			const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
			let ink = 0;
			for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 700) ink++;
			return ink / (data.length / 4);
		},
		{ mime, b64: bytes.toString('base64') }
	);
}

function pngSize(bytes: Buffer) {
	expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('pins three charts, edits and reorders them, keeps them, exports and imports the deck', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.goto('/deck');
	await expect(page.getByTestId('deck-list')).toHaveCount(0);

	// A named deck, then three charts through the "Add chart" form and its pin button.
	await page.getByTestId('deck-new-name').fill(DECK_NAME);
	await page.getByTestId('deck-create').click();
	await expect(page.getByTestId('deck-name')).toHaveValue(DECK_NAME);
	await chartsReady(page, 1);

	const pin = async () => {
		await chartsReady(page, 1);
		await expect(page.getByTestId('pin-button')).toContainText('Ghim vào buổi họp');
		await page.getByTestId('pin-button').click();
		await expect(page.getByTestId('pin-deck')).toHaveValue(/.+/);
		await page.getByTestId('pin-confirm').click();
		await expect(page.getByTestId('pin-button')).toContainText('Đã ghim');
	};
	// 1. Trend of three units against the median.
	for (const unit of ['Nguyễn Nghiêm', 'Phổ An', 'Phổ Ninh'])
		await page.getByRole('checkbox', { name: unit, exact: true }).check();
	await pin();
	await expect(page.getByTestId('deck-slide')).toHaveCount(1);
	// 2. Ranking of 2023, all units.
	await page.getByRole('button', { name: 'Bỏ chọn', exact: true }).click();
	await page.getByTestId('compose-kind-ranking').check();
	await page.getByTestId('compose-year').selectOption('2023');
	await pin();
	// 3. Heatmap of cases received.
	await page.getByTestId('compose-indicator').selectOption('petition_cases_received');
	await page.getByTestId('compose-kind-heatmap').check();
	await pin();
	await expect(page.getByTestId('deck-slide')).toHaveCount(3);
	await chartsReady(page, 1);
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.screenshot({ path: `${DOCS}/meeting-add-chart.png`, fullPage: true });
	expect(await slideTitles(page)).toEqual([
		'Tỷ lệ xử lý đơn (theo vụ việc)',
		'Tỷ lệ xử lý đơn (theo vụ việc) 2023',
		'Tổng số vụ việc tiếp nhận'
	]);

	// Titles and notes.
	const first = page.getByTestId('deck-slide').nth(0);
	await first.getByTestId('slide-title-input').fill('Ba đơn vị so với trung vị');
	await first.getByTestId('slide-title-input').blur();
	await first.getByTestId('slide-note-input').fill('Hỏi Phổ An vì sao giảm.');
	await first.getByTestId('slide-note-input').blur();

	// Keyboard: Alt+↓ on the first slide's handle moves it down, and focus stays with it.
	await first.getByTestId('slide-handle').focus();
	await page.keyboard.press('Alt+ArrowDown');
	expect((await slideTitles(page))[1]).toBe('Ba đơn vị so với trung vị');
	await expect(page.getByTestId('deck-announcement')).toContainText('vị trí 2/3');
	await expect(page.getByTestId('deck-slide').nth(1).getByTestId('slide-handle')).toBeFocused();
	await page.keyboard.press('Alt+ArrowUp');
	expect((await slideTitles(page))[0]).toBe('Ba đơn vị so với trung vị');
	// Buttons.
	await page.getByTestId('deck-slide').nth(2).getByTestId('slide-up').click();
	expect((await slideTitles(page))[1]).toBe('Tổng số vụ việc tiếp nhận');
	// Drag the heatmap (now 2nd) below the last one.
	const last = page.getByTestId('deck-slide').nth(2);
	// The drop point must be on screen for a drag (the source is just above).
	await last.scrollIntoViewIfNeeded();
	const lastBox = (await last.boundingBox())!;
	await page
		.getByTestId('deck-slide')
		.nth(1)
		.getByTestId('slide-handle')
		.dragTo(last, { targetPosition: { x: 40, y: lastBox.height - 6 } });
	expect(await slideTitles(page)).toEqual([
		'Ba đơn vị so với trung vị',
		'Tỷ lệ xử lý đơn (theo vụ việc) 2023',
		'Tổng số vụ việc tiếp nhận'
	]);

	// Everything survives a reload.
	await page.reload();
	await expect(page.getByTestId('deck-slide')).toHaveCount(3);
	expect((await slideTitles(page))[0]).toBe('Ba đơn vị so với trung vị');
	await expect(page.getByTestId('slide-note-input').first()).toHaveValue('Hỏi Phổ An vì sao giảm.');
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.screenshot({ path: `${DOCS}/meeting-deck.png`, fullPage: true });

	// Export as JSON.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('deck-export').click()
	]);
	expect(download.suggestedFilename()).toBe('giao-ban-quy-iv-2024.json');
	const exported = readFileSync(await download.path(), 'utf8');
	const json = JSON.parse(exported);
	expect(json).toMatchObject({ kind: 'chi-so/deck', version: 1 });
	expect(json.decks[0].slides.map((s: { spec: { kind: string } }) => s.spec.kind)).toEqual([
		'trend',
		'ranking',
		'heatmap'
	]);

	// A bad file: a clear message, and nothing changes.
	const importFile = (name: string, text: string) =>
		page.getByTestId('deck-import').setInputFiles({
			name,
			mimeType: 'application/json',
			buffer: Buffer.from(text)
		});
	await importFile('moi-hon.json', '{"kind":"chi-so/deck","version":9,"decks":[]}');
	await expect(page.getByTestId('deck-message')).toContainText('phiên bản Chỉ Số mới hơn');
	await expect(page.getByTestId('deck-message')).toContainText('Không có gì thay đổi');
	await importFile('hong.json', exported.slice(0, 200));
	await expect(page.getByTestId('deck-message')).toContainText('không phải JSON hợp lệ');
	await importFile('sai.json', exported.replace('"heatmap"', '"pie"'));
	await expect(page.getByTestId('deck-message')).toContainText('biểu đồ 3');
	await expect(page.getByTestId('deck-list').getByRole('listitem')).toHaveCount(1);
	await expect(page.getByTestId('deck-slide')).toHaveCount(3);

	// The exported file imports as a second deck.
	await importFile('giao-ban-quy-iv-2024.json', exported);
	await expect(page.getByTestId('deck-message')).toContainText('Đã nhập 1 buổi họp');
	await expect(page.getByTestId('deck-list').getByRole('listitem')).toHaveCount(2);
	await expect(page.getByTestId('deck-name')).toHaveValue(`${DECK_NAME} (2)`);
});

test('presents the deck full screen, walked by keyboard, readable at 1920×1080', async ({ page }) => {
	test.setTimeout(120_000);
	await page.setViewportSize({ width: 1920, height: 1080 });
	await importDeck(page);
	await page.getByTestId('deck-present').click();
	await expect(page).toHaveURL(/\/present\?deck=q4&s=1$/);

	const number = page.getByTestId('slide-number');
	const shot = async (n: number) => {
		await chartsReady(page, 1);
		await expect(number).toHaveText(`${n} / 3`);
		await page.evaluate(() => document.fonts.ready);
		await page.screenshot({ path: `${OUT}/present-${n}.png` });
	};

	/** Every text of the chart ≥ 22 px, axis years ≥ 24 px, and none outside the chart. */
	const checkReadable = async () => {
		const report = await page.getByTestId('chart').evaluate((chart) => {
			const box = chart.getBoundingClientRect();
			return [...chart.querySelectorAll('svg text')].map((t) => {
				const r = t.getBoundingClientRect();
				return {
					text: t.textContent ?? '',
					size: parseFloat(getComputedStyle(t).fontSize),
					inside:
						r.width === 0 ||
						(r.left >= box.left - 1 &&
							r.right <= box.right + 1 &&
							r.top >= box.top - 1 &&
							r.bottom <= box.bottom + 1)
				};
			});
		});
		expect(report.length).toBeGreaterThan(5);
		for (const t of report) {
			expect(t.size, `font size of “${t.text}”`).toBeGreaterThanOrEqual(22);
			expect(t.inside, `“${t.text}” is cut off`).toBe(true);
		}
		for (const t of report.filter((x) => /^20\d\d$/.test(x.text))) expect(t.size).toBeGreaterThanOrEqual(24);
		const title = await page
			.getByTestId('slide-title')
			.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
		expect(title).toBeGreaterThanOrEqual(40);
		const foot = await page
			.getByTestId('slide-source')
			.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
		expect(foot).toBeGreaterThanOrEqual(24);
	};

	await shot(1);
	await expect(page.getByTestId('slide-title')).toHaveText('Tỷ lệ xử lý đơn: bốn đơn vị so với trung vị');
	await expect(page.getByTestId('slide-source')).toContainText(
		/Nguồn: .+ · Số liệu đến: \d\d\/\d\d\/\d{4}\s\d\d:\d\d/
	);
	await expect(page.getByText('Đơn vị tính: %')).toBeVisible();
	await checkReadable();
	await page.screenshot({ path: `${DOCS}/meeting-present.png` });

	await page.keyboard.press('ArrowRight');
	await shot(2);
	await expect(page.getByTestId('slide-title')).toHaveText('Tỷ lệ xử lý đơn (theo vụ việc) 2023');
	await checkReadable();
	await page.keyboard.press(' ');
	await shot(3);
	await expect(page.getByTestId('slide-title')).toHaveText('Tổng số vụ việc tiếp nhận 2021–2024');
	await checkReadable();
	await page.keyboard.press('ArrowRight');
	await expect(number).toHaveText('3 / 3');
	await page.keyboard.press('Home');
	await expect(number).toHaveText('1 / 3');
	await page.keyboard.press('End');
	await expect(number).toHaveText('3 / 3');
	await page.keyboard.press('PageUp');
	await expect(number).toHaveText('2 / 3');
	await page.keyboard.press('PageDown');
	await expect(number).toHaveText('3 / 3');
	await page.keyboard.press('ArrowLeft');
	await expect(number).toHaveText('2 / 3');
	await expect(page).toHaveURL(/s=2$/);

	// B blanks the screen to black; any move key (or B again) brings the same slide back.
	await page.keyboard.press('b');
	await expect(page.getByTestId('blank-screen')).toBeVisible();
	await page.screenshot({ path: `${OUT}/present-blank.png` });
	const corner = await page.screenshot({ clip: { x: 900, y: 500, width: 10, height: 10 } });
	expect(await inkShare(page, 'image/png', corner)).toBe(1);
	await page.keyboard.press('B');
	await expect(page.getByTestId('blank-screen')).toHaveCount(0);
	await page.keyboard.press('b');
	await page.keyboard.press('ArrowRight');
	await expect(page.getByTestId('blank-screen')).toHaveCount(0);
	await expect(number).toHaveText('2 / 3');

	// Esc leaves to the deck; "present from here" starts at that slide.
	await page.keyboard.press('Escape');
	await expect(page).toHaveURL(/\/deck$/);
	await expect(page.getByTestId('deck-slide')).toHaveCount(3);
	await page.getByTestId('slide-present-from').nth(2).click();
	await chartsReady(page, 1);
	await expect(number).toHaveText('3 / 3');
	await page.keyboard.press('Escape');
	await expect(page).toHaveURL(/\/deck$/);
});

test('prints the deck as three A4 landscape pages', async ({ page }) => {
	test.setTimeout(120_000);
	await importDeck(page);
	await page.getByTestId('deck-print').click();
	await expect(page).toHaveURL(/\/deck\/print\?deck=q4$/);
	await expect(page.getByTestId('print-slide')).toHaveCount(3);
	await chartsReady(page, 3);
	await expect(page.getByTestId('print-now')).toBeEnabled();
	await page.screenshot({ path: `${OUT}/print-screen.png`, fullPage: true });
	await page.emulateMedia({ media: 'print' });
	await page.evaluate(() => document.fonts.ready);
	const pdf = await page.pdf({ format: 'A4', landscape: true, path: `${OUT}/deck.pdf` });
	const text = pdf.toString('latin1');
	expect(text.match(/\/Type\s*\/Page(?![s\w])/g)).toHaveLength(3);
	// A4 landscape: 297 × 210 mm = 842 × 595 pt (Chromium rounds to its own units).
	for (const box of text.match(/\/MediaBox\s*\[[^\]]*\]/g) ?? []) {
		const [w, h] = box
			.replace(/[^\d. ]/g, ' ')
			.trim()
			.split(/\s+/)
			.slice(2)
			.map(Number);
		expect(Math.abs(w - 842)).toBeLessThan(1.5);
		expect(Math.abs(h - 595.3)).toBeLessThan(1.5);
	}
	try {
		execFileSync('pdftoppm', ['-png', '-r', '50', `${OUT}/deck.pdf`, `${OUT}/print-page`]);
		execFileSync('pdftoppm', [
			'-png',
			'-r',
			'80',
			'-f',
			'2',
			'-l',
			'2',
			'-singlefile',
			`${OUT}/deck.pdf`,
			`${DOCS}/meeting-print`
		]);
	} catch {
		// poppler-utils missing: the PDF itself was checked above.
	}
});

test('downloads the deck as a PPTX with three slides, images and notes', async ({ page }) => {
	test.setTimeout(120_000);
	await importDeck(page);
	const [download] = await Promise.all([
		page.waitForEvent('download', { timeout: 60_000 }),
		page.getByTestId('deck-pptx').click()
	]);
	expect(download.suggestedFilename()).toBe('giao-ban-quy-iv-2024.pptx');
	const zip = new Uint8Array(readFileSync(await download.path()));
	const entries = zipEntries(zip);
	const slides = entries.filter((e) => /^ppt\/slides\/slide\d+\.xml$/.test(e.name));
	expect(slides).toHaveLength(3);
	const images = entries.filter((e) => /^ppt\/media\/.+\.png$/.test(e.name));
	expect(images).toHaveLength(3);
	for (const image of images) {
		const bytes = Buffer.from(zipRead(zip, image));
		expect(pngSize(bytes)).toEqual({ width: 3200, height: 1320 });
		expect(await inkShare(page, 'image/png', bytes)).toBeGreaterThan(0.02);
	}
	expect(zipText(zip, 'ppt/slides/slide1.xml')).toContain('Tỷ lệ xử lý đơn: bốn đơn vị so với trung vị');
	expect(zipText(zip, 'ppt/slides/slide1.xml')).toContain('Số liệu đến:');
	expect(zipText(zip, 'ppt/slides/slide2.xml')).toContain('Tỷ lệ xử lý đơn (theo vụ việc) 2023');
	const notes = entries
		.filter((e) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(e.name))
		.map((e) => e.name);
	expect(notes.length).toBeGreaterThanOrEqual(2);
	expect(zipText(zip, 'ppt/notesSlides/notesSlide1.xml')).toContain('Phổ An giảm năm 2023');
	// The PNGs go to files, to be looked at.
	for (const [i, image] of images.entries())
		writeFileSync(`${OUT}/pptx-image-${i + 1}.png`, zipRead(zip, image));
});

test('downloads a chart as PNG at 2× and as SVG, titled, sourced and not blank', async ({ page }) => {
	test.setTimeout(90_000);
	await importDeck(page);
	const ranking = page.getByTestId('deck-slide').nth(1);

	const [png] = await Promise.all([page.waitForEvent('download'), ranking.getByTestId('export-png').click()]);
	expect(png.suggestedFilename()).toBe('ty-le-xu-ly-don-theo-vu-viec-2023.png');
	const pngBytes = readFileSync(await png.path());
	expect(pngSize(pngBytes)).toEqual({ width: 2400, height: 1350 });
	expect(await inkShare(page, 'image/png', pngBytes)).toBeGreaterThan(0.03);
	await png.saveAs(`${OUT}/export.png`);

	const [svg] = await Promise.all([page.waitForEvent('download'), ranking.getByTestId('export-svg').click()]);
	expect(svg.suggestedFilename()).toBe('ty-le-xu-ly-don-theo-vu-viec-2023.svg');
	const svgText = readFileSync(await svg.path(), 'utf8');
	expect(svgText).toMatch(/<svg[^>]*width="1200"[^>]*height="675"/);
	expect(svgText).toContain('Tỷ lệ xử lý đơn (theo vụ việc) 2023');
	expect(svgText).toContain('Đơn vị tính: %');
	expect(svgText).toContain('Nguồn:');
	expect(svgText).toContain('@font-face');
	expect(svgText).toContain('data:font/woff2;base64,');
	expect(await inkShare(page, 'image/svg+xml', Buffer.from(svgText))).toBeGreaterThan(0.03);
	await svg.saveAs(`${OUT}/export.svg`);
});

test('a deck made before an import shows the imported figures', async ({ page }) => {
	test.setTimeout(120_000);
	await importDeck(page);
	const heatmapTexts = async () => {
		await page.goto('/present?deck=q4&s=3');
		await chartsReady(page, 1);
		await expect(page.getByTestId('slide-number')).toHaveText('3 / 3');
		return page.getByTestId('chart').locator('svg text').allTextContents();
	};
	expect(await heatmapTexts()).not.toContain('99');

	await page.goto('/import');
	await page.getByTestId('file-input').setInputFiles({
		name: 'so-lieu-moi.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('unit,period,indicator,value\nPhổ An,2024,petition_cases_received,99\n')
	});
	await expect(page.getByTestId('import-valid')).toHaveText('1');
	await expect(page.getByTestId('import-commit')).toBeEnabled();
	await page.getByTestId('import-commit').click();
	await expect(page.getByTestId('import-saved')).toBeVisible();

	expect(await heatmapTexts()).toContain('99');
	// The new file is one more source behind the slide.
	await expect(page.getByTestId('slide-source')).toContainText('và 1 nguồn khác');
});
