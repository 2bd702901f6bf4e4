/**
 * Chart option builders: pure functions `(rows, context) → EChartsOption`. Nothing here imports the
 * ECharts runtime (only its types); `$lib/components/echarts.ts` does, and registers `echartsThemes`.
 */
export type { BaseContext, ChartContext, ChartKind } from './context';
export { indicatorName } from './context';
export {
	CATEGORICAL,
	REFERENCE_COLOR,
	MISSING_COLOR,
	SEQUENTIAL_GOOD,
	SEQUENTIAL_NEUTRAL,
	makeColorOf,
	textColorOn,
	DARK_TEXT,
	LIGHT_TEXT,
	luminance,
	interpolate,
	sequentialFor
} from './palette';
export { type ChartTheme, type ThemeSizes, FONT_FAMILY, themeSizes, echartsThemes } from './themes';
export { type RankedRow, rankRows, rankChanges } from '$lib/model/rank';
export { AXIS_LABEL_MAX, truncate } from './text';
export { type TrendContext, trendOption } from './trend';
export { type RankingContext, rankingOption } from './ranking';
export { describeChart, describePanels, tableFallback, type TextTable } from './summary';
export { type HeatmapContext, heatmapOption } from './heatmap';
export {
	type Panel,
	type SmallMultiplesContext,
	MAX_PANELS,
	panelLayout,
	smallMultiplesOption
} from './smallMultiples';
export { type SparklineShape, sparklineShape } from './sparkline';
