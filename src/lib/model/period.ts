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

const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];

/** A period's last day (`2023-H1` → `2023-06-30`, `2021-2023` → `2023-12-31`); '' for text that is no period. */
export function periodEnd(period: string): string {
	const m = /^(\d{4})(?:-(?:(H[12])|Q([1-4])|(\d{4})))?$/.exec(period);
	if (!m) return '';
	if (m[2]) return `${m[1]}-${m[2] === 'H1' ? '06-30' : '12-31'}`;
	if (m[3]) return `${m[1]}-${QUARTER_END[Number(m[3]) - 1]}`;
	return `${m[4] ?? m[1]}-12-31`;
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
