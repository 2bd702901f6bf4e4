/** Small helpers over SeriesRow lists shared by the builders. */
import type { SeriesRow } from '$lib/model/types';
import { compareNames, type Locale } from '$lib/format';

export function rowKey(unit: string, period: string): string {
	return `${unit}\u0000${period}`;
}

export function indexRows(rows: readonly SeriesRow[]): Map<string, SeriesRow> {
	const map = new Map<string, SeriesRow>();
	for (const r of rows) map.set(rowKey(r.unit, r.period), r);
	return map;
}

/** Distinct periods, in order (period codes sort as text: `2021` < `2021-H1` < `2022`). */
export function distinctPeriods(...lists: readonly (readonly SeriesRow[])[]): string[] {
	const set = new Set<string>();
	for (const rows of lists) for (const r of rows) set.add(r.period);
	return [...set].sort();
}

/** Distinct units, in the locale's name order. */
export function distinctUnits(rows: readonly SeriesRow[], locale: Locale): string[] {
	return [...new Set(rows.map((r) => r.unit))].sort((a, b) => compareNames(a, b, locale));
}

export function hasValue(row: SeriesRow | undefined): row is SeriesRow {
	return row !== undefined && row.value !== null && Number.isFinite(row.value);
}
