/**
 * Rates with their parts: `4/6 · 66,7 %`. A rate over a tiny denominator swings wildly, so it carries a
 * mark that legends and tables explain with `smallSampleNote`.
 */
import type { SeriesRow } from '$lib/model/types';
import { formatCount, formatValue, type FormatOptions, type UnitOf } from './value';
import type { Locale } from './number';

/** A rate whose denominator is below this is a small sample. */
export const SMALL_SAMPLE_THRESHOLD = 10;
export const SMALL_SAMPLE_MARK = '*';

export type RateRow = Pick<SeriesRow, 'value' | 'qualifier' | 'numerator' | 'denominator'>;

export function hasParts(row: RateRow): row is RateRow & { numerator: number; denominator: number } {
	return (
		row.numerator !== null &&
		row.denominator !== null &&
		Number.isFinite(row.numerator) &&
		Number.isFinite(row.denominator)
	);
}

export function isSmallSample(row: RateRow): boolean {
	return hasParts(row) && row.denominator < SMALL_SAMPLE_THRESHOLD;
}

export function formatRate(row: RateRow, indicator: UnitOf, opts: FormatOptions): string {
	const value = formatValue(indicator, row.value, row.qualifier, opts);
	if (!hasParts(row)) return value;
	const parts = `${formatCount(row.numerator, opts.locale)}/${formatCount(row.denominator, opts.locale)}`;
	return `${parts} · ${value}${isSmallSample(row) ? SMALL_SAMPLE_MARK : ''}`;
}

export function smallSampleNote(locale: Locale): string {
	return locale === 'vi'
		? `${SMALL_SAMPLE_MARK} mẫu nhỏ (mẫu số < ${SMALL_SAMPLE_THRESHOLD})`
		: `${SMALL_SAMPLE_MARK} small sample (denominator < ${SMALL_SAMPLE_THRESHOLD})`;
}
