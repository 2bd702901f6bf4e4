/** The PPTX file and the image helpers, in Node. */
import { describe, expect, it } from 'vitest';
import * as echarts from 'echarts';
import { buildPptx, fitImage, SLIDE } from '../../src/lib/deck/pptx';
import {
	dataUrlBytes,
	embedStyle,
	pngSize,
	renderSvgText,
	staticOption,
	toBase64,
	weightsUsed,
	type EChartsRuntime
} from '../../src/lib/deck/export-image';
import { zipEntries, zipRead, zipText } from './meeting-zip';

/** A 4×2 white PNG. */
const PNG_4x2 =
	'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAAASFvFNAAAAEUlEQVR4nGP8//8/AwMDAwMAMvYE/LgmtlgAAAAASUVORK5CYII=';

describe('buildPptx', () => {
	it('writes one slide per chart with its image, text and speaker note', async () => {
		const slides = ['Tỷ lệ xử lý đơn 2023', 'Số vụ việc tiếp nhận 2021–2024', 'Bảng nhiệt đơn thư'].map(
			(title, i) => ({
				title,
				subtitle: 'Đơn vị tính: %',
				image: { data: PNG_4x2, width: 1600, height: 800 },
				footnote: 'Nguồn: dữ liệu mẫu tổng hợp · Số liệu đến: 20/12/2024 08:00',
				note: i === 1 ? '' : `Ghi chú ${i + 1}: hỏi Phổ An vì sao giảm`
			})
		);
		const bytes = (await buildPptx(
			{ name: 'Giao ban quý IV/2024', slides },
			{ outputType: 'uint8array' }
		)) as Uint8Array;
		const names = zipEntries(bytes).map((e) => e.name);
		expect(names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(3);
		const media = zipEntries(bytes).filter((e) => /^ppt\/media\/.+\.png$/.test(e.name));
		expect(media).toHaveLength(3);
		for (const m of media) expect(pngSize(zipRead(bytes, m))).toEqual({ width: 4, height: 2 });
		const slide1 = zipText(bytes, 'ppt/slides/slide1.xml');
		expect(slide1).toContain('Tỷ lệ xử lý đơn 2023');
		expect(slide1).toContain('Số liệu đến: 20/12/2024 08:00');
		expect(slide1).toContain('lang="vi-VN"');
		const notes = names.filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n));
		expect(notes.length).toBeGreaterThanOrEqual(2);
		expect(zipText(bytes, 'ppt/notesSlides/notesSlide1.xml')).toContain('Ghi chú 1: hỏi Phổ An vì sao giảm');
		expect(zipText(bytes, 'docProps/core.xml')).toContain('Giao ban quý IV/2024');
	});

	it('fits the image into its area keeping the aspect ratio', () => {
		const box = fitImage({ width: 1600, height: 800 }, { x: 0.5, y: 1.5, w: 12, h: 5 });
		expect(box.w / box.h).toBeCloseTo(2, 6);
		expect(box.h).toBeCloseTo(5, 6);
		expect(box.x + box.w).toBeLessThanOrEqual(SLIDE.width);
		const tall = fitImage({ width: 100, height: 400 }, { x: 0, y: 0, w: 12, h: 4 });
		expect(tall).toEqual({ x: 5.5, y: 0, w: 1, h: 4 });
	});
});

describe('image helpers', () => {
	it('reads PNG sizes and data URLs', () => {
		expect(pngSize(dataUrlBytes(PNG_4x2))).toEqual({ width: 4, height: 2 });
		expect(pngSize(new Uint8Array([1, 2, 3]))).toBeNull();
		expect(toBase64(new TextEncoder().encode('Đức Phổ'))).toBe(Buffer.from('Đức Phổ').toString('base64'));
	});

	it('draws an SVG document at the export size with a style block for the font', () => {
		const option = staticOption({
			title: { text: 'Tỷ lệ xử lý đơn 2023', textStyle: { fontWeight: 600 } },
			xAxis: { type: 'category', data: ['2022', '2023'] },
			yAxis: { type: 'value' },
			series: [{ type: 'bar', data: [1, 2] }]
		});
		expect(option.animation).toBe(false);
		const svg = renderSvgText(echarts as unknown as EChartsRuntime, option, {
			size: { width: 1200, height: 675 },
			fontCss: "@font-face{font-family:'Be Vietnam Pro';src:url(data:font/woff2;base64,AAAA)}"
		});
		expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
		expect(svg).toMatch(/<svg[^>]*width="1200"[^>]*height="675"/);
		expect(svg).toContain('<style><![CDATA[@font-face');
		expect(svg).toContain('Tỷ lệ xử lý đơn 2023');
		expect(weightsUsed(svg)).toContain('600');
	});

	it('embeds a style safely and finds the weights used', () => {
		expect(embedStyle('<svg a="1"><g/></svg>', 'x]]>y')).toBe(
			'<svg a="1"><style><![CDATA[x]]]]><![CDATA[>y]]></style><g/></svg>'
		);
		expect(embedStyle('<svg/>', '')).toBe('<svg/>');
		expect(weightsUsed('<text style="font: 12px sans">')).toEqual(['400']);
		expect(weightsUsed('<text style="font: bold 12px sans">')).toEqual(['400', '700']);
		expect(weightsUsed('<text style="font-weight:600">')).toEqual(['400', '600']);
	});
});
