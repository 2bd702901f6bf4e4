/**
 * A pinned chart, drawn from live data: `loadSpec` queries what a `ChartSpec` asks for (so a deck made
 * before the latest import shows the latest figures, with the date of that import), and the pure
 * `specOption` turns the result into an ECharts option with the shared builders, for any medium —
 * screen, projector, print, exported images and PPTX. The words around a chart (unit of measure,
 * qualifier legend, source and data date) are pure functions here too, so every medium says the same.
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
import { estimateWidth, truncate } from '$lib/charts/text';
import type { SeriesOptions } from '$lib/db';
import { rawInputs, sources as sourcesOf, type Queryable, type SourceRow } from '$lib/db/queries';
import { compareNames, formatDateTime, formatPeriod, unitLabel, type Locale } from '$lib/format';
import type { ImportRecord, Indicator, SeriesRow, Unit } from '$lib/model/types';
import { specTitle, type ChartSpec } from './chart-spec';
import { expectedMembers, medianRows, partialNotes, TOWN_GROUP, TOWN_LABEL, unitsFor } from './views';

/** What `loadSpec` needs from the data session (`data` fits; tests pass a Node store). */
export interface SpecSource {
	dictionary: ReadonlyMap<string, Indicator>;
	units: readonly Unit[];
	series(code: string, options: SeriesOptions): Promise<SeriesRow[]>;
	store: (Queryable & { imports(): Promise<ImportRecord[]> }) | null;
}

export interface SpecData {
	spec: ChartSpec;
	/** null: the indicator is no longer in the dictionary. */
	indicator: Indicator | null;
	/** The rows the chart draws (trend and heatmap: the chosen units and years; ranking: the year). */
	rows: SeriesRow[];
	/** A trend's reference line (median or town total), [] for none. */
	reference: SeriesRow[];
	/** A ranking's previous year, for rank changes. */
	previous: SeriesRow[];
	/** The ranking's year (the spec's, or the latest with data); '' for other kinds. */
	year: string;
	/** Trend and heatmap columns (years, in order). */
	periods: string[];
	/** The units in scope, in name order (heatmap rows; ranking highlights when the spec names units). */
	units: string[];
	/** Units in scope without any value shown. */
	missing: string[];
	/** How many member units each group stands for (2025 units), for partial-coverage notes. */
	expected: Record<string, number>;
	sources: SourceRow[];
	/** ISO time of the latest committed import, '' when unknown. */
	dataDate: string;
}

const YEAR = /^\d{4}$/;

function inRange(period: string, spec: ChartSpec): boolean {
	return YEAR.test(period) && (!spec.from || period >= spec.from) && (!spec.to || period <= spec.to);
}

/** Units of the spec's grouping: the named ones, or all of them (pre-2025 units, or the 2025 ones). */
export function scopeUnits(spec: ChartSpec, units: readonly Unit[]): string[] {
	if (spec.units.length > 0) return [...spec.units].sort((a, b) => compareNames(a, b));
	return unitsFor(spec.grouping === 'successor' ? '2025' : '', units).map((u) => u.name);
}

/** Every unit of the grouping (the median and the ranking are over all of them, not the named ones). */
function groupingUnits(spec: ChartSpec, units: readonly Unit[]): string[] {
	return unitsFor(spec.grouping === 'successor' ? '2025' : '', units).map((u) => u.name);
}

async function latestImport(source: SpecSource): Promise<string> {
	try {
		const records = (await source.store?.imports()) ?? [];
		return (
			records
				.filter((r) => r.status === 'committed')
				.map((r) => r.at)
				.sort()
				.at(-1) ?? ''
		);
	} catch {
		return '';
	}
}

async function sourcesFor(indicator: Indicator, source: SpecSource): Promise<SourceRow[]> {
	if (!source.store) return [];
	try {
		return await sourcesOf(source.store, rawInputs(indicator, new Map(source.dictionary)));
	} catch {
		return []; // a formula that no longer parses: the chart says so elsewhere; no source line
	}
}

