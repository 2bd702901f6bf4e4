/**
 * The app loads a tree-shaken `echarts/core` (src/lib/components/echarts.ts; the tooltip just after
 * the first chart from echarts-hover.ts; the rest on first need from echarts-more.ts). This renders
 * every builder with exactly the parts listed here and fails on any ECharts warning, so the list below
 * is what those three files must register together (the last test checks that they do).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
	AriaComponent,
	GraphicComponent,
	GridComponent,
	LegendComponent,
	MarkLineComponent,
	MatrixComponent,
	TitleComponent,
	TooltipComponent,
	VisualMapComponent
} from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';
import { trendOption } from './trend';
import { rankingOption } from './ranking';
import { heatmapOption } from './heatmap';
import { smallMultiplesOption } from './smallMultiples';
import { echartsThemes } from './themes';
import { context, indicator, rate, RATES, UNITS } from './spec-fixtures';

const PARTS = {
	LineChart,
	BarChart,
	HeatmapChart,
	AriaComponent,
	GraphicComponent,
	GridComponent,
	LegendComponent,
	MarkLineComponent,
	MatrixComponent,
	TitleComponent,
	TooltipComponent,
	VisualMapComponent,
	LabelLayout,
	SVGRenderer
};
echarts.use(Object.values(PARTS));
for (const [name, theme] of Object.entries(echartsThemes)) echarts.registerTheme(name, theme);

function render(option: EChartsOption, theme: string): string {
	const chart = echarts.init(null, theme, { renderer: 'svg', ssr: true, width: 900, height: 600 });
	try {
		chart.setOption(option);
		return chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
}

describe('builders on echarts/core', () => {
	let warn: ReturnType<typeof vi.spyOn>;
	let error: ReturnType<typeof vi.spyOn>;
	beforeEach(() => {
		warn = vi.spyOn(console, 'warn');
		error = vi.spyOn(console, 'error');
	});
	afterEach(() => {
		warn.mockRestore();
		error.mockRestore();
	});

	for (const theme of ['screen', 'projector', 'print'] as const) {
		it(`render without warnings (${theme})`, () => {
			const ctx = context(theme, { title: 'Tiêu đề', subtitle: 'Phụ đề', footnote: 'Nguồn' });
			const options: EChartsOption[] = [
				trendOption(RATES, { ...ctx, reference: RATES.filter((r) => r.unit === 'Phổ Vinh') }),
				rankingOption(
					RATES.filter((r) => r.period === '2023'),
					{ ...ctx, previous: RATES.filter((r) => r.period === '2022') }
				),
				heatmapOption(RATES, { ...ctx, units: UNITS, periods: ['2021', '2022', '2023'] }),
				smallMultiplesOption(
					[
						{ indicator: indicator(), rows: RATES },
						{ indicator: indicator({ code: 'x', name_vi: 'Khác' }), rows: RATES }
					],
					{ ...ctx, units: UNITS }
				)
			];
			for (const option of options) expect(render(option, theme)).toContain('<svg');
			// A trend across 1 July 2025 carries its marked line, in the picture too.
			const across = trendOption([...RATES, rate('Phổ Vinh', '2025-H2', 9, 10)], ctx);
			expect(render(across, theme)).toContain('Sắp xếp đơn vị hành chính 01/7/2025');
			expect(warn).not.toHaveBeenCalled();
			expect(error).not.toHaveBeenCalled();
		});
	}
});

describe('the parts the app registers', () => {
	/** The names a file imports from ECharts' parts (`echarts/charts`, `…/components`, …). */
	const partsOf = (file: string) =>
		[
			...readFileSync(`src/lib/components/${file}`, 'utf8').matchAll(
				/import \{([^}]*)\} from 'echarts\/(charts|components|features|renderers)'/g
			)
		]
			.flatMap((m) => m[1].split(','))
			.map((name) => name.trim())
			.filter(Boolean);

	it('are the ones above, the tooltip and the SVG renderer not with the first chart', () => {
		const first = partsOf('echarts.ts');
		const all = [...first, ...partsOf('echarts-hover.ts'), ...partsOf('echarts-more.ts')];
		// The first chart on canvas: its renderer and none of the parts loaded later.
		expect(all.sort()).toEqual([...Object.keys(PARTS), 'CanvasRenderer'].sort());
		expect(first).not.toContain('TooltipComponent');
		expect(first).not.toContain('SVGRenderer');
		expect(partsOf('echarts-hover.ts')).toEqual(['TooltipComponent']);
	});
});
