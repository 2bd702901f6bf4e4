/**
 * A chart spec and its figures → the ECharts option, its aria sentence and its text table, for any
 * medium (screen, projector, print, exported pictures). Pages and slides draw through this one function.
 */
import type { EChartsOption } from 'echarts';
import {
	describeChart,
	FONT_FAMILY,
	heatmapOption,
	rankingOption,
	tableFallback,
	themeSizes,
	trendOption,
	type ChartTheme,
	type TextTable
} from '$lib/charts';
import { truncate } from '$lib/charts/text';
import type { Locale } from '$lib/format';
import type { Indicator } from '$lib/model/types';
import { REFERENCE_SHORT_LABEL, townLabel } from '$lib/views/labels';
import { specTitle, type ChartSpec } from './chart-spec';
import { deriveSpecData, type ChartInputs, type SpecData } from './chart-data';

export interface SpecContext {
	theme: ChartTheme;
	locale: Locale;
	colorOf: (unit: string) => string;
	/** Baked into the option (exports); slides and pages show titles in HTML and leave these out. */
	title?: string;
	subtitle?: string;
	footnote?: string;
}

export interface SpecOption {
	option: EChartsOption;
	/** The aria-label sentence. */
	label: string;
	table: TextTable;
	/** The names drawn, in order (the chart's `data-series`). */
	series: string[];
}

const pick = (locale: Locale, vi: string, en: string) => (locale === 'vi' ? vi : en);

/** A plain message in place of a chart (no data, unknown indicator), in the medium's type. */
function messageOption(message: string, ctx: SpecContext): EChartsOption {
	const s = themeSizes(ctx.theme);
	return {
		backgroundColor: s.background,
		animation: false,
		title: ctx.title
			? {
					text: ctx.title,
					subtext: ctx.subtitle ?? '',
					left: s.padding,
					top: s.padding,
					textStyle: { fontFamily: FONT_FAMILY, fontSize: s.title, fontWeight: 600, color: s.textColor },
					subtextStyle: { fontFamily: FONT_FAMILY, fontSize: s.subtitle, color: s.mutedColor }
				}
			: undefined,
		graphic: [
			{
				type: 'text',
				left: 'center',
				top: 'middle',
				style: { text: message, fontFamily: FONT_FAMILY, fontSize: s.title, fill: s.mutedColor }
			},
			...(ctx.footnote
				? [
						{
							type: 'text' as const,
							left: s.padding,
							bottom: s.padding,
							style: {
								text: ctx.footnote,
								fontFamily: FONT_FAMILY,
								fontSize: s.footnote,
								lineHeight: Math.round(s.footnote * 1.3),
								fill: s.mutedColor
							}
						}
					]
				: [])
		]
	};
}

const EMPTY_TABLE: TextTable = { columns: [], rows: [], notes: [] };

export function noDataMessage(data: SpecData, locale: Locale): string {
	if (!data.indicator)
		return pick(
			locale,
			`Chỉ tiêu “${data.spec.indicator}” không còn trong từ điển`,
			`The indicator “${data.spec.indicator}” is no longer in the dictionary`
		);
	return pick(locale, 'Chưa có số liệu cho lựa chọn này', 'No data for this choice');
}

/**
 * End labels of lines (printed on projector and paper, where nothing can be hovered) made to work
 * everywhere:
 * - a line whose unit has no value in the last years ends at its last value, so its end label sits
 *   there instead of nowhere (the canvas renderer drops such a label, the SVG one writes `NaN`);
 * - the labels get an explicit line height: without one, ECharts measures a label's height in the
 *   browser as the width of '国' in whatever fallback font has it, so two lines ending at the same
 *   value (a unit at 100 % and the median at 100 %) were pushed apart by less than a line and overlapped;
 * - `namesOnly`: a rating's value is a long label ("Hoàn thành xuất sắc nhiệm vụ") that the axis
 *   already names, so the end label is the unit's name alone and fits the room the builder left.
 */