/** Query everything a spec's chart needs, from the data as it is now. */
export async function loadSpec(spec: ChartSpec, source: SpecSource): Promise<SpecData> {
	const indicator = source.dictionary.get(spec.indicator) ?? null;
	const scope = scopeUnits(spec, source.units);
	const all = groupingUnits(spec, source.units);
	const expected: Record<string, number> = {};
	if (spec.grouping === 'successor')
		for (const u of scope) expected[u] = expectedMembers(u, '2025', [...source.units]);
	const empty: SpecData = {
		spec,
		indicator,
		rows: [],
		reference: [],
		previous: [],
		year: spec.year ?? '',
		periods: [],
		units: scope,
		missing: [],
		expected,
		sources: [],
		dataDate: ''
	};
	if (!indicator) return { ...empty, dataDate: await latestImport(source) };

	const [series, dataDate, sources] = await Promise.all([
		source.series(spec.indicator, { periods: 'year', grouping: spec.grouping }),
		latestImport(source),
		sourcesFor(indicator, source)
	]);
	const known = new Set(all);
	// The grouping's own units (and any the spec names, even if the unit list has changed since).
	const rowsOfGrouping = series.filter((r) => known.has(r.unit) || spec.units.includes(r.unit));

	if (spec.kind === 'ranking') {
		const years = [...new Set(rowsOfGrouping.map((r) => r.period))].filter((p) => YEAR.test(p)).sort();
		const year = spec.year ?? years.at(-1) ?? '';
		const rows = rowsOfGrouping.filter((r) => r.period === year);
		const previous = year ? rowsOfGrouping.filter((r) => r.period === String(Number(year) - 1)) : [];
		const ranked = [...new Set([...all, ...spec.units])];
		const has = new Set(rows.map((r) => r.unit));
		return {
			...empty,
			rows,
			previous,
			year,
			units: scope,
			missing: ranked.filter((u) => !has.has(u)).sort((a, b) => compareNames(a, b)),
			sources,
			dataDate
		};
	}

	const inScope = new Set(scope);
	const rows = rowsOfGrouping.filter((r) => inScope.has(r.unit) && inRange(r.period, spec));
	const periods = [...new Set(rows.map((r) => r.period))].sort();
	let reference: SeriesRow[] = [];
	if (spec.kind === 'trend' && spec.reference === 'median') {
		const members = rowsOfGrouping.filter((r) => known.has(r.unit) && inRange(r.period, spec));
		reference = medianRows(members);
	} else if (spec.kind === 'trend' && spec.reference === 'total' && indicator.aggregation !== 'none') {
		const town = await source.series(spec.indicator, {
			periods: 'year',
			grouping: 'town',
			townLabel: TOWN_GROUP
		});
		reference = town.filter((r) => inRange(r.period, spec));
	}
	const has = new Set(rows.map((r) => r.unit));
	return {
		...empty,
		rows,
		reference,
		periods,
		missing: scope.filter((u) => !has.has(u)),
		sources,
		dataDate
	};
}

// ——— Words around the chart ———

function pick(locale: Locale, vi: string, en: string) {
	return locale === 'vi' ? vi : en;
}

/** `Đơn vị tính: %` · `Unit: people`; '' when the indicator has no unit worth naming. */
export function unitOfMeasure(indicator: Indicator | null, locale: Locale): string {
	if (!indicator) return '';
	const label = unitLabel(indicator.unit, locale);
	if (!label) return '';
	return pick(locale, `Đơn vị tính: ${label}`, `Unit: ${label}`);
}

/** The line under the title: unit of measure, which way is better, which units, the reference line. */
export function specSubtitle(data: SpecData, locale: Locale): string {
	const { spec, indicator } = data;
	const parts: string[] = [];
	const unit = unitOfMeasure(indicator, locale);
	if (unit) parts.push(unit);
	if (indicator?.higher_is_better === true)
		parts.push(pick(locale, 'cao hơn là tốt hơn', 'higher is better'));
	if (indicator?.higher_is_better === false)
		parts.push(pick(locale, 'thấp hơn là tốt hơn', 'lower is better'));
	const n = data.units.length;
	if (spec.units.length === 0)
		parts.push(
			spec.grouping === 'successor'
				? pick(locale, `${n} đơn vị từ 01/7/2025 (số liệu gộp)`, `${n} units of July 2025 (merged figures)`)
				: pick(locale, `${n} phường, xã trước 01/7/2025`, `${n} wards and communes before July 2025`)
		);
	else if (spec.kind === 'ranking')
		parts.push(pick(locale, `tô đậm: ${spec.units.join(', ')}`, `highlighted: ${spec.units.join(', ')}`));
	else if (spec.grouping === 'successor')
		parts.push(pick(locale, 'đơn vị từ 01/7/2025 (số liệu gộp)', 'units of July 2025 (merged figures)'));
	if (spec.kind === 'trend' && data.reference.length > 0)
		parts.push(
			spec.reference === 'median'
				? pick(locale, 'nét đứt: trung vị các đơn vị', 'dashed: median of the units')
				: pick(locale, 'nét đứt: toàn thị xã', 'dashed: whole town')
		);
	return parts.join(' · ');
}

