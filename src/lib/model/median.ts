/** The median of the units: the reference line a trend is read against. */
import type { Qualifier, SeriesRow } from './types';

function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * The median of the units' values, per period. A median of rates is not a rate (no numerator and
 * denominator); any qualified input value makes the median approximate.
 */
export function medianRows(rows: readonly SeriesRow[], label: string): SeriesRow[] {
	const byPeriod = new Map<string, SeriesRow[]>();
	for (const r of rows)
		if (Number.isFinite(r.value)) byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), r]);
	return [...byPeriod.entries()]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([period, list]) => ({
			unit: label,
			period,
			value: median(list.map((r) => r.value)),
			qualifier: (list.some((r) => r.qualifier) ? '~' : '') as Qualifier,
			numerator: null,
			denominator: null,
			units: list.length
		}));
}
