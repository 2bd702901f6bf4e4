/**
 * Small multiples: one small trend per indicator (up to 9), laid out in a square-ish grid, all on the
 * same periods and with the same unit colours, so a unit can be followed from panel to panel. The legend
 * is shared: toggling a unit hides it in every panel.
 */
import type {
	EChartsOption,
	GridComponentOption,
	LineSeriesOption,
	TitleComponentOption,
	XAXisComponentOption,
	YAXisComponentOption
} from 'echarts';
import type { Indicator, SeriesRow } from '$lib/model/types';
import { formatPeriod, formatRate, isSmallSample, smallSampleNote } from '$lib/format';
import { indicatorName, type BaseContext } from './context';
import { frame, tooltipBase } from './frame';
import type { ThemeSizes } from './themes';
import { distinctPeriods, hasValue, indexRows, rowKey } from './rows';
import { describePanels } from './summary';
import { estimateWidth, truncate } from './text';
import { valueAxisParts } from './axis';
import { asParamList, tooltipHtml, type TooltipParam } from './tooltip';

export interface Panel {
	indicator: Indicator;
	rows: SeriesRow[];
}

export interface SmallMultiplesContext extends BaseContext {
	/** Units to draw, in legend order. */
	units: string[];
}

export const MAX_PANELS = 9;

/** Columns × rows for n panels: 1×1, 2×1, 2×2, 3×2, 3×3 … */
export function panelLayout(n: number): { cols: number; rows: number } {
	const cols = Math.max(1, Math.ceil(Math.sqrt(n)));
	return { cols, rows: Math.max(1, Math.ceil(n / cols)) };
}

/** Nominal widths for the static media, where the legend wraps instead of scrolling. */
const PROJECTOR_WIDTH = 1920;
const PRINT_WIDTH = 1000;
const LEGEND_NAME_MAX = 24;

/** How many lines a wrapping legend takes at `width` px (1 on screen, where it scrolls). */
function legendLines(units: string[], width: number, s: ThemeSizes): number {
	if (s.hover) return 1;
	const available = width - 2 * s.padding;
	let lines = 1;
	let used = 0;
	for (const unit of units) {
		// Icon (25 px) + gap (5) + text + item gap (10), as ECharts lays legend items out.
		const w = 40 + estimateWidth(truncate(unit, LEGEND_NAME_MAX), s.legend);
		if (used > 0 && used + w > available) {
			lines++;
			used = 0;
		}
		used += w;
	}
	return lines;
}

