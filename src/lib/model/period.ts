/**
 * What a period is, for the views: a year (`2023`), a half (`2023-H1`), a quarter (`2023-Q2`) or a
 * multi-year total (`2021-2023`). Charts over years use yearly periods only. Reading a period out of a
 * file is `$lib/import/period`; this is what the stored text means.
 */
import type { SeriesRow } from './types';

const YEAR = /^\d{4}$/;

/** The one test of "is this period a year". */
export function isYear(period: string): boolean {
	return YEAR.test(period);
}

export function periodsOf(rows: readonly SeriesRow[]): string[] {
	return [...new Set(rows.map((r) => r.period))].sort();
}

export function yearsOf(rows: readonly SeriesRow[]): string[] {
	return periodsOf(rows).filter(isYear);
}

/** The year before a `YYYY` period, '' for any other period. */
export function previousYear(period: string): string {
	return isYear(period) ? String(Number(period) - 1) : '';
}

/** Keep periods in [from, to] (years; either end may be open). Non-yearly periods are kept when inside. */
export function inYearRange(period: string, from: number, to: number): boolean {
	const m = /^(\d{4})(?:-(\d{4}))?/.exec(period);
	if (!m) return true;
	const start = Number(m[1]);
	const end = m[2] ? Number(m[2]) : start;
	return (!from || start >= from) && (!to || end <= to);
}