/** What `>` and `~` mean, when the chart shows such values; '' otherwise. */
export function qualifierLegend(data: SpecData, locale: Locale): string {
	const shown = [...data.rows, ...data.reference];
	const lower = shown.some((r) => r.qualifier === '>');
	const approx = shown.some((r) => r.qualifier === '~');
	if (!lower && !approx) return '';
	const parts: string[] = [];
	if (lower) parts.push(pick(locale, '> …: “hơn …” (giá trị tối thiểu)', '> …: “over …” (a lower bound)'));
	if (approx) parts.push(pick(locale, '~…: “khoảng …” (ước tính)', '~…: “about …” (an estimate)'));
	if (data.spec.kind === 'trend')
		parts.push(pick(locale, 'điểm rỗng: giá trị có ký hiệu', 'hollow point: such a value'));
	return `${pick(locale, 'Ký hiệu', 'Marks')}: ${parts.join('; ')}`;
}

/** Notes about what the chart does not show: units without data, merged figures missing members. */
export function coverageNotes(data: SpecData, locale: Locale): string[] {
	const notes: string[] = [];
	if (data.missing.length > 0 && data.rows.length > 0) {
		const when = data.spec.kind === 'ranking' && data.year ? ` ${formatPeriod(data.year, locale)}` : '';
		notes.push(pick(locale, `Chưa có số liệu${when}: `, `No data${when}: `) + data.missing.join(', '));
	}
	if (data.spec.grouping === 'successor')
		notes.push(...partialNotes(data.rows, (g) => data.expected[g] ?? 1, locale));
	return notes;
}

const SAMPLE_SOURCE = { vi: 'dữ liệu mẫu tổng hợp', en: 'synthetic sample data' };

/** `Nguồn: Báo cáo …; dữ liệu mẫu tổng hợp · Số liệu đến: 28/11/2026 14:05`. */
export function sourceLine(
	data: Pick<SpecData, 'sources' | 'dataDate'>,
	locale: Locale,
	maxSources = 2
): string {
	const names = data.sources.map((s) =>
		s.source === 'sample' ? SAMPLE_SOURCE[locale] : s.source || pick(locale, 'không rõ', 'unknown')
	);
	const shown = names.slice(0, maxSources);
	const more = names.length - shown.length;
	const rest = more > 0 ? pick(locale, ` và ${more} nguồn khác`, ` and ${more} more`) : '';
	const parts: string[] = [];
	if (shown.length) parts.push(`${pick(locale, 'Nguồn', 'Source')}: ${shown.join('; ')}${rest}`);
	const date = formatDateTime(data.dataDate, locale);
	if (date) parts.push(`${pick(locale, 'Số liệu đến', 'Data as of')}: ${date}`);
	return parts.join(' · ');
}

/** Lines of text no wider than `width` px at `fontSize` (words kept whole unless one alone is too long). */
export function wrapText(text: string, width: number, fontSize: number): string[] {
	const out: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		// Break at ordinary spaces only: a no-break space holds a date to its time.
		for (const word of paragraph.split(/[ \t]+/).filter(Boolean)) {
			const next = line ? `${line} ${word}` : word;
			if (line && estimateWidth(next, fontSize) > width) {
				out.push(line);
				line = word;
			} else line = next;
		}
		out.push(line);
	}
	return out;
}

/**
 * The footnote baked into exported images: coverage notes, the qualifier legend, source and data
 * date — wrapped to fit a chart `width` px wide in `theme`.
 */
export function exportFootnote(data: SpecData, locale: Locale, theme: ChartTheme, width: number): string {
	const s = themeSizes(theme);
	const lines = [
		...coverageNotes(data, locale),
		qualifierLegend(data, locale),
		sourceLine(data, locale)
	].filter(Boolean);
	return lines.flatMap((l) => wrapText(l, width - 2 * s.padding, s.footnote)).join('\n');
}

// ——— The chart ———

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
}

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
		return { option: messageOption(message, ctx), label: message, table: EMPTY_TABLE };
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
			table: tableFallback(data.rows, base)
		};
	}
	if (spec.kind === 'heatmap') {
		const option = heatmapOption(data.rows, { ...base, units: data.units, periods: data.periods });
		return {
			option,
			label: describeChart('heatmap', data.rows, base),
			table: tableFallback(data.rows, base)
		};
	}
	// Short, so the end label is not cut (the subtitle says "dashed: median of the units").
	const referenceLabel =
		spec.reference === 'median' ? pick(ctx.locale, 'Trung vị', 'Median') : TOWN_LABEL[ctx.locale];
	const categorical = ['rating', 'yes_no', 'text'].includes(indicator.unit);
	const option = endAtLastValue(
		trendOption(data.rows, { ...base, reference: data.reference, referenceLabel }),
		categorical
	);
	return {
		option,
		label: describeChart('trend', data.rows, base),
		table: tableFallback([...data.rows, ...data.reference.map((r) => ({ ...r, unit: referenceLabel }))], base)
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