export function smallMultiplesOption(panels: Panel[], ctx: SmallMultiplesContext): EChartsOption {
	const { locale, units } = ctx;
	const shown = panels.slice(0, MAX_PANELS);
	const periods = distinctPeriods(...shown.map((p) => p.rows));
	const small = shown.some((p) => p.rows.some(isSmallSample));
	const f = frame(ctx, describePanels(shown, locale), small ? [smallSampleNote(locale)] : []);
	const s = f.sizes;
	const { cols, rows: rowCount } = panelLayout(shown.length);
	const legendHeight =
		legendLines(units, ctx.theme === 'print' ? PRINT_WIDTH : PROJECTOR_WIDTH, s) * (s.legend * 1.6) + 8;
	const invisible = { show: false, itemStyle: { borderWidth: 0, color: 'transparent' } };

	const grids: GridComponentOption[] = [];
	const titles: TitleComponentOption[] = [];
	const xAxes: XAXisComponentOption[] = [];
	const yAxes: YAXisComponentOption[] = [];
	const series: LineSeriesOption[] = [];
	const seriesPanel: number[] = [];
	const titleBand = Math.round(s.label * 1.6);

	shown.forEach((panel, i) => {
		// Each panel is a cell of an invisible ECharts 6 `matrix`: its title on top, its grid below.
		const coord: [number, number] = [i % cols, Math.floor(i / cols)];
		grids.push({
			coordinateSystem: 'matrix',
			coord,
			top: titleBand + s.axis / 2,
			left: s.padding / 2,
			right: s.padding,
			bottom: s.padding / 2,
			outerBoundsMode: 'same',
			outerBoundsContain: 'axisLabel'
		});
		titles.push({
			coordinateSystem: 'matrix',
			coord,
			text: truncate(indicatorName(panel.indicator, locale), 40),
			left: s.padding / 2,
			top: 0,
			padding: 0,
			textStyle: { fontSize: s.label, fontWeight: 600, color: s.textColor }
		});
		const index = indexRows(panel.rows);
		const y = valueAxisParts(
			panel.indicator,
			panel.rows.filter(hasValue).map((r) => r.value),
			locale,
			s,
			false
		);
		xAxes.push({
			type: 'category',
			gridIndex: i,
			boundaryGap: false,
			data: periods.map((p) => formatPeriod(p, locale)),
			axisLabel: { fontSize: s.axis, color: s.textColor, hideOverlap: true },
			axisLine: { lineStyle: { color: s.axisLineColor } }
		});
		yAxes.push({
			type: 'value',
			gridIndex: i,
			splitNumber: 3,
			...y,
			splitLine: { lineStyle: { color: s.splitLineColor } }
		});
		for (const unit of units) {
			const color = ctx.colorOf(unit);
			series.push({
				type: 'line',
				name: unit,
				xAxisIndex: i,
				yAxisIndex: i,
				data: periods.map((p) => {
					const r = index.get(rowKey(unit, p));
					return hasValue(r) ? { value: r.value, symbol: r.qualifier ? 'emptyCircle' : 'circle' } : null;
				}),
				connectNulls: false,
				symbol: 'circle',
				symbolSize: Math.max(4, s.symbolSize - 2),
				color,
				lineStyle: { width: Math.max(1.5, s.lineWidth - 1), color },
				itemStyle: { color, borderColor: color },
				emphasis: { focus: 'series' }
			});
			seriesPanel.push(i);
		}
	});

	const tooltipFormatter = (raw: TooltipParam | TooltipParam[]): string => {
		const params = asParamList(raw);
		const first = params[0];
		if (!first) return '';
		const panel = shown[seriesPanel[first.seriesIndex ?? 0] ?? 0];
		const period = periods[first.dataIndex];
		if (!panel || period === undefined) return '';
		const index = indexRows(panel.rows);
		let anySmall = false;
		const lines = units.flatMap((unit) => {
			const r = index.get(rowKey(unit, period));
			if (!hasValue(r)) return [];
			anySmall ||= isSmallSample(r);
			return [
				{
					color: ctx.colorOf(unit),
					name: unit,
					value: formatRate(r, panel.indicator, { locale, place: 'tooltip' })
				}
			];
		});
		const title = `${indicatorName(panel.indicator, locale)} · ${formatPeriod(period, locale)}`;
		return tooltipHtml(title, lines, anySmall ? [smallSampleNote(locale)] : []);
	};

	return {
		...f.option,
		title: [
			...(Array.isArray(f.option.title) ? f.option.title : f.option.title ? [f.option.title] : []),
			...titles
		],
		legend: {
			type: s.hover ? 'scroll' : 'plain',
			top: f.top,
			left: s.padding,
			right: s.padding,
			data: units,
			formatter: (name: string) => truncate(name, LEGEND_NAME_MAX),
			textStyle: { fontSize: s.legend, color: s.textColor }
		},
		matrix: {
			top: f.top + legendHeight,
			bottom: f.bottom,
			left: s.padding,
			right: s.padding,
			x: { ...invisible, data: Array.from({ length: cols }, (_, i) => String(i)) },
			y: { ...invisible, data: Array.from({ length: rowCount }, (_, i) => String(i)) },
			body: { itemStyle: { borderWidth: 0, color: 'transparent' } },
			backgroundStyle: { borderWidth: 0, color: 'transparent' },
			borderZ2: -1
		},
		grid: grids,
		xAxis: xAxes,
		yAxis: yAxes,
		tooltip: { ...tooltipBase(s), trigger: 'axis', formatter: tooltipFormatter },
		series
	};
}
