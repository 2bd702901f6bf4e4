/**
 * Words about what a figure covers: a change of a total between years with different numbers of units
 * reporting, a group value that covers fewer units than it stands for.
 */
import { computeChange, formatCount, formatPeriod, type ChangeOrMissing, type Locale } from '$lib/format';
import type { Indicator, SeriesRow } from '$lib/model/types';

/** A change of a total is only meaningful when the same number of units reported both years. */
export type TileChange = ChangeOrMissing | { kind: 'different-units'; current: number; previous: number };

export function tileChange(
	indicator: Indicator,
	current: SeriesRow | undefined,
	previous: SeriesRow | undefined
): TileChange {
	if (current && previous && indicator.aggregation === 'sum' && current.units !== previous.units)
		return { kind: 'different-units', current: current.units, previous: previous.units };
	return computeChange(current?.value ?? null, previous?.value ?? null);
}

export function differentUnitsText(change: { current: number; previous: number }, locale: Locale): string {
	return locale === 'vi'
		? `không so sánh được: ${formatCount(change.current, 'vi')} so với ${formatCount(change.previous, 'vi')} đơn vị báo cáo`
		: `not comparable: ${formatCount(change.current, 'en')} vs ${formatCount(change.previous, 'en')} units reporting`;
}

/** `14/15 đơn vị` when a group value covers fewer units than it stands for, '' when complete. */
export function coverageText(row: SeriesRow | undefined, expected: number, locale: Locale): string {
	if (!row || row.units >= expected) return '';
	return locale === 'vi'
		? `${formatCount(row.units, 'vi')}/${formatCount(expected, 'vi')} đơn vị có số liệu`
		: `${formatCount(row.units, 'en')} of ${formatCount(expected, 'en')} units reported`;
}

/**
 * Chart notes for group values that cover fewer units than their group has (`Đức Phổ 2024: 4/5`), so a
 * merged or town total is never read as complete when it is not.
 */
export function partialNotes(
	rows: readonly SeriesRow[],
	expectedOf: (group: string, period: string) => number,
	locale: Locale
): string[] {
	const partial = rows.filter((r) => r.units < expectedOf(r.unit, r.period));
	if (partial.length === 0) return [];
	const items = partial
		.map(
			(r) =>
				`${r.unit} ${formatPeriod(r.period, locale)} (${formatCount(r.units, locale)}/${formatCount(expectedOf(r.unit, r.period), locale)})`
		)
		.join('; ');
	return [
		locale === 'vi' ? `Số liệu gộp chưa đủ đơn vị: ${items}` : `Merged figures missing some units: ${items}`
	];
}
