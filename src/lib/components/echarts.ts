/**
 * The only module that imports ECharts' runtime: tree-shaken `echarts/core` with just the charts and
 * components the builders in `$lib/charts` use, and the themes registered once.
 */
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
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { echartsThemes } from '$lib/charts';

echarts.use([
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
	CanvasRenderer,
	SVGRenderer
]);
for (const [name, theme] of Object.entries(echartsThemes)) echarts.registerTheme(name, theme as object);

export { echarts };
