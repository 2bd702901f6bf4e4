/**
 * Sparkline: a tiny line with no axes, no legend and no tooltip, for tiles and table cells. The last
 * point is marked; missing years are gaps. Several units may share one sparkline (each its colour).
 */
import type { EChartsOption, LineSeriesOption } from 'echarts';
import type { SeriesRow } from '$lib/model/types';
import type { ChartContext } from './context';
import { frame } from './frame';
import { distinctPeriods, distinctUnits, hasValue, indexRows, rowKey } from './rows';
import { describeChart } from './summary';

export function sparklineOption(rows: SeriesRow[], ctx: ChartContext): EChartsOption {
	const periods = distinctPeriods(rows);
	const units = distinctUnits(rows, ctx.locale);
	const index = indexRows(rows);
	const f = frame(
		{ ...ctx, title: undefined, subtitle: undefined, footnote: undefined },
		describeChart('sparkline', rows, ctx)
	);
	const s = f.sizes;
	const width = Math.max(1.5, s.lineWidth * 0.75);
	const dot = Math.max(4, s.symbolSize);

	const series: LineSeriesOption[] = units.map((unit) => {
		const color = ctx.colorOf(unit);
		let last = -1;
		periods.forEach((p, i) => {
			if (hasValue(index.get(rowKey(unit, p)))) last = i;
		});
		return {
			type: 'line',
			name: unit,
			// Only the last point has a symbol; the others are bare line vertices.
			data: periods.map((p, i) => {
				const r = index.get(rowKey(unit, p));
				if (!hasValue(r)) return null;
				return i === last
					? { value: r.value, symbol: 'circle', symbolSize: dot }
					: { value: r.value, symbol: 'none' };
			}),
			connectNulls: false,
			showSymbol: true,
			symbol: 'none',
			color,
			lineStyle: { width, color },
			itemStyle: { color },
			silent: true
		};
	});

	return {
		...f.option,
		// A sparkline is part of a tile; drawing it at once reads better than animating dozens of them.
		animation: false,
		grid: { top: dot / 2 + 2, bottom: dot / 2 + 2, left: dot / 2 + 2, right: dot / 2 + 2 },
		xAxis: { type: 'category', show: false, boundaryGap: false, data: periods },
		yAxis: { type: 'value', show: false, scale: true },
		tooltip: { show: false },
		series
	};
}
