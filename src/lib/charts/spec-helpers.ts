/**
 * Test support, imported by `*.spec.ts` only: renders an option with ECharts' SSR SVG renderer (the
 * only place outside `$lib/components` that loads the full ECharts runtime). Fixtures are in
 * `spec-fixtures.ts`, which loads no ECharts, so `core-setup.spec.ts` can test a tree-shaken setup.
 */
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

export function renderSvg(option: EChartsOption, width = 800, height = 500): string {
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
	try {
		chart.setOption(option);
		return chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
}

/** Every `<text>` element: its content (still XML-escaped), font size and vertical position. */
export function svgTexts(svg: string): { text: string; fontSize: number; y: number }[] {
	const out: { text: string; fontSize: number; y: number }[] = [];
	for (const m of svg.matchAll(/<text([^>]*)>([\s\S]*?)<\/text>/g)) {
		const size =
			/font-size:\s*([\d.]+)px/.exec(m[1]) ??
			/font-size="([\d.]+)/.exec(m[1]) ??
			/font:[^;"]*?([\d.]+)px/.exec(m[1]);
		const at = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(m[1]);
		const dy = /\sy="([-\d.]+)"/.exec(m[1]);
		out.push({
			text: m[2],
			fontSize: size ? Number(size[1]) : NaN,
			y: (at ? Number(at[2]) : 0) + (dy ? Number(dy[1]) : 0)
		});
	}
	return out;
}

export * from './spec-fixtures';