export function endAtLastValue(option: EChartsOption, namesOnly = false): EChartsOption {
	const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
	return {
		...option,
		series: series.map((s) => {
			if (s.type !== 'line' || !Array.isArray(s.data)) return s;
			const data = [...s.data];
			while (data.length > 0 && (data[data.length - 1] === null || data[data.length - 1] === undefined))
				data.pop();
			const endLabel = s.endLabel;
			if (!endLabel?.show) return { ...s, data };
			const size = typeof endLabel.fontSize === 'number' ? endLabel.fontSize : 12;
			const name = truncate(String(s.name ?? ''));
			return {
				...s,
				data,
				endLabel: {
					...endLabel,
					lineHeight: Math.round(size * 1.25),
					...(namesOnly ? { formatter: () => name } : {})
				}
			};
		})
	} as EChartsOption;
}

/** The ECharts option of a pinned chart, its aria sentence and its table, for one medium. */
export function specOption(spec: ChartSpec, data: SpecData, ctx: SpecContext): SpecOption {
	const { indicator } = data;
	if (!indicator || data.rows.length === 0) {
		const message = noDataMessage(data, ctx.locale);
		return { option: messageOption(message, ctx), label: message, table: EMPTY_TABLE, series: [] };
	}
	const base = {
		locale: ctx.locale,
		theme: ctx.theme,
		colorOf: ctx.colorOf,
		indicator,
		title: ctx.title,
		subtitle: ctx.subtitle,
		footnote: ctx.footnote
	};
	if (spec.kind === 'ranking') {
		const option = rankingOption(data.rows, { ...base, previous: data.previous, highlight: spec.units });
		return {
			option,
			label: describeChart('ranking', data.rows, base),
			table: tableFallback(data.rows, base),
			series: data.rows.map((r) => r.unit)
		};
	}
	if (spec.kind === 'heatmap') {
		const option = heatmapOption(data.rows, { ...base, units: data.units, periods: data.periods });
		return {
			option,
			label: describeChart('heatmap', data.rows, base),
			table: tableFallback(data.rows, base),
			series: data.units
		};
	}
	// Short, so the end label is not cut (the subtitle says "dashed: median of the units").
	const referenceLabel =
		spec.reference === 'median'
			? REFERENCE_SHORT_LABEL.median[ctx.locale]
			: townLabel(indicator, data.area)[ctx.locale];
	const categorical = ['rating', 'yes_no', 'text'].includes(indicator.unit);
	const option = endAtLastValue(
		trendOption(data.rows, { ...base, reference: data.reference, referenceLabel }),
		categorical
	);
	return {
		option,
		label: describeChart('trend', data.rows, base),
		table: tableFallback(
			[...data.rows, ...data.reference.map((r) => ({ ...r, unit: referenceLabel }))],
			base
		),
		series: [...new Set(data.rows.map((r) => r.unit))]
	};
}

/** The title of a loaded spec (the ranking's year and the trend's span come from the data). */
export function loadedTitle(
	data: SpecData,
	dictionary: ReadonlyMap<string, Indicator>,
	locale: Locale
): string {
	return specTitle(data.spec, dictionary, locale, { year: data.year, periods: data.periods });
}

/** A slide's title: the person's own, else the chart's automatic one. */
export function displayTitle(
	custom: string,
	data: SpecData,
	dictionary: ReadonlyMap<string, Indicator>,
	locale: Locale
): string {
	return custom.trim() || loadedTitle(data, dictionary, locale);
}

/** A page's chart: its figures derived from the rows the page loaded, and drawn — as a slide draws it. */
export function drawSpec(
	spec: ChartSpec,
	indicator: Indicator | null,
	inputs: ChartInputs,
	ctx: SpecContext
): SpecOption & { derived: SpecData } {
	const derived = deriveSpecData(spec, indicator, inputs);
	return { derived, ...specOption(spec, derived, ctx) };
}
