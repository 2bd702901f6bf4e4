import { describe, expect, it } from 'vitest';
import type { LineSeriesOption } from 'echarts';
import { trendOption } from './trend';
import {
	callTooltip,
	context,
	HOSTILE,
	indicator,
	LONG_NAME,
	plain,
	RATES,
	renderSvg,
	svgTexts
} from './spec-helpers';
import { REFERENCE_COLOR } from './palette';

const seriesOf = (o: ReturnType<typeof trendOption>) => o.series as LineSeriesOption[];
const params = (dataIndex: number) => [
	{ seriesName: 'Nguyễn Nghiêm', seriesIndex: 0, dataIndex, name: '2023' }
];

describe('trendOption', () => {
	it('draws one line per unit over the sorted periods', () => {
		const option = trendOption(RATES, context());
		expect(seriesOf(option)).toHaveLength(5);
		expect((option.xAxis as { data: string[] }).data).toEqual(['2021', '2022', '2023']);
		const svg = renderSvg(option);
		for (const name of ['Nguyễn Nghiêm', 'Phổ Ninh', 'Phổ Vinh']) expect(svg).toContain(name);
		// Vietnamese axis ticks.
		expect(svg).toMatch(/\d0 %/);
	});

	it('leaves gaps for missing years (null, not zero, not connected)', () => {
		const option = trendOption(RATES, context());
		const ninh = seriesOf(option).find((s) => s.name === 'Phổ Ninh')!;
		expect(ninh.connectNulls).toBe(false);
		expect((ninh.data as unknown[])[1]).toBeNull();
		const nn = seriesOf(option).find((s) => s.name === 'Nguyễn Nghiêm')!;
		expect((nn.data as unknown[])[0]).toBeNull();
		// The rendered polyline for Phổ Ninh is two separate moves, no line across 2022.
		const svg = renderSvg(option);
		const color = context().colorOf('Phổ Ninh');
		const path = new RegExp(`<path d="(M[^"]*)"[^>]*stroke="${color}" stroke-width`).exec(svg);
		expect(path?.[1]).not.toContain('L');
	});

	it('shows the report figures in the tooltip, escaped and best first', () => {
		const option = trendOption(RATES, context());
		const html = callTooltip(option, params(2));
		expect(html).toContain('20/21 · 95,2 %');
		expect(html).toContain('4/6 · 66,7 %*');
		expect(html).toContain('* mẫu nhỏ (mẫu số &lt; 10)');
		expect(html.indexOf('Nguyễn Nghiêm')).toBeLessThan(html.indexOf('Phổ Ninh'));
		const html2022 = callTooltip(option, params(1));
		expect(html2022).toContain('19/19 · 100,0 %');
	});

	it('escapes hostile unit names in tooltip HTML and in the SVG', () => {
		const option = trendOption(RATES, context());
		const html = callTooltip(option, params(2));
		expect(html).not.toContain('<img');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		const svg = renderSvg(option);
		expect(svg).not.toContain('<img');
		expect(svg).toContain('&lt;img');
	});

	it('draws qualified values hollow and names the qualifier in the tooltip', () => {
		const ind = indicator({ code: 'legal_education_attendees', unit: 'people', kind: 'raw', formula: '' });
		const rows = [
			plain('Nguyễn Nghiêm', '2022', 11000, '~'),
			plain('Nguyễn Nghiêm', '2023', 570, '>'),
			plain('Phổ Vinh', '2023', 400)
		];
		const option = trendOption(rows, context('screen', { indicator: ind }));
		const data = seriesOf(option)[0].data as { symbol?: string }[];
		expect(data[0].symbol).toBe('emptyCircle');
		expect(data[1].symbol).toBe('emptyCircle');
		expect((seriesOf(option)[1].data as { symbol?: string }[])[1].symbol).toBeUndefined();
		expect(callTooltip(option, [{ seriesIndex: 0, dataIndex: 1 }])).toContain('&gt; 570');
		expect(callTooltip(option, [{ seriesIndex: 0, dataIndex: 0 }])).toContain('~11.000');
	});

	it('adds a dashed reference line in the reference colour', () => {
		const reference = [
			{ ...plain('Toàn thị xã', '2022', 90), numerator: 90, denominator: 100 },
			{ ...plain('Toàn thị xã', '2023', 88), numerator: 88, denominator: 100 }
		];
		const option = trendOption(RATES, { ...context(), reference, referenceLabel: 'Trung vị thị xã' });
		const ref = seriesOf(option).at(-1)!;
		expect(ref.name).toBe('Trung vị thị xã');
		expect(ref.lineStyle).toMatchObject({ type: 'dashed', color: REFERENCE_COLOR });
		expect(callTooltip(option, params(2))).toContain('Trung vị thị xã');
		expect(renderSvg(option)).toContain('stroke-dasharray');
	});

	it('labels line ends on the projector, with type of at least 24 px and no legend', () => {
		const option = trendOption(RATES, context('projector'));
		expect(option.legend).toMatchObject({ show: false });
		const texts = svgTexts(renderSvg(option, 1920, 1080));
		const end = texts.find((t) => t.text.startsWith('Nguyễn Nghiêm'));
		expect(end?.text).toContain('95,2 %');
		expect(end!.fontSize).toBeGreaterThanOrEqual(24);
		const tick = texts.find((t) => t.text === '2022');
		expect(tick!.fontSize).toBeGreaterThanOrEqual(24);
		// Long names are cut at the end of the line too.
		expect(texts.some((t) => t.text.startsWith('Phường Nguyễn Ngh') && t.text.includes('…'))).toBe(true);
		expect(texts.some((t) => t.text.includes(LONG_NAME))).toBe(false);
	});

	it('has a legend on screen, aria description, title and footnote; no animation in print', () => {
		const option = trendOption(
			RATES,
			context('screen', { title: 'Tỷ lệ giải quyết', footnote: 'Nguồn: báo cáo phường' })
		);
		expect((option.legend as { data: string[] }).data).toContain(HOSTILE);
		expect(option.aria).toMatchObject({ enabled: true });
		expect((option.aria as { label: { description: string } }).label.description).toContain(
			'Tỷ lệ giải quyết vụ việc, 2021–2023, 5 đơn vị'
		);
		expect(option.animation).toBe(true);
		const svg = renderSvg(option);
		expect(svg).toContain('Tỷ lệ giải quyết');
		expect(svg).toContain('Nguồn: báo cáo phường');
		expect(option).not.toHaveProperty('toolbox');
		expect(trendOption(RATES, context('print')).animation).toBe(false);
	});

	it('renders an empty chart without failing', () => {
		const option = trendOption([], context());
		expect(option.series).toEqual([]);
		expect(() => renderSvg(option)).not.toThrow();
	});
});
