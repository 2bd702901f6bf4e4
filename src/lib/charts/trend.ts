/**
 * Trend: one line per unit over the periods, optionally with a dashed reference line (the town's
 * median or total). Missing years are gaps, never zeros; qualified values (`> 570`, `~11.000`) get a
 * hollow symbol. On projector and paper there is no hover, so each line is named at its end.
 */
import type { EChartsOption, LineSeriesOption } from 'echarts';
import type { SeriesRow } from '$lib/model/types';
import {
	formatPeriod,
	formatRate,
	formatValue,
	isSmallSample,
	SMALL_SAMPLE_MARK,
	smallSampleNote
} from '$lib/format';
import { indicatorName, type ChartContext } from './context';
import { frame, tooltipBase } from './frame';
import { REFERENCE_COLOR } from './palette';
import { distinctPeriods, distinctUnits, hasValue, indexRows, rowKey } from './rows';
import { reorganisationMark } from './reorganisation';
import { describeChart } from './summary';
import { estimateWidth, truncate } from './text';
import { valueAxisParts } from './axis';
import { asParamList, tooltipHtml, type TooltipLine, type TooltipParam } from './tooltip';

export interface TrendContext extends ChartContext {
	reference?: SeriesRow[];
	referenceLabel?: string;
}

type LinePoint = { value: number; symbol?: string; symbolSize?: number } | null;

/** The reference line's name when the page gives none (pages name it: the whole area, the median). */
function defaultReferenceLabel(locale: 'vi' | 'en'): string {
	return locale === 'vi' ? 'Tham chiếu' : 'Reference';
}

