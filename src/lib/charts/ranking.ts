/**
 * Ranking: horizontal bars for one period, best first (top), each in its unit's colour, the value and
 * its parts at the bar end ("4/6 · 66,7 %*"), and the rank change against the previous period next to
 * the name (▲2, ▼1, –, mới). Long names are cut on the axis and given in full in the tooltip.
 */
import type { BarSeriesOption, EChartsOption } from 'echarts';
import type { SeriesRow } from '$lib/model/types';
import {
	formatPeriod,
	formatRankChange,
	formatRate,
	isSmallSample,
	smallSampleNote,
	type RankChange
} from '$lib/format';
import { indicatorName, type ChartContext } from './context';
import { frame, tooltipBase } from './frame';
import { rankChanges, rankRows } from '$lib/model/rank';
import { describeChart } from './summary';
import { estimateWidth, truncate } from './text';
import { valueAxisParts } from './axis';
import { asParamList, tooltipHtml, type TooltipParam } from './tooltip';

export interface RankingContext extends ChartContext {
	/** The same indicator in the previous period, for rank changes. */
	previous?: SeriesRow[];
	/** Units to bring forward; the others are faded. */
	highlight?: string[];
}

/** Opacity of bars that are not highlighted. */
const FADED = 0.3;

export function rankingOption(rows: SeriesRow[], ctx: RankingContext): EChartsOption {
	const { locale, indicator } = ctx;
	const ranked = rankRows(rows, indicator.higher_is_better, locale);
	const previous =
		ctx.previous && ctx.previous.length > 0
			? rankRows(ctx.previous, indicator.higher_is_better, locale)
			: undefined;
	const changes = rankChanges(ranked, previous);
	const highlight = new Set(ctx.highlight ?? []);
	const small = ranked.some((r) => isSmallSample(r.row));
	const f = frame(ctx, describeChart('ranking', rows, ctx), small ? [smallSampleNote(locale)] : []);
	const s = f.sizes;

	const labels = ranked.map((r) => formatRate(r.row, indicator, { locale, place: 'label' }));
	const changeOf = (unit: string): RankChange => changes.get(unit) ?? { kind: 'none' };
	const categoryLabel = (unit: string): string => {
		const mark = formatRankChange(changeOf(unit), locale);
		return mark ? `${truncate(unit)}  ${mark}` : truncate(unit);
	};

	const data: NonNullable<BarSeriesOption['data']> = ranked.map(({ row }) => {
		const faded = highlight.size > 0 && !highlight.has(row.unit);
		const color = ctx.colorOf(row.unit);
		return {
			value: row.value,
			itemStyle: { color, opacity: faded ? FADED : 1 },
			label: { fontWeight: highlight.has(row.unit) ? 700 : 400 }
		};
	});

	const series: BarSeriesOption = {
		type: 'bar',
		name: indicatorName(indicator, locale),
		data,
		barMaxWidth: s.label * 2.2,
		barCategoryGap: '25%',
		label: {
			show: true,
			position: 'right',
			distance: 6,
			fontSize: s.label,
			color: s.textColor,
			formatter: (p: { dataIndex: number }) => labels[p.dataIndex] ?? ''
		}
	};

	const x = valueAxisParts(
		indicator,
		ranked.map((r) => r.row.value),
		locale,
		s,
		true
	);
	// The longest value label must fit right of the longest bar.
	const right = Math.max(0, ...labels.map((l) => estimateWidth(l, s.label))) + s.padding + 8;

	const tooltipFormatter = (raw: TooltipParam | TooltipParam[]): string => {
		const p = asParamList(raw)[0];
		const entry = p ? ranked[p.dataIndex] : undefined;
		if (!entry) return '';
		const { row, rank } = entry;
		const change = formatRankChange(changeOf(row.unit), locale);
		const period = formatPeriod(row.period, locale);
		const rankText = locale === 'vi' ? `Hạng ${rank}/${ranked.length}` : `Rank ${rank} of ${ranked.length}`;
		return tooltipHtml(
			row.unit,
			[
				{
					color: ctx.colorOf(row.unit),
					name: `${indicatorName(indicator, locale)} · ${period}`,
					value: formatRate(row, indicator, { locale, place: 'tooltip' })
				},
				{ name: rankText, value: change }
			],
			isSmallSample(row) ? [smallSampleNote(locale)] : []
		);
	};

	return {
		...f.option,
		grid: {
			top: f.top + s.axis,
			bottom: f.bottom + s.axis,
			left: s.padding,
			right,
			outerBoundsMode: 'same',
			outerBoundsContain: 'axisLabel'
		},
		yAxis: {
			type: 'category',
			inverse: true,
			data: ranked.map((r) => r.row.unit),
			axisTick: { show: false },
			axisLine: { lineStyle: { color: s.axisLineColor } },
			axisLabel: { interval: 0, fontSize: s.axis, color: s.textColor, formatter: categoryLabel }
		},
		xAxis: {
			type: 'value',
			...x,
			splitLine: { lineStyle: { color: s.splitLineColor } }
		},
		// Axis trigger with a shadow: hovering anywhere on a row (even beside a short bar) shows the full name.
		tooltip: {
			...tooltipBase(s),
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			formatter: tooltipFormatter
		},
		series: [series]
	};
}
