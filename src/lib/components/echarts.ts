/**
 * The only module that imports ECharts' runtime: tree-shaken `echarts/core`, the themes registered
 * once. What every page draws (lines, bars, their grid, legend, tooltip and notes, on canvas) loads
 * with the app; the rest (heatmaps and their colour scale, small multiples' matrix, titles baked into
 * exports, the SVG renderer) loads the first time a chart needs it (`withEverything`). The tooltip,
 * which nothing shows before a pointer rests on a chart, loads just after the first chart is drawn
 * (`withHover`).
 */
import { BarChart, LineChart } from 'echarts/charts';
import {
	AriaComponent,
	GraphicComponent,
	GridComponent,
	LegendComponent,
	MarkLineComponent
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';
import { echartsThemes } from '$lib/charts';
import { loadOnce } from '$lib/util/load-once';

echarts.use([
	LineChart,
	BarChart,
	AriaComponent,
	GraphicComponent,
	GridComponent,
	LegendComponent,
	MarkLineComponent,
	LabelLayout,
	CanvasRenderer
]);
for (const [name, theme] of Object.entries(echartsThemes)) echarts.registerTheme(name, theme as object);

let moreLoaded = false;

/** ECharts with every part the app uses registered (the rest loaded once, on first need). */
export const withEverything = loadOnce(() =>
	import('./echarts-more').then((m) => {
		echarts.use(m.MORE_PARTS);
		moreLoaded = true;
		return echarts;
	})
);

const loadHover = loadOnce(() => import('./echarts-hover').then((m) => echarts.use(m.HOVER_PARTS)));

/**
 * Registers the tooltip (loaded once, on first call): true once it is there. Without it (no network)
 * the charts go on without a tooltip, and the next call asks again.
 */
export function withHover(): Promise<boolean> {
	return loadHover().then(
		() => true,
		() => false
	);
}

const present = (v: unknown) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);

/** True when `option` (drawn with `renderer`) needs a part not loaded with the app yet. */
export function needsMore(option: EChartsOption, renderer: 'canvas' | 'svg' = 'canvas'): boolean {
	if (moreLoaded) return false;
	if (renderer === 'svg') return true;
	if (['title', 'visualMap', 'matrix'].some((k) => present(option[k as keyof EChartsOption]))) return true;
	const series = option.series;
	const list = Array.isArray(series) ? series : series ? [series] : [];
	return list.some((s) => s && s.type !== 'line' && s.type !== 'bar');
}

export { echarts };