export function trendOption(rows: SeriesRow[], ctx: TrendContext): EChartsOption {
	const { locale, indicator } = ctx;
	const reference = ctx.reference ?? [];
	const referenceLabel = ctx.referenceLabel ?? defaultReferenceLabel(locale);
	const periods = distinctPeriods(rows, reference);
	const units = distinctUnits(rows, locale);
	const index = indexRows(rows);
	const refIndex = new Map(reference.map((r) => [r.period, r]));
	const small = rows.some(isSmallSample) || reference.some(isSmallSample);
	const f = frame(ctx, describeChart('trend', rows, ctx), small ? [smallSampleNote(locale)] : []);
	const s = f.sizes;
	const staticMedium = !s.hover;
	const fmtEnd = (r: SeriesRow | undefined) =>
		r
			? formatValue(indicator, r.value, r.qualifier, { locale, place: 'label' }) +
				(isSmallSample(r) ? SMALL_SAMPLE_MARK : '')
			: '';

	const point = (r: SeriesRow | undefined): LinePoint => {
		if (!hasValue(r)) return null;
		// A bound or an estimate is drawn hollow and a little larger, so it reads as "not exact".
		return r.qualifier
			? { value: r.value, symbol: 'emptyCircle', symbolSize: s.symbolSize * 1.5 }
			: { value: r.value };
	};
	const lastRow = (idx: (p: string) => SeriesRow | undefined): SeriesRow | undefined => {
		for (let i = periods.length - 1; i >= 0; i--) {
			const r = idx(periods[i]);
			if (hasValue(r)) return r;
		}
		return undefined;
	};

	const endLabel = (text: string, color: string): LineSeriesOption['endLabel'] =>
		staticMedium
			? { show: true, formatter: () => text, color, fontSize: s.label, fontWeight: 600, distance: 8 }
			: { show: false };

	const series: LineSeriesOption[] = units.map((unit) => {
		const color = ctx.colorOf(unit);
		const last = lastRow((p) => index.get(rowKey(unit, p)));
		return {
			type: 'line',
			name: unit,
			data: periods.map((p) => point(index.get(rowKey(unit, p)))),
			connectNulls: false,
			symbol: 'circle',
			symbolSize: s.symbolSize,
			showSymbol: true,
			color,
			lineStyle: { width: s.lineWidth, color },
			itemStyle: { color, borderColor: color, borderWidth: Math.max(1.5, s.lineWidth / 2) },
			emphasis: { focus: 'series' },
			endLabel: endLabel(`${truncate(unit)}  ${fmtEnd(last)}`, color),
			labelLayout: { moveOverlap: 'shiftY' }
		};
	});

	if (reference.length > 0) {
		const last = lastRow((p) => refIndex.get(p));
		series.push({
			type: 'line',
			name: referenceLabel,
			data: periods.map((p) => point(refIndex.get(p))),
			connectNulls: false,
			symbol: 'circle',
			symbolSize: s.symbolSize * 0.8,
			color: REFERENCE_COLOR,
			lineStyle: { width: s.referenceLineWidth, color: REFERENCE_COLOR, type: 'dashed' },
			itemStyle: { color: REFERENCE_COLOR, borderColor: REFERENCE_COLOR },
			z: 1,
			endLabel: endLabel(`${truncate(referenceLabel)}  ${fmtEnd(last)}`, REFERENCE_COLOR),
			labelLayout: { moveOverlap: 'shiftY' }
		});
	}

	// Room on the right for end labels ("Nguyễn Nghiêm  95,2 %"); the legend takes its place on screen.
	// With many lines a legend row would scroll out of sight: list them in a column on the right.
	const endTexts = series.map((se) => `${truncate(se.name as string)}  00,0 %`);
	const sideLegend = !staticMedium && series.length > 6;
	const legendWidth =
		Math.max(...series.map((se) => estimateWidth(truncate(se.name as string, 24), s.legend)), 0) + 36;
	const right = staticMedium
		? Math.min(420, Math.max(...endTexts.map((t) => estimateWidth(t, s.label)), 0) + s.padding + 12)
		: sideLegend
			? legendWidth + s.padding * 2
			: s.padding * 2;
	const legendHeight = staticMedium || sideLegend ? 0 : s.legend * 1.6 + 8;

	const allValues = [...rows, ...reference].filter(hasValue).map((r) => r.value);
	const y = valueAxisParts(indicator, allValues, locale, s, false);

	const mark = reorganisationMark(
		periods,
		periods.map((p) => formatPeriod(p, locale)),
		locale,
		s
	);

	const tooltipFormatter = (raw: TooltipParam | TooltipParam[]): string => {
		const params = asParamList(raw);
		const dataIndex = params[0]?.dataIndex ?? 0;
		const period = periods[dataIndex];
		if (period === undefined) return '';
		const entries: { line: TooltipLine; value: number; ref: boolean }[] = [];
		let anySmall = false;
		for (const unit of units) {
			const r = index.get(rowKey(unit, period));
			if (!hasValue(r)) continue;
			anySmall ||= isSmallSample(r);
			entries.push({
				line: {
					color: ctx.colorOf(unit),
					name: unit,
					value: formatRate(r, indicator, { locale, place: 'tooltip' })
				},
				value: r.value,
				ref: false
			});
		}
		// Best first, so the tooltip reads like a ranking of that year.
		const sign = indicator.higher_is_better === false ? 1 : -1;
		entries.sort((a, b) => sign * (a.value - b.value));
		const ref = refIndex.get(period);
		const lines = entries.map((e) => e.line);
		if (hasValue(ref)) {
			anySmall ||= isSmallSample(ref);
			lines.push({
				color: REFERENCE_COLOR,
				name: referenceLabel,
				value: formatRate(ref, indicator, { locale, place: 'tooltip' }),
				dashed: true,
				bold: true
			});
		}
		const title = `${indicatorName(indicator, locale)} · ${formatPeriod(period, locale)}`;
		return tooltipHtml(title, lines, anySmall ? [smallSampleNote(locale)] : []);
	};

	return {
		...f.option,
		legend: staticMedium
			? { show: false }
			: {
					type: 'scroll',
					...(sideLegend
						? {
								orient: 'vertical' as const,
								top: f.top + s.axis,
								bottom: f.bottom,
								right: s.padding,
								itemGap: 6
							}
						: { top: f.top, left: s.padding, right: s.padding }),
					data: series.map((se) => se.name as string),
					formatter: (name: string) => truncate(name, 24),
					textStyle: { fontSize: s.legend, color: s.textColor },
					itemWidth: 18,
					itemHeight: 10
				},
		grid: {
			top: f.top + legendHeight + s.axis,
			bottom: f.bottom + s.axis,
			left: s.padding,
			right,
			outerBoundsMode: 'same',
			outerBoundsContain: 'axisLabel'
		},
		xAxis: {
			type: 'category',
			boundaryGap: false,
			data: periods.map((p) => formatPeriod(p, locale)),
			axisLabel: { fontSize: s.axis, color: s.textColor },
			axisLine: { lineStyle: { color: s.axisLineColor } }
		},
		yAxis: {
			type: 'value',
			...y,
			splitLine: { lineStyle: { color: s.splitLineColor } }
		},
		tooltip: { ...tooltipBase(s), trigger: 'axis', formatter: tooltipFormatter },
		series: mark ? [...series, mark] : series
	};
}
