/**
 * What a pinned chart is: the choices that make it (indicator, units, years, chart type, the 2025-units
 * switch), never its figures — a slide re-queries live data, so a deck made before the latest import
 * shows the latest figures. Versioned, because decks are saved and exported and may be loaded a year
 * later. Pure TypeScript: no Svelte, no DuckDB.
 */
import { indicatorName } from '$lib/charts';
import { formatPeriod, formatPeriodSpan, type Locale } from '$lib/format';
import type { Indicator } from '$lib/model/types';

export const CHART_SPEC_VERSION = 1;

export type SpecKind = 'trend' | 'ranking' | 'heatmap';
export const SPEC_KINDS: readonly SpecKind[] = ['trend', 'ranking', 'heatmap'];

import { REFERENCES, type Reference } from '$lib/model/indicators';

/** The reference line of a trend: one name for it everywhere (page, URL, deck). */
export type SpecReference = Reference;
export const SPEC_REFERENCES = REFERENCES;

export type SpecGrouping = 'unit' | 'successor';

export interface ChartSpec {
	version: 1;
	kind: SpecKind;
	/** Indicator code. */
	indicator: string;
	/** Unit names (group names when `grouping` is 'successor'); empty: every unit of the grouping. */
	units: string[];
	/** First and last year (`YYYY`) of a trend or heatmap; open when absent. */
	from?: string;
	to?: string;
	/** The period of a ranking (`2023`, `2024-H1`, `2021-2023` …); absent: the latest year with data. */
	year?: string;
	/** 'successor': figures of the pre-July-2025 units merged into the units of 2025. */
	grouping: SpecGrouping;
	/** Reference line of a trend. */
	reference?: SpecReference;
	/** A title the page chose; the automatic one (`specTitle`) otherwise. */
	title?: string;
}

/** Result of reading something a person or a file gave: the value, or why not in both languages. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; vi: string; en: string };

export const KIND_LABELS: Record<SpecKind, { vi: string; en: string }> = {
	trend: { vi: 'Xu hướng', en: 'Trend' },
	ranking: { vi: 'Xếp hạng', en: 'Ranking' },
	heatmap: { vi: 'Bảng nhiệt', en: 'Heatmap' }
};

const REFERENCE_LABELS: Record<Exclude<SpecReference, 'total'>, { vi: string; en: string }> = {
	median: { vi: 'Trung vị các đơn vị', en: 'Median of the units' },
	none: { vi: 'Không', en: 'None' }
};

/** A reference line's name; `whole` is what the workspace calls its whole area (`Toàn thị xã`). */
export function referenceLabel(
	reference: SpecReference,
	locale: Locale,
	whole: { vi: string; en: string }
): string {
	return (reference === 'total' ? whole : REFERENCE_LABELS[reference])[locale];
}

const YEAR = /^\d{4}$/;
/** A stored period: a year, a half, a quarter or a multi-year total. */
const PERIOD = /^\d{4}(?:-(?:H[12]|Q[1-4]|\d{4}))?$/;
const CODE = /^[A-Za-z0-9_.-]{1,100}$/;
export const MAX_UNITS = 200;
export const MAX_TEXT = 300;

/** Text from outside: NFC, no control characters, trimmed, at most `max` characters. */
export function cleanText(value: string, max = MAX_TEXT): string {
	// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
	const text = value.normalize('NFC').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
	return Array.from(text.trim()).slice(0, max).join('');
}

