import { describe, expect, it } from 'vitest';
import type { BarSeriesOption } from 'echarts';
import { rankingOption } from './ranking';
import {
	callTooltip,
	context,
	HOSTILE,
	indicator,
	LONG_NAME,
	RATES,
	rate,
	renderSvg,
	svgTexts
} from './spec-helpers';

const Y2023 = RATES.filter((r) => r.period === '2023');
const Y2022 = RATES.filter((r) => r.period === '2022');
const categories = (o: ReturnType<typeof rankingOption>) => (o.yAxis as { data: string[] }).data;
const bar = (o: ReturnType<typeof rankingOption>) => (o.series as BarSeriesOption[])[0];

describe('rankingOption', () => {
	it('orders best first for higher-is-better', () => {
		const option = rankingOption(Y2023, context());
		expect(categories(option)).toEqual(['Nguyễn Nghiêm', 'Phổ Vinh', HOSTILE, LONG_NAME, 'Phổ Ninh']);
		expect((option.yAxis as { inverse: boolean }).inverse).toBe(true);
		// On the rendered chart the best unit is drawn at the top, the worst at the bottom.
		const texts = svgTexts(renderSvg(option));
		const y = (name: string) => texts.find((t) => t.text === name)!.y;
		expect(y('Nguyễn Nghiêm')).toBeLessThan(y('Phổ Vinh'));
		expect(y('Phổ Vinh')).toBeLessThan(y('Phổ Ninh'));
	});

	it('orders lowest first when lower is better, descending when neither', () => {
		const lower = rankingOption(
			Y2023,
			context('screen', { indicator: indicator({ higher_is_better: false }) })
		);
		expect(categories(lower)[0]).toBe('Phổ Ninh');
		expect(categories(lower).at(-1)).toBe('Nguyễn Nghiêm');
		const texts = svgTexts(renderSvg(lower));
		const y = (name: string) => texts.find((t) => t.text === name)!.y;
		expect(y('Phổ Ninh')).toBeLessThan(y('Nguyễn Nghiêm'));
		const neutral = rankingOption(
			Y2023,
			context('screen', { indicator: indicator({ higher_is_better: null }) })
		);
		expect(categories(neutral)[0]).toBe('Nguyễn Nghiêm');
	});

	it('labels bar ends with parts, rate and small-sample mark, in the SVG', () => {
		const option = rankingOption(Y2023, context());
		const svg = renderSvg(option);
		expect(svg).toContain('20/21 · 95,2 %');
		expect(svg).toContain('4/6 · 66,7 %*');
		expect(svg).toContain('* mẫu nhỏ (mẫu số &lt; 10)');
		const only2022 = renderSvg(rankingOption(Y2022, context()));
		expect(only2022).toContain('19/19 · 100,0 %');
	});

	it('colours each bar with its unit colour', () => {
		const ctx = context();
		const data = bar(rankingOption(Y2023, ctx)).data as { itemStyle: { color: string } }[];
		expect(data[0].itemStyle.color).toBe(ctx.colorOf('Nguyễn Nghiêm'));
		expect(data[4].itemStyle.color).toBe(ctx.colorOf('Phổ Ninh'));
		expect(new Set(data.map((d) => d.itemStyle.color)).size).toBe(5);
	});

	it('shows rank changes against the previous period', () => {
		const previous = [
			rate('Phổ Ninh', '2022', 10, 10),
			rate('Nguyễn Nghiêm', '2022', 8, 10),
			rate('Phổ Vinh', '2022', 9, 10)
		];
		const option = rankingOption(Y2023, { ...context(), previous });
		const texts = svgTexts(renderSvg(option)).map((t) => t.text);
		expect(texts).toContain('Nguyễn Nghiêm  ▲2');
		expect(texts).toContain('Phổ Vinh  –');
		expect(texts).toContain('Phổ Ninh  ▼4');
		expect(texts.some((t) => t.endsWith('mới'))).toBe(true);
	});

	it('cuts long names on the axis and gives them in full, escaped, in the tooltip', () => {
		const option = rankingOption(Y2023, context());
		const texts = svgTexts(renderSvg(option)).map((t) => t.text);
		expect(texts).toContain('Phường Nguyễn Ngh…');
		expect(texts).not.toContain(LONG_NAME);
		const i = categories(option).indexOf(LONG_NAME);
		expect(callTooltip(option, [{ dataIndex: i, seriesIndex: 0 }])).toContain(LONG_NAME);
		const h = categories(option).indexOf(HOSTILE);
		const html = callTooltip(option, [{ dataIndex: h, seriesIndex: 0 }]);
		expect(html).not.toContain('<img');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(html).toContain('9/10 · 90,0 %');
		expect(html).toContain('Hạng 3/5');
	});

	it('fades units that are not highlighted', () => {
		const data = bar(rankingOption(Y2023, { ...context(), highlight: ['Phổ Vinh'] })).data as {
			itemStyle: { opacity: number };
		}[];
		expect(data.map((d) => d.itemStyle.opacity)).toEqual([0.3, 1, 0.3, 0.3, 0.3]);
	});

	it('starts bars at zero and stops percent axes at 100', () => {
		const option = rankingOption(Y2023, context());
		expect(option.xAxis).toMatchObject({ min: 0, max: 100 });
		expect(option.grid).toMatchObject({ outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' });
	});

	it('uses big type on the projector', () => {
		const texts = svgTexts(renderSvg(rankingOption(Y2023, context('projector')), 1920, 1080));
		const label = texts.find((t) => t.text.includes('95,2 %'));
		expect(label!.fontSize).toBeGreaterThanOrEqual(24);
		expect(texts.find((t) => t.text === 'Phổ Vinh')!.fontSize).toBeGreaterThanOrEqual(24);
	});

	it('shows rating labels', () => {
		const ind = indicator({
			unit: 'rating',
			categories: ['Xuất sắc', 'Tốt', 'Hoàn thành', 'Không hoàn thành'],
			higher_is_better: true
		});
		const rows = [
			{
				unit: 'A',
				period: '2023',
				value: 4,
				qualifier: '' as const,
				numerator: null,
				denominator: null,
				units: 1
			},
			{
				unit: 'B',
				period: '2023',
				value: 2,
				qualifier: '' as const,
				numerator: null,
				denominator: null,
				units: 1
			}
		];
		const svg = renderSvg(rankingOption(rows, context('screen', { indicator: ind })));
		expect(svg).toContain('Xuất sắc');
		expect(svg).toContain('Hoàn thành');
	});
});
