/**
 * Heatmap: units × periods, each cell coloured by value (darker = better when the indicator has a
 * direction, a neutral purple scale otherwise) and labelled with the formatted value in a text colour
 * chosen by the cell's luminance. Missing cells are grey, hatched and marked '—', never coloured as 0.
 */
import type { EChartsOption, HeatmapSeriesOption } from 'echarts';
import type { SeriesRow } from '$lib/model/types';
import {
	formatPeriod,
	formatRate,
	formatValue,
	isSmallSample,
	MISSING,
	SMALL_SAMPLE_MARK,
	smallSampleNote
} from '$lib/format';
import { indicatorName, type ChartContext } from './context';
import { frame, tooltipBase } from './frame';
import { interpolate, MISSING_COLOR, MISSING_PATTERN_COLOR, sequentialFor, textColorOn } from './palette';
import { hasValue, indexRows, rowKey } from './rows';
import { describeChart } from './summary';
import { truncate } from './text';
import { asParamList, tooltipHtml, type TooltipParam } from './tooltip';

export interface HeatmapContext extends ChartContext {
	/** Rows of the map, top to bottom. */
	units: string[];
	/** Columns, left to right (period codes). */
	periods: string[];
}

type Cell = { unit: string; period: string; row: SeriesRow | null };

export function heatmapOption(rows: SeriesRow[], ctx: HeatmapContext): EChartsOption {
	const { locale, indicator, units, periods } = ctx;
	const index = indexRows(rows);
	const shown = rows.filter((r) => units.includes(r.unit) && periods.includes(r.period) && hasValue(r));
	const small = shown.some(isSmallSample);
	const f = frame(ctx, describeChart('heatmap', shown, ctx), small ? [smallSampleNote(locale)] : []);
	const s = f.sizes;

	const values = shown.map((r) => r.value);
	let min = values.length ? Math.min(...values) : 0;
	let max = values.length ? Math.max(...values) : 1;
	if (min === max) {
		// One distinct value: give the scale some width so the cells take its middle colour.
		min -= 1;
		max += 1;
	}
	const stops = sequentialFor(indicator.higher_is_better);
	const colorAt = (v: number) => interpolate(stops, (v - min) / (max - min));

	const cells: Cell[] = [];
	const present: NonNullable<HeatmapSeriesOption['data']> = [];
	const missing: NonNullable<HeatmapSeriesOption['data']> = [];
	units.forEach((unit, y) =>
		periods.forEach((period, x) => {
			const row = index.get(rowKey(unit, period));
			if (hasValue(row)) {
				const text = formatValue(indicator, row.value, row.qualifier, { locale, place: 'label' });
				present.push({
					value: [x, y, row.value],
					label: {
						formatter: text + (isSmallSample(row) ? SMALL_SAMPLE_MARK : ''),
						color: textColorOn(colorAt(row.value))
					}
				});
				cells.push({ unit, period, row });
			} else {
				missing.push({ value: [x, y, 0] });
				cells.push({ unit, period, row: null });
			}
		})
	);
	// Tooltip lookup by series and data index (present and missing cells live in two series).
	const presentCells = cells.filter((c) => c.row);
	const missingCells = cells.filter((c) => !c.row);

	const label = { show: true, fontSize: s.label };
	const series: HeatmapSeriesOption[] = [
		{
			type: 'heatmap',
			name: indicatorName(indicator, locale),
			data: present,
			label,
			itemStyle: { borderColor: s.background, borderWidth: 2 },
			emphasis: { itemStyle: { borderColor: s.textColor, borderWidth: 2 } }
		},
		{
			type: 'heatmap',
			name: MISSING,
			data: missing,
			label: { ...label, formatter: MISSING, color: s.mutedColor },
			itemStyle: {
				color: MISSING_COLOR,
				borderColor: s.background,
				borderWidth: 2,
				// Diagonal hatching: "no data" must not look like a pale value.
				decal: {
					symbol: 'rect',
					symbolSize: 1,
					color: MISSING_PATTERN_COLOR,
					dashArrayX: [1, 0],
					dashArrayY: [2, 6],
					rotation: Math.PI / 4
				}
			},
			emphasis: { disabled: true }
		}
	];

	const tooltipFormatter = (raw: TooltipParam | TooltipParam[]): string => {
		const p = asParamList(raw)[0];
		if (!p) return '';
		const cell = (p.seriesIndex === 1 ? missingCells : presentCells)[p.dataIndex];
		if (!cell) return '';
		const value = cell.row ? formatRate(cell.row, indicator, { locale, place: 'tooltip' }) : MISSING;
		return tooltipHtml(
			cell.unit,
			[{ name: `${indicatorName(indicator, locale)} · ${formatPeriod(cell.period, locale)}`, value }],
			cell.row && isSmallSample(cell.row) ? [smallSampleNote(locale)] : []
		);
	};

	const visualMapHeight = s.label * 1.2;
	return {
		...f.option,
		grid: {
			top: f.top + s.axis,
			bottom: f.bottom + visualMapHeight + s.axis * 3,
			left: s.padding,
			right: s.padding * 2,
			outerBoundsMode: 'same',
			outerBoundsContain: 'axisLabel'
		},
		xAxis: {
			type: 'category',
			data: periods.map((p) => formatPeriod(p, locale)),
			position: 'top',
			splitArea: { show: false },
			axisTick: { show: false },
			axisLine: { show: false },
			axisLabel: { fontSize: s.axis, color: s.textColor }
		},
		yAxis: {
			type: 'category',
			inverse: true,
			data: units,
			axisTick: { show: false },
			axisLine: { show: false },
			axisLabel: {
				interval: 0,
				fontSize: s.axis,
				color: s.textColor,
				formatter: (name: string) => truncate(name)
			}
		},
		visualMap: [
			{
				type: 'continuous',
				min,
				max,
				seriesIndex: 0,
				dimension: 2,
				calculable: false,
				orient: 'horizontal',
				left: 'center',
				bottom: f.bottom,
				itemHeight: Math.max(120, s.label * 10),
				itemWidth: visualMapHeight,
				inRange: { color: stops },
				text: [
					formatValue(indicator, max, '', { locale, place: 'axis' }),
					formatValue(indicator, min, '', { locale, place: 'axis' })
				],
				textStyle: { fontSize: s.axis, color: s.textColor }
			},
			// ECharts wants a visualMap on every heatmap series; the missing cells get a flat grey one.
			{
				type: 'continuous',
				show: false,
				min: 0,
				max: 1,
				seriesIndex: 1,
				dimension: 2,
				inRange: { color: [MISSING_COLOR, MISSING_COLOR] }
			}
		],
		tooltip: { ...tooltipBase(s), trigger: 'item', formatter: tooltipFormatter },
		series
	};
}