function fail(vi: string, en: string): { ok: false; vi: string; en: string } {
	return { ok: false, vi, en };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

function optionalYear(raw: Record<string, unknown>, key: 'from' | 'to' | 'year'): string | undefined | null {
	const v = raw[key];
	if (v === undefined || v === null || v === '') return undefined;
	const text = typeof v === 'number' ? String(v) : v;
	const pattern = key === 'year' ? PERIOD : YEAR;
	return typeof text === 'string' && pattern.test(text.trim()) ? text.trim() : null;
}

/** A chart spec from untrusted JSON: every field checked, text cleaned, unknown fields dropped. */
export function parseSpec(raw: unknown, where = 'biểu đồ · chart'): Parsed<ChartSpec> {
	if (!isObject(raw)) return fail(`${where}: không phải một đối tượng`, `${where}: not an object`);
	if (raw.version !== CHART_SPEC_VERSION)
		return fail(
			`${where}: phiên bản ${String(raw.version)} không được hỗ trợ (cần ${CHART_SPEC_VERSION})`,
			`${where}: version ${String(raw.version)} is not supported (expected ${CHART_SPEC_VERSION})`
		);
	if (!SPEC_KINDS.includes(raw.kind as SpecKind))
		return fail(
			`${where}: loại biểu đồ “${String(raw.kind)}” không hợp lệ (trend, ranking, heatmap)`,
			`${where}: unknown chart kind “${String(raw.kind)}” (trend, ranking, heatmap)`
		);
	if (typeof raw.indicator !== 'string' || !CODE.test(raw.indicator))
		return fail(`${where}: thiếu mã chỉ tiêu hợp lệ`, `${where}: missing a valid indicator code`);
	if (!Array.isArray(raw.units) || raw.units.some((u) => typeof u !== 'string'))
		return fail(
			`${where}: “units” phải là danh sách tên đơn vị`,
			`${where}: “units” must be a list of names`
		);
	if (raw.units.length > MAX_UNITS)
		return fail(
			`${where}: quá nhiều đơn vị (tối đa ${MAX_UNITS})`,
			`${where}: too many units (at most ${MAX_UNITS})`
		);
	const units = [...new Set((raw.units as string[]).map((u) => cleanText(u, 200)).filter(Boolean))];
	const grouping = raw.grouping === undefined ? 'unit' : raw.grouping;
	if (grouping !== 'unit' && grouping !== 'successor')
		return fail(
			`${where}: cách gộp “${String(raw.grouping)}” không hợp lệ (unit, successor)`,
			`${where}: unknown grouping “${String(raw.grouping)}” (unit, successor)`
		);
	const from = optionalYear(raw, 'from');
	const to = optionalYear(raw, 'to');
	const year = optionalYear(raw, 'year');
	if (from === null || to === null || year === null)
		return fail(
			`${where}: năm phải có dạng YYYY (ví dụ 2023; kỳ xếp hạng có thể là 2024-H1)`,
			`${where}: years must look like YYYY (e.g. 2023; a ranking's period may be 2024-H1)`
		);
	if (from && to && from > to)
		return fail(`${where}: năm bắt đầu sau năm kết thúc`, `${where}: the first year is after the last`);
	if (raw.reference !== undefined && !SPEC_REFERENCES.includes(raw.reference as SpecReference))
		return fail(
			`${where}: đường tham chiếu “${String(raw.reference)}” không hợp lệ (median, total, none)`,
			`${where}: unknown reference “${String(raw.reference)}” (median, total, none)`
		);
	if (raw.title !== undefined && typeof raw.title !== 'string')
		return fail(`${where}: tiêu đề phải là chữ`, `${where}: the title must be text`);

	const spec: ChartSpec = {
		version: 1,
		kind: raw.kind as SpecKind,
		indicator: raw.indicator,
		units,
		grouping
	};
	if (from) spec.from = from;
	if (to) spec.to = to;
	if (year) spec.year = year;
	if (raw.reference !== undefined) spec.reference = raw.reference as SpecReference;
	const title = typeof raw.title === 'string' ? cleanText(raw.title) : '';
	if (title) spec.title = title;
	return { ok: true, value: spec };
}

/** A stable text form (keys in a fixed order, units sorted): equal specs give equal keys. */
export function specKey(spec: ChartSpec): string {
	return JSON.stringify([
		spec.version,
		spec.kind,
		spec.indicator,
		[...spec.units].sort(),
		spec.from ?? '',
		spec.to ?? '',
		spec.year ?? '',
		spec.grouping,
		spec.reference ?? '',
		spec.title ?? ''
	]);
}

export const sameSpec = (a: ChartSpec, b: ChartSpec) => specKey(a) === specKey(b);

/** Years the chart covers, as far as the spec says (`2021–2024`, `từ 2022`, `đến 2023`, ''). */
function yearSpan(spec: ChartSpec, locale: Locale, periods?: readonly string[]): string {
	if (spec.from && spec.to) return formatPeriodSpan([spec.from, spec.to], locale);
	const shown = (periods ?? []).filter((p) => YEAR.test(p));
	if (shown.length) return formatPeriodSpan(shown, locale);
	if (spec.from) return locale === 'vi' ? `từ ${spec.from}` : `from ${spec.from}`;
	if (spec.to) return locale === 'vi' ? `đến ${spec.to}` : `to ${spec.to}`;
	return '';
}

/**
 * The chart's title: the spec's own, or the indicator's name with its years, e.g. `Tỷ lệ xử lý đơn
 * 2023` (a ranking) or `Số vụ việc tiếp nhận 2021–2024`. `resolved` gives what only the data knows
 * (the latest year of a ranking without a year, the years a trend spans).
 */
export function specTitle(
	spec: ChartSpec,
	dictionary: ReadonlyMap<string, Indicator>,
	locale: Locale,
	resolved: { year?: string; periods?: readonly string[] } = {}
): string {
	if (spec.title) return spec.title;
	const indicator = dictionary.get(spec.indicator);
	const name = indicator ? indicatorName(indicator, locale) : spec.indicator;
	const when =
		spec.kind === 'ranking'
			? formatPeriod(spec.year ?? resolved.year ?? '', locale)
			: yearSpan(spec, locale, resolved.periods);
	return when ? `${name} ${when}` : name;
}

/**
 * One line about the spec for lists: `Xếp hạng · 3 đơn vị · 2023 · đơn vị từ 01/7/2025`; `whole` names
 * the whole area (see `referenceLabel`).
 */
export function specSummary(spec: ChartSpec, locale: Locale, whole: { vi: string; en: string }): string {
	const parts: string[] = [KIND_LABELS[spec.kind][locale]];
	const n = spec.units.length;
	if (n === 0) parts.push(locale === 'vi' ? 'tất cả đơn vị' : 'all units');
	else if (n <= 3) parts.push(spec.units.join(', '));
	else parts.push(locale === 'vi' ? `${n} đơn vị` : `${n} units`);
	if (spec.kind === 'ranking')
		parts.push(
			spec.year ? formatPeriod(spec.year, locale) : locale === 'vi' ? 'năm mới nhất' : 'latest year'
		);
	else {
		const span = yearSpan(spec, locale);
		if (span) parts.push(span);
	}
	if (spec.grouping === 'successor')
		parts.push(locale === 'vi' ? 'đơn vị từ 01/7/2025' : 'units of July 2025');
	if (spec.kind === 'trend' && spec.reference && spec.reference !== 'none')
		parts.push(
			`${locale === 'vi' ? 'so với' : 'vs'} ${referenceLabel(spec.reference, locale, whole).toLowerCase()}`
		);
	return parts.join(' · ');
}
