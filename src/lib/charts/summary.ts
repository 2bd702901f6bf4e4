/**
 * Words for people who cannot see the chart: an aria-label sentence and a plain table of the figures.
 * Everything here is plain text (no HTML); the lead renders it as text.
 */
import type { SeriesRow } from '$lib/model/types';
import {
	formatPeriod,
	formatPeriodSpan,
	formatRate,
	formatValue,
	isSmallSample,
	smallSampleNote,
	type Locale
} from '$lib/format';
import { indicatorName, type ChartContext, type ChartKind } from './context';
import { distinctPeriods, distinctUnits, hasValue, indexRows, rowKey } from './rows';
import type { Indicator } from '$lib/model/types';

const KIND_WORDS: Record<ChartKind, Record<Locale, string>> = {
	trend: { vi: 'Biểu đồ xu hướng', en: 'Trend chart' },
	ranking: { vi: 'Biểu đồ xếp hạng', en: 'Ranking chart' },
	heatmap: { vi: 'Bảng nhiệt', en: 'Heatmap' },
	smallMultiples: { vi: 'Các biểu đồ nhỏ', en: 'Small multiples' },
	sparkline: { vi: 'Biểu đồ thu nhỏ', en: 'Sparkline' }
};

function unitCount(n: number, locale: Locale): string {
	return locale === 'vi' ? `${n} đơn vị` : `${n} ${n === 1 ? 'unit' : 'units'}`;
}

/** Highest and lowest of the latest period, e.g. `cao nhất: X (98,0 %), thấp nhất: Y (80,1 %)`. */
function extremes(
	rows: readonly SeriesRow[],
	indicator: Indicator,
	locale: Locale,
	periods: string[]
): string {
	if (indicator.unit === 'text' || indicator.unit === 'yes_no' || periods.length === 0) return '';
	const latest = periods[periods.length - 1];
	const current = rows.filter((r) => r.period === latest && hasValue(r));
	if (current.length === 0) return '';
	const fmt = (r: SeriesRow) =>
		`${r.unit} (${formatValue(indicator, r.value, r.qualifier, { locale, place: 'tooltip' })})`;
	const prefix = periods.length > 1 ? `${formatPeriod(latest, locale)}: ` : '';
	if (current.length === 1) return prefix + fmt(current[0]);
	const sorted = [...current].sort((a, b) => b.value - a.value);
	const hi = sorted[0];
	const lo = sorted[sorted.length - 1];
	if (periods.length > 1)
		return locale === 'vi'
			? `${prefix}cao nhất ${fmt(hi)}, thấp nhất ${fmt(lo)}`
			: `${prefix}highest ${fmt(hi)}, lowest ${fmt(lo)}`;
	return locale === 'vi'
		? `cao nhất: ${fmt(hi)}, thấp nhất: ${fmt(lo)}`
		: `highest: ${fmt(hi)}, lowest: ${fmt(lo)}`;
}

export function describeChart(
	kind: ChartKind,
	rows: readonly SeriesRow[],
	ctx: Pick<ChartContext, 'locale' | 'indicator'>
): string {
	const { locale, indicator } = ctx;
	const periods = distinctPeriods(rows);
	const units = distinctUnits(rows, locale);
	const head = `${KIND_WORDS[kind][locale]}: ${indicatorName(indicator, locale)}`;
	if (rows.length === 0) return `${head}; ${locale === 'vi' ? 'chưa có số liệu' : 'no data'}`;
	const parts = [head, formatPeriodSpan(periods, locale), unitCount(units.length, locale)]
		.filter(Boolean)
		.join(', ');
	const ext = extremes(rows, indicator, locale, periods);
	return ext ? `${parts}; ${ext}` : parts;
}

/** Sentence for a set of panels (small multiples): the indicators, the span, the number of units. */
export function describePanels(
	panels: readonly { indicator: Indicator; rows: readonly SeriesRow[] }[],
	locale: Locale
): string {
	const all = panels.flatMap((p) => p.rows);
	const names = panels.map((p) => indicatorName(p.indicator, locale)).join('; ');
	const span = formatPeriodSpan(distinctPeriods(all), locale);
	const units = distinctUnits(all, locale).length;
	return [`${KIND_WORDS.smallMultiples[locale]}: ${names}`, span, unitCount(units, locale)]
		.filter(Boolean)
		.join(', ');
}

export interface TextTable {
	columns: string[];
	rows: string[][];
	/** Explanations of marks used in the cells (small samples). */
	notes: string[];
}

/** The figures as a plain table: one row per unit, one column per period, formatted like tooltips. */
export function tableFallback(
	rows: readonly SeriesRow[],
	ctx: Pick<ChartContext, 'locale' | 'indicator'>
): TextTable {
	const { locale, indicator } = ctx;
	const periods = distinctPeriods(rows);
	const units = distinctUnits(rows, locale);
	const index = indexRows(rows);
	let small = false;
	const body = units.map((unit) => [
		unit,
		...periods.map((period) => {
			const row = index.get(rowKey(unit, period));
			if (!row) return formatValue(indicator, null, '', { locale, place: 'table' });
			small ||= isSmallSample(row);
			return formatRate(row, indicator, { locale, place: 'table' });
		})
	]);
	return {
		columns: [locale === 'vi' ? 'Đơn vị' : 'Unit', ...periods.map((p) => formatPeriod(p, locale))],
		rows: body,
		notes: small ? [smallSampleNote(locale)] : []
	};
}
