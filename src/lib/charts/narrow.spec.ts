import { describe, expect, it } from 'vitest';
import type { LegendComponentOption } from 'echarts';
import { legendLineCount, NARROW_WIDTH, narrowChart } from './narrow';
import { heatmapOption } from './heatmap';
import { rankingOption } from './ranking';
import { smallMultiplesOption } from './smallMultiples';
import { trendOption } from './trend';
import { context, indicator, plain, rate, RATES, renderSvg, svgTexts, UNITS } from './spec-helpers';

const PHONE = 358;
const YEARS = ['2021', '2022', '2023'];
const legendOf = (o: { legend?: unknown }) => o.legend as LegendComponentOption;
const gridOf = (o: { grid?: unknown }) => o.grid as { top: number; bottom: number; right: number };

/** Ten units: more than a legend row holds, so the wide chart lists them in a column on the right. */
const TEN = Array.from({ length: 10 }, (_, i) => `Phường số ${i + 1}`);
const TEN_ROWS = TEN.flatMap((u, i) => YEARS.map((p, j) => rate(u, p, 10 + i + j, 30)));

/** The y of the lowest year label and of every legend name, on the chart drawn at phone size. */
function drawn(option: Parameters<typeof renderSvg>[0], height: number, names: string[]) {
	const texts = svgTexts(renderSvg(option, PHONE, height));
	const axisBottom = Math.max(...texts.filter((t) => YEARS.includes(t.text)).map((t) => t.y));
	const legend = texts.filter((t) => names.includes(t.text)).map((t) => t.y);
	return { axisBottom, legend };
}

describe('narrowChart', () => {
	it('leaves a wide chart, or one whose width is not known yet, as it is', () => {
		const option = trendOption(RATES, context());
		expect(narrowChart(option, 1200)).toEqual({ option, extraHeight: 0 });
		expect(narrowChart(option, NARROW_WIDTH)).toEqual({ option, extraHeight: 0 });
		expect(narrowChart(option, 0)).toEqual({ option, extraHeight: 0 });
	});

	it('moves the legend row of a trend below the plot and grows the chart by its lines', () => {
		const option = trendOption(RATES, context());
		const before = { legend: legendOf(option).top, grid: { ...gridOf(option) } };
		const { option: narrow, extraHeight } = narrowChart(option, PHONE, 420);
		const legend = legendOf(narrow);
		expect(legend.top).toBeUndefined();
		expect(legend.orient).toBe('horizontal');
		expect(legend.type).toBe('plain');
		expect(gridOf(narrow).top).toBeLessThan(before.grid.top);
		expect(gridOf(narrow).bottom).toBeGreaterThan(before.grid.bottom);
		expect(extraHeight).toBeGreaterThan(0);
		// The option passed in is not changed.
		expect(legendOf(option).top).toBe(before.legend);
		expect(gridOf(option)).toEqual(before.grid);
		// Drawn at phone size, every name sits below the year labels.
		const { axisBottom, legend: ys } = drawn(narrow, 420 + extraHeight, ['Nguyễn Nghiêm', 'Phổ Vinh']);
		expect(ys).toHaveLength(2);
		for (const y of ys) expect(y).toBeGreaterThan(axisBottom);
	});

	it('gives the plot the width a column of names took on the right, the names wrapping below it', () => {
		const option = trendOption(TEN_ROWS, context('screen', { colorOf: () => '#333333' }));
		expect(legendOf(option).orient).toBe('vertical');
		const { option: narrow, extraHeight } = narrowChart(option, PHONE, 420);
		expect(gridOf(narrow).right).toBeLessThan(gridOf(option).right);
		expect(gridOf(narrow).right).toBeLessThanOrEqual(40);
		const lines = legendLineCount(TEN, PHONE - 2 * Number(legendOf(narrow).left), 13);
		expect(lines).toBeGreaterThan(2);
		expect(extraHeight).toBeGreaterThanOrEqual(lines * 18);
		const { axisBottom, legend } = drawn(narrow, 420 + extraHeight, TEN);
		expect(legend).toHaveLength(10);
		for (const y of legend) expect(y).toBeGreaterThan(axisBottom);
		expect(new Set(legend.map(Math.round)).size).toBeGreaterThan(2);
	});

	it('stacks small multiples in one column, each panel a readable height', () => {
		const panels = [
			{ indicator: indicator(), rows: RATES },
			{
				indicator: indicator({ code: 'a', name_vi: 'Tổng số vụ việc', unit: 'count' }),
				rows: RATES.map((r) => plain(r.unit, r.period, r.denominator!))
			},
			{
				indicator: indicator({ code: 'b', name_vi: 'Số vụ việc đã xử lý', unit: 'count' }),
				rows: RATES.map((r) => plain(r.unit, r.period, r.numerator!))
			}
		];
		const option = smallMultiplesOption(panels, { ...context(), units: UNITS });
		const { option: narrow, extraHeight } = narrowChart(option, PHONE, 640);
		const coords = (narrow.grid as { coord: number[] }[]).map((g) => g.coord);
		expect(coords).toEqual([
			[0, 0],
			[0, 1],
			[0, 2]
		]);
		const matrix = narrow.matrix as {
			x: { data: string[] };
			y: { data: string[] };
			top: number;
			bottom: number;
		};
		expect(matrix.x.data).toHaveLength(1);
		expect(matrix.y.data).toHaveLength(3);
		const plot = 640 + extraHeight - matrix.top - matrix.bottom;
		expect(plot / 3).toBeGreaterThanOrEqual(190);
		// The wide option still has two columns.
		expect((option.matrix as { x: { data: string[] } }).x.data).toHaveLength(2);
		const texts = svgTexts(renderSvg(narrow, PHONE, 640 + extraHeight)).map((t) => t.text);
		expect(texts).toContain('Số vụ việc đã xử lý');
	});

	it('shrinks heatmap cell labels to fit a cell', () => {
		// Five years: five columns in 358 px.
		const periods = [...YEARS, '2024', '2025'];
		const option = heatmapOption(RATES, { ...context(), units: UNITS, periods });
		const size = (o: typeof option) =>
			(o.series as { label: { fontSize: number } }[]).map((se) => se.label.fontSize);
		expect(Math.min(...size(narrowChart(option, PHONE, 420).option))).toBeLessThan(Math.min(...size(option)));
		expect(Math.max(...size(narrowChart(option, PHONE, 420).option))).toBeLessThanOrEqual(
			Math.max(8, Math.floor((PHONE - 180) / 5 / (8 * 0.58)))
		);
		expect(size(narrowChart(option, 900, 420).option)).toEqual(size(option));
	});

	it('keeps few labels along the width of a ranking', () => {
		const rows = RATES.filter((r) => r.period === '2023');
		const { option } = narrowChart(rankingOption(rows, context()), PHONE, 420);
		const x = option.xAxis as { type: string; splitNumber: number; axisLabel: { hideOverlap: boolean } };
		expect(x.type).toBe('value');
		expect(x.splitNumber).toBe(2);
		expect(x.axisLabel.hideOverlap).toBe(true);
	});
});
