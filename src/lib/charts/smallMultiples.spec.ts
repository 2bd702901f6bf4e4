import { describe, expect, it } from 'vitest';
import type { LineSeriesOption } from 'echarts';
import { panelLayout, smallMultiplesOption } from './smallMultiples';
import {
	callTooltip,
	context,
	HOSTILE,
	indicator,
	plain,
	RATES,
	renderSvg,
	svgTexts,
	UNITS
} from './spec-helpers';

const panels = [
	{ indicator: indicator(), rows: RATES },
	{
		indicator: indicator({
			code: 'petition_cases_received',
			name_vi: 'Tổng số vụ việc tiếp nhận',
			unit: 'count',
			higher_is_better: null
		}),
		rows: RATES.map((r) => plain(r.unit, r.period, r.denominator!))
	},
	{
		indicator: indicator({ code: 'petition_cases_handled', name_vi: 'Số vụ việc đã xử lý', unit: 'count' }),
		rows: RATES.map((r) => plain(r.unit, r.period, r.numerator!))
	}
];

describe('panelLayout', () => {
	it('is square-ish', () => {
		expect(panelLayout(1)).toEqual({ cols: 1, rows: 1 });
		expect(panelLayout(2)).toEqual({ cols: 2, rows: 1 });
		expect(panelLayout(3)).toEqual({ cols: 2, rows: 2 });
		expect(panelLayout(6)).toEqual({ cols: 3, rows: 2 });
		expect(panelLayout(9)).toEqual({ cols: 3, rows: 3 });
	});
});

describe('smallMultiplesOption', () => {
	it('draws one grid per indicator with the same unit colours', () => {
		const ctx = { ...context(), units: UNITS };
		const option = smallMultiplesOption(panels, ctx);
		expect(option.grid).toHaveLength(3);
		const series = option.series as LineSeriesOption[];
		expect(series).toHaveLength(3 * UNITS.length);
		const nn = series.filter((s) => s.name === 'Nguyễn Nghiêm');
		expect(new Set(nn.map((s) => s.color))).toEqual(new Set([ctx.colorOf('Nguyễn Nghiêm')]));
		expect(nn.map((s) => s.xAxisIndex)).toEqual([0, 1, 2]);
		const texts = svgTexts(renderSvg(option, 900, 600)).map((t) => t.text);
		expect(texts).toContain('Tỷ lệ giải quyết vụ việc');
		expect(texts).toContain('Tổng số vụ việc tiếp nhận');
		expect(texts).toContain('Số vụ việc đã xử lý');
		expect(texts).toContain('100 %');
	});

	it('keeps at most nine panels', () => {
		const many = Array.from({ length: 12 }, (_, i) => ({
			indicator: indicator({ code: `i${i}`, name_vi: `Chỉ số ${i}` }),
			rows: RATES
		}));
		expect(smallMultiplesOption(many, { ...context(), units: UNITS }).grid).toHaveLength(9);
	});

	it('tooltips name the panel and escape unit names', () => {
		const option = smallMultiplesOption(panels, { ...context(), units: UNITS });
		const html = callTooltip(option, [{ seriesIndex: UNITS.length, dataIndex: 2 }]);
		expect(html).toContain('Tổng số vụ việc tiếp nhận · 2023');
		expect(html).toContain('&lt;img');
		expect(html).not.toContain('<img');
		expect(html).not.toContain(HOSTILE);
	});
});
